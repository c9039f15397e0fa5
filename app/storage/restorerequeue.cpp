#include "restorerequeue.h"

#include "bloboutboxrepository.h"
#include "problemrepository.h"
#include "reviewrepository.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include "domain/record.h"
#include "domain/timeorderedid.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

int RestoreRequeue::requeueOwnRevisions(const QString &deviceId, const QString &newEpoch,
                                        int *decisions)
{
    Transaction tx(m_db);
    // Every revision this device submitted goes out again with the op that first carried
    // it: what the restored server still holds it acknowledges without storing twice.
    // Records from before schema 5 lost their op ids with their outbox rows: they get new ones.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id FROM record WHERE op_id = '' AND author_device_id = ? AND status <> 1"));
    q.addBindValue(deviceId);
    QStringList withoutOp;
    if (q.exec()) {
        while (q.next())
            withoutOp << q.value(0).toString();
    }
    q.prepare(QStringLiteral("UPDATE record SET op_id = ? WHERE id = ?"));
    for (const QString &id : std::as_const(withoutOp)) {
        q.addBindValue(TimeOrderedId::create());
        q.addBindValue(id);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return -1;
        }
    }
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO outbox (op_id, record_id, created_at_ms) "
                       "SELECT op_id, id, ? FROM record WHERE author_device_id = ? AND status <> 1 "
                       "AND id NOT IN (SELECT record_id FROM outbox WHERE review_id IS NULL "
                       "AND record_id IS NOT NULL) "
                       "ORDER BY updated_at_ms"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(deviceId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    const int requeued = q.numRowsAffected();
    // Decisions after the revisions: an admin's device may have decided on its own records.
    ReviewRepository reviews(m_db);
    SyncMetaRepository meta(m_db);
    const int decided
        = reviews.requeueAcknowledged(meta.value(QLatin1String(SyncMetaRepository::kAuthUsername)));
    if (decided < 0) {
        m_error = reviews.lastError();
        return -1;
    }
    // The ledger's events and sign-offs after them, counted with the decisions.
    ProblemRepository ledger(m_db);
    const int ledgerOps
        = ledger.requeueAcknowledged(meta.value(QLatin1String(SyncMetaRepository::kAuthUsername)));
    if (ledgerOps < 0) {
        m_error = ledger.lastError();
        return -1;
    }
    if (decisions)
        *decisions = decided + ledgerOps;
    // A restored server may have lost their photos too: ask about each again (the uploader
    // sends only what the server does not hold).
    BlobOutboxRepository photos(m_db);
    if (!photos.enqueueOwnPhotos(deviceId)) {
        m_error = photos.lastError();
        return -1;
    }
    q.prepare(QStringLiteral("UPDATE record SET sync_state = ? WHERE id IN "
                             "(SELECT record_id FROM outbox WHERE review_id IS NULL)"));
    q.addBindValue(static_cast<int>(SyncState::Pending));
    if (!q.exec()
        || !meta.setValue(QLatin1String(SyncMetaRepository::kPullCursor), QStringLiteral("0"))
        || !meta.setValue(QLatin1String(SyncMetaRepository::kServerEpoch), newEpoch)
        || !meta.clearHistoryMark() || !tx.commit()) {
        m_error = QStringLiteral("cannot queue the records again: %1").arg(q.lastError().text());
        return -1;
    }
    return requeued;
}
