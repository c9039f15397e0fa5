#include "recordrepository.h"

#include "searchtext.h"
#include "sqllike.h"
#include "sqlrecord.h"
#include "syncmetarepository.h"
#include "transaction.h"

#include "domain/region.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

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
        where << QStringLiteral(
            "r.id IN (SELECT record_id FROM record_search WHERE text LIKE ? ESCAPE '\\')");
        *binds << likeContains(search);
    }
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
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
    return text.isNull() ? QStringLiteral("") : text; // a null QString would bind as NULL
}

bool RecordRepository::upsert(const Record &r)
{
    if (!m_upsert) {
        m_upsert.emplace(m_db);
        m_upsert->prepare(QStringLiteral(
            "INSERT INTO record (id, template_id, template_version, category, village_code, "
            "status, "
            "created_at_ms, updated_at_ms, content, author_device_id, sync_state, server_seq, "
            "unit_code) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET template_id=excluded.template_id, "
            "template_version=excluded.template_version, category=excluded.category, "
            "village_code=excluded.village_code, status=excluded.status, "
            "created_at_ms=excluded.created_at_ms, updated_at_ms=excluded.updated_at_ms, "
            "content=excluded.content, author_device_id=excluded.author_device_id, "
            "sync_state=excluded.sync_state, server_seq=excluded.server_seq, "
            "unit_code=excluded.unit_code"));
        m_upsertSearch.emplace(m_db);
        m_upsertSearch->prepare(
            QStringLiteral("INSERT INTO record_search (record_id, text) VALUES (?, ?) "
                           "ON CONFLICT(record_id) DO UPDATE SET text = excluded.text"));
    }
    const QString searchText = searchTextFor(r);
    QSqlQuery &q = *m_upsert;
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
    q.addBindValue(pairedUnitCodeOfVillage(r.villageCode));
    QSqlQuery &search = *m_upsertSearch;
    search.addBindValue(r.id);
    search.addBindValue(searchText);
    const bool recordOk = q.exec();
    const bool ok = recordOk && search.exec();
    // Keep them prepared, but let the transaction commit.
    q.finish();
    search.finish();
    if (ok)
        return true;
    m_error = QStringLiteral("cannot store record %1: %2")
                  .arg(r.id, (recordOk ? search : q).lastError().text());
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

QList<Record> RecordRepository::query(const RecordFilter &filter, int limit, int offset) const
{
    QList<Record> out;
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM record r%2 ORDER BY r.updated_at_ms DESC, r.id "
                             "LIMIT ? OFFSET ?")
                  .arg(QLatin1String(kRecordColumns), where));
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

int RecordRepository::count(const RecordFilter &filter) const
{
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM record r%1").arg(where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool RecordRepository::discardDraft(const QString &id)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM record WHERE id = ? AND status = 1 "
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

bool RecordRepository::applyPulledPage(const QList<Record> &records, qint64 nextServerSeq,
                                       const QString &epoch)
{
    Transaction tx(m_db);
    // The outbox is small (what this device has not sent yet): read it once per page.
    QSet<QString> withLocalEdits;
    QSqlQuery pending(m_db);
    if (!pending.exec(QStringLiteral("SELECT DISTINCT record_id FROM outbox"))) {
        m_error = pending.lastError().text();
        return false;
    }
    while (pending.next())
        withLocalEdits.insert(pending.value(0).toString());
    for (Record r : records) {
        if (withLocalEdits.contains(r.id))
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
