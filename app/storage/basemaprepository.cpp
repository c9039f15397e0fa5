#include "basemaprepository.h"

#include "syncmetarepository.h"
#include "transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

const QString kColumns
    = QStringLiteral("sha256, server_id, name, scope_code, datum, size_bytes, added_at_ms, "
                     "offered, installed_at_ms, failure, failure_args");

// Qt binds a null QString as NULL; the text columns are NOT NULL with '' for none.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QList<StoredBasemap> BasemapRepository::select(const QString &where) const
{
    QList<StoredBasemap> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM basemap %2 ORDER BY added_at_ms DESC, sha256")
                    .arg(kColumns, where))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        StoredBasemap b;
        b.sha256 = q.value(0).toString();
        b.serverId = q.value(1).toLongLong();
        b.name = q.value(2).toString();
        b.scopeCode = q.value(3).toString();
        b.datum = q.value(4).toString();
        b.sizeBytes = q.value(5).toLongLong();
        b.addedAtMs = q.value(6).toLongLong();
        b.offered = q.value(7).toBool();
        b.installedAtMs = q.value(8).toLongLong();
        b.failure = q.value(9).toString();
        const QString args = q.value(10).toString();
        b.failureArgs = args.isEmpty() ? QStringList() : args.split(QLatin1Char('\n'));
        out << b;
    }
    return out;
}

QList<StoredBasemap> BasemapRepository::toFetch() const
{
    return select(QStringLiteral("WHERE offered = 1 AND installed_at_ms = 0"));
}

QList<StoredBasemap> BasemapRepository::all() const
{
    return select({});
}

std::optional<StoredBasemap> BasemapRepository::current() const
{
    const QList<StoredBasemap> installed = select(QStringLiteral("WHERE installed_at_ms > 0"));
    if (installed.isEmpty())
        return std::nullopt;
    return installed.first();
}

bool BasemapRepository::offersExactly(const QList<StoredBasemap> &packages) const
{
    // What storeOffered would leave: these offered, as they are, and nothing else kept that
    // is neither offered nor installed.
    auto same = [](const StoredBasemap &a, const StoredBasemap &b) {
        return a.sha256 == b.sha256 && a.serverId == b.serverId && a.name == b.name
            && a.scopeCode == b.scopeCode && a.datum == b.datum && a.sizeBytes == b.sizeBytes
            && a.addedAtMs == b.addedAtMs;
    };
    m_error.clear();
    const QList<StoredBasemap> known = select({}); // one read: a few rows at most
    if (!m_error.isEmpty())
        return false;
    qsizetype offered = 0;
    for (const StoredBasemap &k : known) {
        if (!k.offered && !k.installed() && !k.imported())
            return false; // storeOffered would forget it
        if (k.offered
            && std::none_of(packages.begin(), packages.end(),
                            [&](const StoredBasemap &p) { return same(k, p); }))
            return false;
        offered += k.offered ? 1 : 0;
    }
    return offered == packages.size();
}

bool BasemapRepository::storeOffered(const QList<StoredBasemap> &packages)
{
    // The same list as last time (most syncs): nothing is written, no commit.
    if (offersExactly(packages))
        return true;
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    bool ok = tx.isOpen() && q.exec(QStringLiteral("UPDATE basemap SET offered = 0"));
    q.prepare(QStringLiteral(
        "INSERT INTO basemap (sha256, server_id, name, scope_code, datum, size_bytes, "
        "added_at_ms, offered) VALUES (?,?,?,?,?,?,?,1) ON CONFLICT(sha256) DO UPDATE SET "
        "server_id = excluded.server_id, name = excluded.name, scope_code = "
        "excluded.scope_code, datum = excluded.datum, size_bytes = excluded.size_bytes, "
        "added_at_ms = excluded.added_at_ms, offered = 1"));
    for (const StoredBasemap &b : packages) {
        if (!ok)
            break;
        q.addBindValue(text(b.sha256));
        q.addBindValue(b.serverId);
        q.addBindValue(text(b.name));
        q.addBindValue(text(b.scopeCode));
        q.addBindValue(text(b.datum));
        q.addBindValue(b.sizeBytes);
        q.addBindValue(b.addedAtMs);
        ok = q.exec();
    }
    // Never installed and no longer offered: nothing of it is worth keeping (its .part, if
    // any, is the fetcher's to delete).
    ok = ok
        && q.exec(QStringLiteral(
            "DELETE FROM basemap WHERE offered = 0 AND installed_at_ms = 0 AND server_id > 0"));
    if (!ok || !tx.commit()) {
        m_error = q.lastError().isValid() ? q.lastError().text() : m_db.lastError().text();
        return false;
    }
    return true;
}

bool BasemapRepository::retireOutdated(const QString &keep, QStringList *obsolete)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sha256 FROM basemap WHERE installed_at_ms > 0 "
                             "AND server_id > 0 AND offered = 0 AND sha256 <> ?"));
    q.addBindValue(keep);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    QStringList gone;
    while (q.next())
        gone << q.value(0).toString();
    q.prepare(QStringLiteral("DELETE FROM basemap WHERE sha256 = ?"));
    for (const QString &sha : std::as_const(gone)) {
        q.addBindValue(sha);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    *obsolete << gone;
    return true;
}

bool BasemapRepository::markInstalled(const QString &sha256, QStringList *obsolete)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE basemap SET installed_at_ms = ?, failure = '', "
                             "failure_args = '' WHERE sha256 = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(sha256);
    if (!tx.isOpen() || !q.exec() || q.numRowsAffected() != 1) {
        m_error = q.lastError().isValid() ? q.lastError().text()
                                          : QStringLiteral("no basemap %1").arg(sha256);
        return false;
    }
    QStringList gone;
    if (!retireOutdated(sha256, &gone))
        return false;
    if (!tx.commit()) {
        m_error = m_db.lastError().text();
        return false;
    }
    *obsolete << gone;
    return true;
}

bool BasemapRepository::recordImported(const StoredBasemap &b, QStringList *obsolete)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sha256 FROM basemap WHERE server_id = 0 AND sha256 <> ?"));
    q.addBindValue(text(b.sha256));
    bool ok = tx.isOpen() && q.exec();
    QStringList gone;
    while (ok && q.next())
        gone << q.value(0).toString();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM basemap WHERE server_id = 0"));
        ok = q.exec();
    }
    if (ok) {
        // The same bytes as a server's package: that row is installed now, and stays the
        // server's.
        q.prepare(QStringLiteral(
            "INSERT INTO basemap (sha256, server_id, name, scope_code, datum, size_bytes, "
            "added_at_ms, installed_at_ms) VALUES (?,0,?,?,?,?,?,?) ON CONFLICT(sha256) "
            "DO UPDATE SET installed_at_ms = excluded.installed_at_ms, failure = ''"));
        q.addBindValue(text(b.sha256));
        q.addBindValue(text(b.name));
        q.addBindValue(text(b.scopeCode));
        q.addBindValue(text(b.datum));
        q.addBindValue(b.sizeBytes);
        q.addBindValue(b.addedAtMs);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        ok = q.exec();
    }
    if (!ok || !tx.commit()) {
        m_error = q.lastError().isValid() ? q.lastError().text() : m_db.lastError().text();
        return false;
    }
    *obsolete << gone;
    return true;
}

bool BasemapRepository::setFailure(const QString &sha256, const QString &code,
                                   const QStringList &args)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE basemap SET failure = ?, failure_args = ? WHERE sha256 = ?"));
    q.addBindValue(text(code));
    q.addBindValue(text(args.join(QLatin1Char('\n'))));
    q.addBindValue(sha256);
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool BasemapRepository::allowMetered() const
{
    return SyncMetaRepository(m_db).value(QLatin1String(kAllowMeteredKey)) == QLatin1String("1");
}

bool BasemapRepository::setAllowMetered(bool allow)
{
    return SyncMetaRepository(m_db).setValue(QLatin1String(kAllowMeteredKey),
                                             allow ? QStringLiteral("1") : QStringLiteral("0"));
}
