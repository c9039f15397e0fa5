#pragma once

#include "pgpool.h"

#include <QString>
#include <memory>

// The server's PostgreSQL database: a pool of connections, the schema migrated on open
// (migrations/postgres/NNN.sql, the version in table schema_version, under an advisory lock
// so that servers starting at once migrate once), and the epoch that names its history.
class PgDatabase {
public:
    // postgresql://… or postgres://… (libpq's URI); anything else is an SQLite path.
    static bool isUri(const QString &db);

    bool open(const QString &uri, int poolSize = 8);
    PgPool &pool() { return *m_pool; }
    QString epoch() const { return m_epoch; }
    QString error() const { return m_error; }

private:
    bool migrate(PgConnection &c);

    std::unique_ptr<PgPool> m_pool;
    QString m_epoch;
    QString m_error;
};
