#pragma once

#include <QStringList>

// `qingshui-server invite`: makes a one-time enrolment code (and its QR code) for an account,
// lists the invites, revokes one. Run against the database file directly, like the other
// administrator's commands. Returns the process exit code.
int runInviteCommand(const QStringList &arguments);
