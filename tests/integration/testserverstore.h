#pragma once

#include "pgtestdatabase.h"

#include <QString>
#include <QStringList>
#include <memory>

// The store of the server a test starts, on the backend ctest registered the test for
// (tests/backends.cmake, QS_TEST_BACKEND): the SQLite file server.db in the test's folder, or
// a PostgreSQL database of the test's own in the run's cluster (QS_TEST_PG_URL), dropped at the
// end, with the blob folder every PostgreSQL server must be given.
class TestServerStore {
public:
    static bool isPostgres() { return qgetenv("QS_TEST_BACKEND") == "postgres"; }

    // purpose names the PostgreSQL database (letters and _), unique within the program.
    bool make(const QString &folder, const QString &purpose, QString *error)
    {
        if (!isPostgres()) {
            m_db = folder + QStringLiteral("/server.db");
            return true;
        }
        m_pg = std::make_unique<PgTestDatabase>(purpose);
        if (!m_pg->create(error))
            return false;
        m_db = m_pg->url();
        m_serverArgs = {QStringLiteral("--blobs"), folder + QStringLiteral("/blobs")};
        return true;
    }

    // --db for the server and its admin commands.
    QString db() const { return m_db; }
    // What the server needs besides --db (the blob folder on PostgreSQL), then args.
    QStringList serverArgs(const QStringList &args = {}) const { return m_serverArgs + args; }
    // The PostgreSQL database's name; empty on SQLite.
    QString pgName() const
    {
        if (!m_pg)
            return {};
        const qsizetype query = m_db.indexOf(QLatin1Char('?'));
        const qsizetype slash = m_db.lastIndexOf(QLatin1Char('/'), query < 0 ? -1 : query);
        return m_db.mid(slash + 1, query < 0 ? -1 : query - slash - 1);
    }

private:
    std::unique_ptr<PgTestDatabase> m_pg;
    QString m_db;
    QStringList m_serverArgs;
};
