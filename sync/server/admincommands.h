#pragma once

#include <QStringList>

// `qingshui-server user add|list|disable|enable` and `qingshui-server device list|revoke|reassign`:
// the administrator's commands, run against the database file directly.
// Returns the process exit code; prints what it did, or why not, in one line.
int runAdminCommand(const QStringList &arguments);
