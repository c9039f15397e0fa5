#pragma once

#include <QStringList>

// `qingshui-server backup --db FILE --to FILE`: an online, verified copy of the server's
// SQLite file (sqlitebackup.h), safe while the server runs. A PostgreSQL --db is backed up
// with pg_dump instead (platforms/server/README.md, "Back-ups"); the command says so.
// Returns the process exit code: 0 copied, 1 failed, 2 wrong usage.
int runBackupCommand(const QStringList &arguments);
