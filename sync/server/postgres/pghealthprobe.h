#pragma once

#include "healthprobe.h"

class PgDatabase;

// The PostgreSQL database answers a read on one of the server's pooled connections, and still
// holds the history (epoch) the server serves: a database restored or replaced under a running
// server is not the one its devices' cursors point into. A lost connection fails this check and
// is opened again on the next one. When every pooled connection is busy, the check waits its
// turn as a call would.
class PgHealthProbe : public HealthProbe {
public:
    explicit PgHealthProbe(PgDatabase &db) : m_db(db) { }
    bool check(QString *problem) override;

private:
    PgDatabase &m_db;
};
