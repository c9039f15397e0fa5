#include "recordwriter.h"

#include "searchtext.h"
#include "sqlrecord.h"

#include "domain/region.h"

#include <QSqlError>

QString RecordWriter::placeNamesOf(const QString &villageCode)
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

QString RecordWriter::searchTextFor(const Record &r)
{
    QString text = placeNamesOf(r.villageCode);
    appendAnswerText(r.content, &text);
    return notNull(text);
}

bool RecordWriter::upsert(const Record &r)
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

bool RecordWriter::keepOverwrittenRevision(const Record &r)
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
