#include "recordrepository.h"

#include "bloboutboxrepository.h"
#include "recordfiltersql.h"
#include "searchindex.h"
#include "sqlrecord.h"
#include "transaction.h"

#include "domain/photoreferences.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// No filter but the search.
bool searchesOnly(const RecordFilter &f)
{
    RecordFilter bare;
    bare.search = f.search;
    return f == bare;
}

} // namespace

bool RecordRepository::upsert(const Record &record)
{
    if (m_writer.upsert(record))
        return true;
    m_error = m_writer.lastError();
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
    record.opId = opId;
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
    // Its photos go out after it, queued in the same transaction.
    BlobOutboxRepository photos(m_db);
    if (!photos.enqueue(photoReferencesIn(record.content))) {
        m_error = photos.lastError();
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

QList<Record> RecordRepository::query(const RecordFilter &filter, int limit, int offset) const
{
    QList<Record> out;
    QVariantList binds;
    QString sql;
    const QString search = filter.search.trimmed();
    if (search.isEmpty()) {
        sql = QStringLiteral("SELECT %1 FROM record r%2 ORDER BY r.updated_at_ms DESC, r.id "
                             "LIMIT ? OFFSET ?")
                  .arg(QLatin1String(kRecordColumns), recordFilterWhere(filter, &binds));
    } else {
        // A search pages through its matches by the sort key their search rows carry, so only
        // the page's records are read, not every match's (a common word matches thousands).
        // Other filters are checked on each match's record (the inner query's own r).
        RecordFilter others = filter;
        others.search.clear();
        const QString matched = SearchIndex::matches(search, &binds);
        const QString where = recordFilterWhere(others, &binds);
        const QString page = searchesOnly(filter)
            ? QStringLiteral("SELECT record_id FROM (%1) "
                             "ORDER BY updated_at_ms DESC, record_id LIMIT ? OFFSET ?")
                  .arg(matched)
            : QStringLiteral("SELECT m.record_id FROM (%1) m CROSS JOIN record r "
                             "ON r.id = m.record_id%2 "
                             "ORDER BY m.updated_at_ms DESC, m.record_id LIMIT ? OFFSET ?")
                  .arg(matched, where);
        sql = QStringLiteral("SELECT %1 FROM record r WHERE r.id IN (%2) "
                             "ORDER BY r.updated_at_ms DESC, r.id")
                  .arg(QLatin1String(kRecordColumns), page);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        m_error = q.lastError().text();
    while (q.next())
        out << readRecord(q);
    return out;
}

namespace {

// The filter's matches as a FROM clause: a search alone through the index, without reading
// the records; anything else over the records.
QString matchesOf(const RecordFilter &filter, QVariantList *binds)
{
    const QString search = filter.search.trimmed();
    if (!search.isEmpty() && searchesOnly(filter))
        return QStringLiteral("(%1)").arg(SearchIndex::matches(search, binds));
    return QStringLiteral("record r%1").arg(recordFilterWhere(filter, binds));
}

} // namespace

int RecordRepository::count(const RecordFilter &filter) const
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT count(*) FROM %1").arg(matchesOf(filter, &binds));
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool RecordRepository::hasAny(const RecordFilter &filter) const
{
    QVariantList binds;
    const QString sql
        = QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(matchesOf(filter, &binds));
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next() && q.value(0).toBool();
}

QStringList RecordRepository::authors() const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT DISTINCT author FROM record WHERE author <> '' ORDER BY author")))
        m_error = q.lastError().text();
    while (q.next())
        out << q.value(0).toString();
    return out;
}

std::optional<QList<QByteArray>> RecordRepository::contentsNewestFirst() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT content FROM record ORDER BY updated_at_ms DESC"))) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    QList<QByteArray> out;
    while (q.next())
        out << q.value(0).toByteArray();
    if (q.lastError().isValid()) { // a step failed part way: not every record was read
        m_error = q.lastError().text();
        return std::nullopt;
    }
    return out;
}

bool RecordRepository::discardDraft(const QString &id)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    // A draft edited from a revision the server holds (a returned record) stays too.
    q.prepare(QStringLiteral("DELETE FROM record WHERE id = ? AND status = 1 AND server_seq = 0 "
                             "AND id NOT IN (SELECT record_id FROM outbox "
                             "WHERE record_id IS NOT NULL)"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1)
        return false;
    q.prepare(QStringLiteral("DELETE FROM record_search WHERE record_id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return tx.commit();
}
