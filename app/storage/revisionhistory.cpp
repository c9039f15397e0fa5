#include "revisionhistory.h"

#include "sqlrecord.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// A past revision has the record's columns but no sync bookkeeping: the server holds it.
// (Photos pending is not kept: whether its photos are here is the photo store's to say.)
constexpr const char *kPastColumns
    = "record_id, template_id, template_version, category, village_code, status, "
      "created_at_ms, updated_at_ms, content, author_device_id, 2, server_seq, '', 0, "
      "conflict_with, author, device_clock_skew_ms";

} // namespace

QList<Record> RevisionHistory::revisionsOf(const QString &recordId) const
{
    QList<Record> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM record_revision WHERE record_id = ? "
                             "ORDER BY server_seq")
                  .arg(QLatin1String(kPastColumns)));
    q.addBindValue(recordId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {};
    }
    while (q.next())
        out << readRecord(q);
    q.prepare(QStringLiteral("SELECT %1 FROM record r WHERE r.id = ?")
                  .arg(QLatin1String(kRecordColumns)));
    q.addBindValue(recordId);
    if (q.exec() && q.next()) {
        const Record current = readRecord(q);
        // An unsent edit still names the revision it started from; that one is kept above.
        if (out.isEmpty() || !out.last().sameContentAs(current))
            out << current;
    }
    return out;
}

std::optional<Record> RevisionHistory::revision(const QString &recordId, qint64 serverSeq) const
{
    // The kept copy first: a record edited here still names the revision it came from.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM record_revision WHERE record_id = ? "
                             "AND server_seq = ?")
                  .arg(QLatin1String(kPastColumns)));
    q.addBindValue(recordId);
    q.addBindValue(serverSeq);
    if (q.exec() && q.next())
        return readRecord(q);
    q.prepare(QStringLiteral("SELECT %1 FROM record r WHERE r.id = ? AND r.server_seq = ?")
                  .arg(QLatin1String(kRecordColumns)));
    q.addBindValue(recordId);
    q.addBindValue(serverSeq);
    if (q.exec() && q.next())
        return readRecord(q);
    m_error = q.lastError().text();
    return std::nullopt;
}
