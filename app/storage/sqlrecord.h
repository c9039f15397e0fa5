#pragma once

#include "common/sqlitestatement.h"
#include "domain/record.h"

#include <QSqlQuery>

// A null QString binds as SQL NULL; the store's text columns are NOT NULL.
inline QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// The column list and row reader shared by the queries that return whole records.
inline constexpr const char *kRecordColumns
    = "r.id, r.template_id, r.template_version, r.category, r.village_code, r.status, "
      "r.created_at_ms, r.updated_at_ms, r.content, r.author_device_id, r.sync_state, "
      "r.server_seq, "
      "r.op_id, r.photos_pending, r.conflict_with, r.author, r.device_clock_skew_ms";
// How many columns kRecordColumns lists: where the next ones of a query start.
inline constexpr int kRecordColumnCount = 17;

inline Record readRecord(const QSqlQuery &q, int first = 0)
{
    Record r;
    r.id = q.value(first + 0).toString();
    r.templateId = q.value(first + 1).toString();
    r.templateVersion = q.value(first + 2).toInt();
    r.category = q.value(first + 3).toString();
    r.villageCode = q.value(first + 4).toString();
    r.status = static_cast<RecordStatus>(q.value(first + 5).toInt());
    r.createdAtMs = q.value(first + 6).toLongLong();
    r.updatedAtMs = q.value(first + 7).toLongLong();
    r.content = q.value(first + 8).toByteArray();
    r.authorDeviceId = q.value(first + 9).toString();
    r.syncState = static_cast<SyncState>(q.value(first + 10).toInt());
    r.serverSeq = q.value(first + 11).toLongLong();
    r.opId = q.value(first + 12).toString();
    r.photosPending = q.value(first + 13).toBool();
    r.conflictWith = q.value(first + 14).toLongLong();
    r.author = q.value(first + 15).toString();
    r.deviceClockSkewMs = q.value(first + 16).toLongLong();
    return r;
}

// The same from a SqliteStatement (the push reads its batches of 2,000 this way).
inline Record readRecord(const SqliteStatement &q, int first = 0)
{
    Record r;
    r.id = q.columnText(first + 0);
    r.templateId = q.columnText(first + 1);
    r.templateVersion = int(q.columnInt64(first + 2));
    r.category = q.columnText(first + 3);
    r.villageCode = q.columnText(first + 4);
    r.status = static_cast<RecordStatus>(q.columnInt64(first + 5));
    r.createdAtMs = q.columnInt64(first + 6);
    r.updatedAtMs = q.columnInt64(first + 7);
    r.content = q.columnBlob(first + 8);
    r.authorDeviceId = q.columnText(first + 9);
    r.syncState = static_cast<SyncState>(q.columnInt64(first + 10));
    r.serverSeq = q.columnInt64(first + 11);
    r.opId = q.columnText(first + 12);
    r.photosPending = q.columnInt64(first + 13) != 0;
    r.conflictWith = q.columnInt64(first + 14);
    r.author = q.columnText(first + 15);
    r.deviceClockSkewMs = q.columnInt64(first + 16);
    return r;
}
