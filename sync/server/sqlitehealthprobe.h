#pragma once

#include "healthprobe.h"

#include <sys/types.h>

class ServerDatabase;

// The SQLite file opens and answers a read, under the epoch the server serves, and its path
// still names the file the server opened: one deleted, moved or replaced under a running server
// would take every write from then on into a file nobody serves again. Checks run on one thread at
// a time (HealthWatch's).
class SqliteHealthProbe : public HealthProbe {
public:
    explicit SqliteHealthProbe(ServerDatabase &db);
    bool check(QString *problem) override;

private:
    ServerDatabase &m_db;
    dev_t m_device = 0;
    ino_t m_inode = 0;
};
