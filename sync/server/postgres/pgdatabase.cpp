#include "pgdatabase.h"

#include "serverdatabase.h"

#include <QFile>

namespace {

// Any fixed number: the key of the advisory lock migrations hold.
constexpr qint64 kMigrationLock = 0x51696e6773687569; // "Qingshui"
// A fresh database starts at the whole schema as SQLite has it at 9.
constexpr int kFirstVersion = 9;

QString migrationText(int version)
{
    QFile file(QStringLiteral(":/qingshui/server/migrations/postgres/%1.sql")
                   .arg(version, 3, 10, QLatin1Char('0')));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

bool PgDatabase::isUri(const QString &db)
{
    return db.startsWith(QLatin1String("postgresql://"))
        || db.startsWith(QLatin1String("postgres://"));
}

bool PgDatabase::open(const QString &uri, int poolSize)
{
    m_pool = std::make_unique<PgPool>(uri, poolSize);
    PgPool::Lease c = m_pool->lease();
    if (!migrate(*c))
        return false;
    const PgResult epoch
        = c->exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (!epoch.ok() || epoch.rows() != 1) {
        m_error = QStringLiteral("cannot read the epoch: %1").arg(epoch.error());
        return false;
    }
    m_epoch = epoch.value(0, 0).toString();
    return true;
}

bool PgDatabase::migrate(PgConnection &c)
{
    const int latest = ServerDatabase::latestSchemaVersion();
    if (PgResult r = c.begin(); !r.ok()) {
        m_error = r.error();
        return false;
    }
    auto fail = [&](const QString &what) {
        m_error = what;
        c.rollback();
        return false;
    };
    // Held until this transaction ends: a second server waits here, then finds it done.
    PgResult r = c.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock));
    if (r.ok())
        r = c.execScript(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    if (r.ok())
        r = c.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!r.ok())
        return fail(r.error());
    const int from = r.value(0, 0).toInt();
    if (from > latest)
        return fail(QStringLiteral("the database has schema %1, newer than this server (%2)")
                        .arg(from)
                        .arg(latest));
    for (int v = from == 0 ? kFirstVersion : from + 1; v <= latest; ++v) {
        const QString sql = migrationText(v);
        if (sql.isEmpty())
            return fail(QStringLiteral("no PostgreSQL migration %1").arg(v));
        if (PgResult m = c.execScript(sql); !m.ok())
            return fail(QStringLiteral("schema %1: %2").arg(v).arg(m.error()));
    }
    r = c.exec(QStringLiteral("DELETE FROM schema_version"));
    if (r.ok())
        r = c.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {latest});
    // The name of this database's history, made once.
    if (r.ok())
        r = c.exec(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('epoch', "
                                  "gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING"));
    if (!r.ok())
        return fail(r.error());
    if (PgResult done = c.commit(); !done.ok()) {
        m_error = done.error();
        return false;
    }
    return true;
}
