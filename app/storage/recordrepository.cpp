#include "recordrepository.h"

#include "sqlrecord.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

bool RecordRepository::upsert(const Record &r)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO record (id, template_id, template_version, category, village_code, status, "
        "created_at_ms, updated_at_ms, content, author_device_id, sync_state, server_seq) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET template_id=excluded.template_id, "
        "template_version=excluded.template_version, category=excluded.category, "
        "village_code=excluded.village_code, status=excluded.status, "
        "created_at_ms=excluded.created_at_ms, updated_at_ms=excluded.updated_at_ms, "
        "content=excluded.content, author_device_id=excluded.author_device_id, "
        "sync_state=excluded.sync_state, server_seq=excluded.server_seq"));
    q.addBindValue(r.id);
    q.addBindValue(r.templateId);
    q.addBindValue(r.templateVersion);
    q.addBindValue(r.category);
    q.addBindValue(r.villageCode);
    q.addBindValue(static_cast<int>(r.status));
    q.addBindValue(r.createdAtMs);
    q.addBindValue(r.updatedAtMs);
    q.addBindValue(r.content);
    q.addBindValue(r.authorDeviceId);
    q.addBindValue(static_cast<int>(r.syncState));
    q.addBindValue(r.serverSeq);
    if (q.exec())
        return true;
    m_error = QStringLiteral("cannot store record %1: %2").arg(r.id, q.lastError().text());
    return false;
}

bool RecordRepository::saveDraft(const Record &record)
{
    Record draft = record;
    draft.status = RecordStatus::Draft;
    draft.syncState = SyncState::LocalOnly;
    Transaction tx(m_db);
    return upsert(draft) && tx.commit();
}

bool RecordRepository::submit(Record record, const QString &opId)
{
    record.status = RecordStatus::Submitted;
    record.syncState = SyncState::Pending;
    Transaction tx(m_db);
    if (!upsert(record))
        return false;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO outbox (op_id, record_id, created_at_ms) VALUES (?,?,?)"));
    q.addBindValue(opId);
    q.addBindValue(record.id);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = QStringLiteral("cannot queue record %1: %2").arg(record.id, q.lastError().text());
        return false;
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit record %1").arg(record.id);
        return false;
    }
    return true;
}

std::optional<Record> RecordRepository::find(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM record r WHERE r.id = ?")
                  .arg(QLatin1String(kRecordColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readRecord(q);
    return std::nullopt;
}

QList<Record> RecordRepository::list(int limit, int offset) const
{
    QList<Record> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM record r ORDER BY r.updated_at_ms DESC, r.id "
                             "LIMIT ? OFFSET ?")
                  .arg(QLatin1String(kRecordColumns)));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        m_error = q.lastError().text();
    while (q.next())
        out << readRecord(q);
    return out;
}

int RecordRepository::count() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM record")) && q.next() ? q.value(0).toInt()
                                                                             : 0;
}

bool RecordRepository::applyPulledPage(const QList<Record> &records, qint64 nextServerSeq,
                                       const QString &epoch)
{
    Transaction tx(m_db);
    QSqlQuery pending(m_db);
    pending.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE record_id = ? LIMIT 1"));
    for (Record r : records) {
        pending.addBindValue(r.id);
        if (!pending.exec()) {
            m_error = pending.lastError().text();
            return false;
        }
        const bool hasLocalEdits = pending.next();
        pending.finish();
        if (hasLocalEdits)
            continue;
        r.syncState = SyncState::Synced;
        if (!upsert(r))
            return false;
    }
    SyncMetaRepository meta(m_db);
    if (!meta.setValue(QLatin1String(SyncMetaRepository::kPullCursor),
                       QString::number(nextServerSeq))
        || !meta.setValue(QLatin1String(SyncMetaRepository::kServerEpoch), epoch)) {
        m_error = QStringLiteral("cannot store the pull cursor");
        return false;
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit the pulled page");
        return false;
    }
    return true;
}
