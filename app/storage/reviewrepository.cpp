#include "reviewrepository.h"

#include "sqlrecord.h"
#include "sqlreview.h"
#include "transaction.h"

#include "domain/record.h"
#include "domain/timeorderedid.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace {

// The record's status after a decision; none for publishing.
std::optional<RecordStatus> statusAfter(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Approve:
        return RecordStatus::Approved;
    case ReviewDecision::Return:
        return RecordStatus::Returned;
    case ReviewDecision::Reject:
        return RecordStatus::Rejected;
    case ReviewDecision::Publish:
        break;
    }
    return std::nullopt;
}

} // namespace

bool ReviewRepository::decide(const ReviewEvent &event)
{
    return decideAll({event});
}

bool ReviewRepository::refuse(Refusal why, const QString &error)
{
    m_refusal = why;
    m_error = error;
    return false;
}

bool ReviewRepository::decideAll(const QList<ReviewEvent> &events)
{
    m_refusal = Refusal::None;
    m_error.clear();
    Transaction tx(m_db);
    for (const ReviewEvent &e : events) {
        if (!write(e))
            return false;
    }
    if (!tx.commit())
        return refuse(Refusal::StoreFailed, QStringLiteral("cannot commit the decisions"));
    return true;
}

bool ReviewRepository::write(ReviewEvent e)
{
    bool anyQuestionComment = false;
    for (const QuestionComment &c : std::as_const(e.questionComments))
        anyQuestionComment = anyQuestionComment || !c.comment.trimmed().isEmpty();
    if (e.decision == ReviewDecision::Return && e.comment.trimmed().isEmpty()
        && !anyQuestionComment) {
        return refuse(Refusal::ReturnNeedsComment, QStringLiteral("a return needs a comment"));
    }
    if (e.decision == ReviewDecision::Reject && e.comment.trimmed().isEmpty()) {
        return refuse(Refusal::RejectNeedsReason, QStringLiteral("a rejection needs a reason"));
    }
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT server_seq, status, server_fingerprint FROM record WHERE id = ?"));
    q.addBindValue(e.recordId);
    if (!q.exec() || !q.next()) {
        return refuse(Refusal::UnknownRecord,
                      QStringLiteral("no record %1 on this device").arg(e.recordId));
    }
    const qint64 current = q.value(0).toLongLong();
    const auto status = static_cast<RecordStatus>(q.value(1).toInt());
    e.recordFingerprint = q.value(2).toLongLong(); // the revision it is made on, as pulled
    if (current == 0 || e.recordServerSeq != current) {
        return refuse(Refusal::NotCurrentRevision,
                      QStringLiteral("record %1: revision %2 is not its current one (%3)")
                          .arg(e.recordId)
                          .arg(e.recordServerSeq)
                          .arg(current));
    }
    if (e.decision == ReviewDecision::Publish && status != RecordStatus::Approved) {
        return refuse(
            Refusal::PublishNeedsApproval,
            QStringLiteral("record %1: only an approved record can be published").arg(e.recordId));
    }
    if (e.id.isEmpty())
        e.id = TimeOrderedId::create();
    if (e.createdAtMs == 0)
        e.createdAtMs = QDateTime::currentMSecsSinceEpoch();

    e.reviewer.clear(); // the server names the reviewer and numbers the decision
    e.serverSeq = 0;
    if (!writeReviewEvent(q, e)) {
        return refuse(Refusal::StoreFailed,
                      QStringLiteral("cannot store review %1: %2").arg(e.id, q.lastError().text()));
    }
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, record_id, review_id, created_at_ms) VALUES (?,?,?,?)"));
    q.addBindValue(TimeOrderedId::create());
    q.addBindValue(e.recordId);
    q.addBindValue(e.id);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        return refuse(Refusal::StoreFailed,
                      QStringLiteral("cannot queue review %1: %2").arg(e.id, q.lastError().text()));
    }
    const std::optional<RecordStatus> decided = statusAfter(e.decision);
    if (!decided)
        return true; // publishing changes no status
    q.prepare(QStringLiteral("UPDATE record SET status = ? WHERE id = ?"));
    q.addBindValue(static_cast<int>(*decided));
    q.addBindValue(e.recordId);
    if (!q.exec())
        return refuse(Refusal::StoreFailed, q.lastError().text());
    return true;
}

int ReviewRepository::requeueAcknowledged(const QString &reviewer)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT e.id, e.record_id FROM review_event e WHERE (e.reviewer = ? OR e.reviewer = '') "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.review_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM outbox_set_aside a WHERE a.review_id = e.id) "
        "ORDER BY e.server_seq = 0, e.server_seq, e.created_at_ms"));
    q.addBindValue(reviewer);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    QList<std::pair<QString, QString>> decisions; // review id, record id
    while (q.next())
        decisions.append({q.value(0).toString(), q.value(1).toString()});
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, record_id, review_id, created_at_ms) VALUES (?,?,?,?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[reviewId, recordId] : std::as_const(decisions)) {
        q.addBindValue(TimeOrderedId::create());
        q.addBindValue(recordId);
        q.addBindValue(reviewId);
        q.addBindValue(now);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot queue review %1 again: %2")
                          .arg(reviewId, q.lastError().text());
            return -1;
        }
    }
    return int(decisions.size());
}

bool ReviewRepository::storePulled(const ReviewEvent &e)
{
    QSqlQuery q(m_db);
    if (!writeReviewEvent(q, e)) {
        m_error = QStringLiteral("cannot store review %1: %2").arg(e.id, q.lastError().text());
        return false;
    }
    // The decision stands for the revision it was made on; a later revision awaits its own.
    const std::optional<RecordStatus> decided = statusAfter(e.decision);
    if (!decided)
        return true; // publishing changes no status
    q.prepare(QStringLiteral("UPDATE record SET status = ? WHERE id = ? AND server_seq = ? "
                             "AND id NOT IN (SELECT record_id FROM outbox "
                             "WHERE review_id IS NULL AND record_id IS NOT NULL)"));
    q.addBindValue(static_cast<int>(*decided));
    q.addBindValue(e.recordId);
    q.addBindValue(e.recordServerSeq);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<ReviewEvent> ReviewRepository::reviewsOf(const QString &recordId) const
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
