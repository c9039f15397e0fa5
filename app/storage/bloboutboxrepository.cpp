#include "bloboutboxrepository.h"

#include "transaction.h"

#include "domain/photoreferences.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

bool BlobOutboxRepository::enqueue(const QStringList &sha256s)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO blob_outbox (sha256, queued_at_ms) VALUES (?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &sha : sha256s) {
        q.addBindValue(sha);
        q.addBindValue(now);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot queue photo %1: %2").arg(sha, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool BlobOutboxRepository::enqueueOwnPhotos(const QString &deviceId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT content FROM record WHERE author_device_id = ? AND status <> 1"));
    q.addBindValue(deviceId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    QStringList refs;
    while (q.next())
        refs << photoReferencesIn(q.value(0).toByteArray());
    refs.removeDuplicates();
    return enqueue(refs);
}

QStringList BlobOutboxRepository::pending() const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sha256 FROM blob_outbox ORDER BY queued_at_ms, sha256")))
        m_error = q.lastError().text();
    while (q.next())
        out << q.value(0).toString();
    return out;
}

int BlobOutboxRepository::pendingCount() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM blob_outbox")) && q.next()
        ? q.value(0).toInt()
        : 0;
}

bool BlobOutboxRepository::remove(const QStringList &sha256s)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM blob_outbox WHERE sha256 = ?"));
    for (const QString &sha : sha256s) {
        q.addBindValue(sha);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit the photo outbox");
        return false;
    }
    return true;
}
