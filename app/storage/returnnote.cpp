#include "returnnote.h"

#include "domain/record.h"
#include "sqlreview.h"

#include <QSqlError>
#include <QSqlQuery>

std::optional<ReviewEvent> ReturnNoteRepository::returnNoteFor(const QString &recordId) const
{
    QSqlQuery q(m_db);
    // Newest decision first, in reviewsOf's order reversed: numbered by the server, then
    // decisions made here and not numbered yet. Publishing decides nothing.
    q.prepare(QStringLiteral("SELECT %1 FROM record r JOIN review_event e "
                             "ON e.record_id = r.id AND e.record_server_seq = r.server_seq "
                             "WHERE r.id = ? AND r.server_seq > 0 AND r.status IN (?, ?) "
                             "AND e.decision <> ? "
                             "ORDER BY e.server_seq = 0 DESC, e.server_seq DESC, "
                             "e.created_at_ms DESC LIMIT 1")
                  .arg(QLatin1String(kReviewColumns)));
    q.addBindValue(recordId);
    q.addBindValue(static_cast<int>(RecordStatus::Returned));
    q.addBindValue(static_cast<int>(RecordStatus::Draft));
    q.addBindValue(static_cast<int>(ReviewDecision::Publish));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    m_error.clear();
    if (!q.next())
        return std::nullopt;
    ReviewEvent latest = readReview(q);
    if (latest.decision != ReviewDecision::Return)
        return std::nullopt;
    return latest;
}
