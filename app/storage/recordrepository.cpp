#include "recordrepository.h"

#include "bloboutboxrepository.h"
#include "common/sqlitestatement.h"
#include "reviewrepository.h"
#include "searchindex.h"
#include "searchtext.h"
#include "sqlrecord.h"
#include "sqlreview.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include "domain/photoreferences.h"
#include "domain/region.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

// Builds the WHERE clause of a filter; binds go in order.
QString whereClause(const RecordFilter &f, QVariantList *binds)
{
    QStringList where;
    if (!f.statuses.isEmpty()) {
        QStringList any;
        for (ListStatus s : f.statuses) {
            switch (s) {
            case ListStatus::Draft:
                any << QStringLiteral("r.status = 1");
                break;
            case ListStatus::Pending:
                any << QStringLiteral("(r.status = 2 AND r.sync_state <> 2)");
                break;
            case ListStatus::Synced:
                any << QStringLiteral("(r.status = 2 AND r.sync_state = 2)");
                break;
            case ListStatus::Returned:
                any << QStringLiteral("r.status = 3");
                break;
            case ListStatus::Approved:
                any << QStringLiteral("r.status = 4");
                break;
            case ListStatus::Rejected:
                any << QStringLiteral("r.status = 5");
                break;
            }
        }
        where << QLatin1Char('(') + any.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        where << QStringLiteral("r.%1 = ?").arg(QLatin1String(column));
        *binds << value;
    };
    equals("unit_code", f.unitCode);
    if (!f.townshipCode.isEmpty()) {
        // Village codes are the township's nine digits and three more.
        where << QStringLiteral("r.village_code BETWEEN ? AND ?");
        *binds << f.townshipCode + QLatin1String("000") << f.townshipCode + QLatin1String("999");
    }
    equals("village_code", f.villageCode);
    equals("category", f.category);
    equals("author", f.author);
    if (f.fromMs > 0) {
        where << QStringLiteral("r.updated_at_ms >= ?");
        *binds << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("r.updated_at_ms < ?");
        *binds << f.toMs;
    }
    const QString search = f.search.trimmed();
    if (!search.isEmpty()) {
        where << SearchIndex::condition(search, binds);
    }
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
}

// No filter but the search.
bool searchesOnly(const RecordFilter &f)
{
    RecordFilter bare;
    bare.search = f.search;
    return f == bare;
}

} // namespace

QString RecordRepository::placeNamesOf(const QString &villageCode)
{
    auto cached = m_placeNameCache.constFind(villageCode);
    if (cached != m_placeNameCache.constEnd())
        return *cached;
    if (!m_placeNames) {
        m_placeNames.emplace(m_db);
        m_placeNames->prepare(QStringLiteral("SELECT v.name, t.name FROM village v "
                                             "JOIN township t ON t.code = v.township_code "
                                             "WHERE v.code = ?"));
    }
    QString names;
    m_placeNames->addBindValue(villageCode);
    if (m_placeNames->exec() && m_placeNames->next())
        names = m_placeNames->value(0).toString() + QLatin1Char(' ')
            + m_placeNames->value(1).toString();
    m_placeNames->finish();
    m_placeNameCache.insert(villageCode, names);
    return names;
}

QString RecordRepository::searchTextFor(const Record &r)
{
    QString text = placeNamesOf(r.villageCode);
    appendAnswerText(r.content, &text);
    return notNull(text);
}

bool RecordRepository::upsert(const Record &r)
{
    if (!m_upsert) {
        m_upsert.emplace(
            m_db,
            "INSERT INTO record (id, template_id, template_version, category, village_code, "
            "status, created_at_ms, updated_at_ms, content, author_device_id, sync_state, "
            "server_seq, unit_code, op_id, photos_pending, conflict_with, author, "
            "device_clock_skew_ms, server_fingerprint) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET template_id=excluded.template_id, "
            "template_version=excluded.template_version, category=excluded.category, "
            "village_code=excluded.village_code, status=excluded.status, "
            "created_at_ms=excluded.created_at_ms, updated_at_ms=excluded.updated_at_ms, "
            "content=excluded.content, author_device_id=excluded.author_device_id, "
            "sync_state=excluded.sync_state, server_seq=excluded.server_seq, "
            "unit_code=excluded.unit_code, "
            "op_id=CASE WHEN excluded.op_id = '' THEN record.op_id ELSE excluded.op_id END, "
            "photos_pending=excluded.photos_pending, "
            "conflict_with=excluded.conflict_with, author=excluded.author, "
            "device_clock_skew_ms=excluded.device_clock_skew_ms, "
            "server_fingerprint=excluded.server_fingerprint");
        m_upsertSearch.emplace(
            m_db,
            "INSERT INTO record_search (record_id, updated_at_ms, text) VALUES (?, ?, ?) "
            "ON CONFLICT(record_id) DO UPDATE SET updated_at_ms = excluded.updated_at_ms, "
            "text = excluded.text");
    }
    if (!keepOverwrittenRevision(r))
        return false;
    SqliteStatement &q = *m_upsert;
    q.bindText(1, r.id);
    q.bindText(2, r.templateId);
    q.bind(3, r.templateVersion);
    q.bindText(4, r.category);
    q.bindText(5, r.villageCode);
    q.bind(6, static_cast<int>(r.status));
    q.bind(7, r.createdAtMs);
    q.bind(8, r.updatedAtMs);
    q.bindBlob(9, r.content);
    q.bindText(10, r.authorDeviceId);
    q.bind(11, static_cast<int>(r.syncState));
    q.bind(12, r.serverSeq);
    q.bindText(13, pairedUnitCodeOfVillage(r.villageCode));
    q.bindText(14, r.opId);
    q.bind(15, r.photosPending ? 1 : 0);
    q.bind(16, r.conflictWith);
    q.bindText(17, r.author);
    q.bind(18, r.deviceClockSkewMs);
    q.bind(19, r.serverFingerprint);
    SqliteStatement &search = *m_upsertSearch;
    search.bindText(1, r.id);
    search.bind(2, r.updatedAtMs);
    search.bindText(3, searchTextFor(r));
    q.step();
    const bool recordOk = !q.hasError();
    if (recordOk)
        search.step();
    const bool ok = recordOk && !search.hasError();
    if (!ok) {
        m_error = QStringLiteral("cannot store record %1: %2")
                      .arg(r.id, (recordOk ? search : q).error());
    }
    // Kept prepared for the next record; reset so that the transaction can commit.
    q.reset();
    search.reset();
    return ok;
}

bool RecordRepository::keepOverwrittenRevision(const Record &r)
{
    // A row the server numbered, about to be replaced by another revision or edited here,
    // goes to record_revision first (once: a resubmission overwrites the same old number
    // twice, with the edit and then with the server's copy of it).
    if (!m_keepRevision) {
        // Asked first: a point lookup, where the copy's INSERT … SELECT, which reads the
        // table it writes, costs a fresh pull a sixth of its time even when it copies nothing.
        m_revisionOverwritten.emplace(m_db,
                                      "SELECT 1 FROM record WHERE id = ? AND server_seq > 0 "
                                      "AND (server_seq <> ? OR content IS NOT ?)");
        m_keepRevision.emplace(
            m_db,
            "INSERT INTO record_revision (record_id, server_seq, template_id, "
            "template_version, category, village_code, status, created_at_ms, updated_at_ms, "
            "content, author_device_id, author, device_clock_skew_ms, conflict_with) "
            "SELECT id, server_seq, template_id, template_version, category, village_code, "
            "status, created_at_ms, updated_at_ms, content, author_device_id, author, "
            "device_clock_skew_ms, conflict_with FROM record WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM "
            "record_revision v WHERE v.record_id = record.id AND v.server_seq = "
            "record.server_seq)");
    }
    SqliteStatement &overwritten = *m_revisionOverwritten;
    overwritten.bindText(1, r.id);
    overwritten.bind(2, r.serverSeq);
    overwritten.bindBlob(3, r.content);
    const bool found = overwritten.step();
    bool ok = !overwritten.hasError();
    QString error = overwritten.error();
    overwritten.reset();
    if (ok && found) {
        SqliteStatement &keep = *m_keepRevision;
        keep.bindText(1, r.id);
        keep.step();
        ok = !keep.hasError();
        error = keep.error();
        keep.reset();
    }
    if (!ok)
        m_error = QStringLiteral("cannot keep the revision of %1: %2").arg(r.id, error);
    return ok;
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
                  .arg(QLatin1String(kRecordColumns), whereClause(filter, &binds));
    } else {
        // A search pages through its matches by the sort key their search rows carry, so only
        // the page's records are read, not every match's (a common word matches thousands).
        // Other filters are checked on each match's record (the inner query's own r).
        RecordFilter others = filter;
        others.search.clear();
        const QString matched = SearchIndex::matches(search, &binds);
        const QString where = whereClause(others, &binds);
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

QString RecordRepository::whereClauseOf(const RecordFilter &filter, QVariantList *binds)
{
    return whereClause(filter, binds);
}

int RecordRepository::count(const RecordFilter &filter) const
{
    QVariantList binds;
    QString sql;
    const QString search = filter.search.trimmed();
    if (!search.isEmpty() && searchesOnly(filter)) {
        // A search alone: its matches are counted without reading their records.
        sql = QStringLiteral("SELECT count(*) FROM (%1)").arg(SearchIndex::matches(search, &binds));
    } else {
        sql = QStringLiteral("SELECT count(*) FROM record r%1").arg(whereClause(filter, &binds));
    }
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
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
                             "AND id NOT IN (SELECT record_id FROM outbox)"));
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

bool RecordRepository::applyPulledPage(const PulledPage &page)
{
    Transaction tx(m_db);
    // The outbox is small (what this device has not sent yet): read it once per page.
    QSet<QString> withLocalEdits;
    QSqlQuery pending(m_db);
    if (!pending.exec(
            QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE review_id IS NULL"))) {
        m_error = pending.lastError().text();
        return false;
    }
    while (pending.next())
        withLocalEdits.insert(pending.value(0).toString());
    for (Record r : page.records) {
        if (withLocalEdits.contains(r.id))
            continue;
        // (The upsert keeps the op id of a revision this device submitted.)
        r.syncState = SyncState::Synced;
        if (!upsert(r))
            return false;
    }
    for (const ReviewEvent &e : page.reviews) {
        if (!storeReview(e))
            return false;
    }
    for (const auto &[recordId, serverSeq] : page.photosArrived) {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE record SET photos_pending = 0 WHERE id = ? AND server_seq = ?"));
        q.addBindValue(recordId);
        q.addBindValue(serverSeq);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    for (const QString &recordId : page.withdrawn) {
        if (!removeWithdrawn(recordId))
            return false;
    }
    SyncMetaRepository meta(m_db);
    if (!meta.setValue(QLatin1String(SyncMetaRepository::kPullCursor),
                       QString::number(page.nextServerSeq))
        || !meta.setValue(QLatin1String(SyncMetaRepository::kServerEpoch), page.epoch)
        || !meta.advanceHistoryMark({page.nextServerSeq, page.nextFingerprint})) {
        m_error = QStringLiteral("cannot store the pull cursor");
        return false;
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit the pulled page");
        return false;
    }
    return true;
}

bool RecordRepository::removeWithdrawn(const QString &recordId)
{
    // A kiosk's copy of a record that is no longer public: gone with its history and search
    // text (the index follows by trigger). A record this device still has to send stays.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.next())
        return true;
    for (const char *sql :
         {"DELETE FROM record_search WHERE record_id = ?",
          "DELETE FROM record_revision WHERE record_id = ?", "DELETE FROM record WHERE id = ?"}) {
        q.prepare(QLatin1String(sql));
        q.addBindValue(recordId);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot remove withdrawn record %1: %2")
                          .arg(recordId, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool RecordRepository::storeReview(const ReviewEvent &e)
{
    QSqlQuery q(m_db);
    if (!writeReviewEvent(q, e)) {
        m_error = QStringLiteral("cannot store review %1: %2").arg(e.id, q.lastError().text());
        return false;
    }
    // The decision stands for the revision it was made on; a later revision awaits its own.
    static const QHash<ReviewDecision, RecordStatus> statusOf {
        {ReviewDecision::Approve, RecordStatus::Approved},
        {ReviewDecision::Return, RecordStatus::Returned},
        {ReviewDecision::Reject, RecordStatus::Rejected}};
    if (!statusOf.contains(e.decision))
        return true; // publishing changes no status
    q.prepare(QStringLiteral("UPDATE record SET status = ? WHERE id = ? AND server_seq = ? "
                             "AND id NOT IN (SELECT record_id FROM outbox "
                             "WHERE review_id IS NULL)"));
    q.addBindValue(static_cast<int>(statusOf.value(e.decision)));
    q.addBindValue(e.recordId);
    q.addBindValue(e.recordServerSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<ReviewEvent> RecordRepository::reviewsOf(const QString &recordId) const
{
    QList<ReviewEvent> out;
    QSqlQuery q(m_db);
    // Server order; decisions made here and not numbered yet come last, as made.
    q.prepare(QStringLiteral("SELECT %1 FROM review_event e WHERE e.record_id = ? "
                             "ORDER BY e.server_seq = 0, e.server_seq, e.created_at_ms")
                  .arg(QLatin1String(kReviewColumns)));
    q.addBindValue(recordId);
    if (!q.exec())
        m_error = q.lastError().text();
    while (q.next())
        out << readReview(q);
    return out;
}

int RecordRepository::requeueOwnRevisions(const QString &deviceId, const QString &newEpoch,
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
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(id);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return -1;
        }
    }
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO outbox (op_id, record_id, created_at_ms) "
                       "SELECT op_id, id, ? FROM record WHERE author_device_id = ? AND status <> 1 "
                       "AND id NOT IN (SELECT record_id FROM outbox WHERE review_id IS NULL) "
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
    if (decisions)
        *decisions = decided;
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
