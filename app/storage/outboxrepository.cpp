#include "outboxrepository.h"

#include "domain/photoreferences.h"
#include "sqlrecord.h"
#include "transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

QList<OutboxEntry> OutboxRepository::peek(int max, qint64 afterClientSeq) const
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT o.client_seq, o.op_id, %1 FROM outbox o "
                             "JOIN record r ON r.id = o.record_id WHERE o.client_seq > ? "
                             "ORDER BY o.client_seq LIMIT ?")
                  .arg(QLatin1String(kRecordColumns)));
    q.addBindValue(afterClientSeq);
    q.addBindValue(max);
    if (!q.exec())
        m_error = q.lastError().text();
    while (q.next())
        out << OutboxEntry {q.value(0).toLongLong(), q.value(1).toString(), readRecord(q, 2)};
    return out;
}

int OutboxRepository::pendingCount() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next() ? q.value(0).toInt()
                                                                             : 0;
}

QStringList OutboxRepository::queuedPhotoReferences() const
{
    QStringList out;
    QSet<QString> seen;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT content FROM record WHERE id IN (SELECT record_id FROM outbox)"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        for (const QString &photo : photoReferencesIn(q.value(0).toByteArray())) {
            if (!seen.contains(photo)) {
                seen.insert(photo);
                out << photo;
            }
        }
    }
    return out;
}

bool OutboxRepository::acknowledge(qint64 ackedClientSeq)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    // Records whose every queued op is acknowledged are now held by the server.
    q.prepare(QStringLiteral("UPDATE record SET sync_state = ? WHERE id IN "
                             "(SELECT o.record_id FROM outbox o WHERE o.client_seq <= ? "
                             "AND NOT EXISTS (SELECT 1 FROM outbox later "
                             "WHERE later.record_id = o.record_id AND later.client_seq > ?))"));
    q.addBindValue(static_cast<int>(SyncState::Synced));
    q.addBindValue(ackedClientSeq);
    q.addBindValue(ackedClientSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_seq <= ?"));
    q.addBindValue(ackedClientSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return tx.commit();
}
