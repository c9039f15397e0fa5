#include "photocacherepository.h"

#include "syncmetarepository.h"
#include "transaction.h"

#include "domain/photoreferences.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

qint64 PhotoCacheRepository::budgetBytes() const
{
    bool ok = false;
    const qint64 bytes = SyncMetaRepository(m_db).value(QLatin1String(kBudgetKey)).toLongLong(&ok);
    return ok && bytes > 0 ? bytes : kDefaultBudgetBytes;
}

bool PhotoCacheRepository::setBudgetBytes(qint64 bytes)
{
    if (bytes <= 0) {
        m_error = QStringLiteral("the photo budget must be positive");
        return false;
    }
    return SyncMetaRepository(m_db).setValue(QLatin1String(kBudgetKey), QString::number(bytes));
}

bool PhotoCacheRepository::recordFetched(const QString &sha256, qint64 bytes)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO photo_cache (sha256, bytes, fetched_at_ms) "
                             "VALUES (?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
                             "bytes = excluded.bytes, fetched_at_ms = excluded.fetched_at_ms"));
    q.addBindValue(sha256);
    q.addBindValue(bytes);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool PhotoCacheRepository::markShown(const QStringList &sha256s)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE photo_cache SET shown_at_ms = ? WHERE sha256 = ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &sha : sha256s) {
        q.addBindValue(now);
        q.addBindValue(sha);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return tx.commit();
}

bool PhotoCacheRepository::remove(const QStringList &sha256s)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM photo_cache WHERE sha256 = ?"));
    for (const QString &sha : sha256s) {
        q.addBindValue(sha);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return tx.commit();
}

QList<CachedPhoto> PhotoCacheRepository::all() const
{
    QList<CachedPhoto> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT sha256, bytes, fetched_at_ms, shown_at_ms FROM photo_cache"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << CachedPhoto {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                            q.value(3).toLongLong()};
    return out;
}

qint64 PhotoCacheRepository::usedBytes() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT coalesce(sum(bytes), 0) FROM photo_cache")) && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

QStringList PhotoCacheRepository::photosOf(const QString &sql) const
{
    QStringList out;
    QSet<QString> seen;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        for (const QString &sha : photoReferencesIn(q.value(0).toByteArray())) {
            if (!seen.contains(sha)) {
                seen.insert(sha);
                out << sha;
            }
        }
    }
    return out;
}

QStringList PhotoCacheRepository::waitingPhotos() const
{
    // Status 2: submitted, no decision on this revision yet (the review queue's work).
    return photosOf(
        QStringLiteral("SELECT content FROM record WHERE status = 2 ORDER BY updated_at_ms DESC"));
}

QStringList PhotoCacheRepository::decidedPhotos() const
{
    // Approved (4) and rejected (5).
    return photosOf(QStringLiteral(
        "SELECT content FROM record WHERE status IN (4, 5) ORDER BY updated_at_ms ASC"));
}
