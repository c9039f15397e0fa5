#pragma once

#include "domain/review.h"

#include <QList>
#include <QSqlDatabase>

// Review decisions. A supervisor's made on this device are each written as a review event
// (pending until the server numbers it) with its outbox row, and the record shows the
// decision's status at once, all in one transaction. Those pulled from the server are stored
// as a pulled page's part (PulledPageWriter).
class ReviewRepository {
public:
    explicit ReviewRepository(QSqlDatabase db) : m_db(db) { }

    // Decides on the record's current revision (event.recordServerSeq must name it). A
    // return needs a comment (on the record or a question), a rejection a reason. The
    // event's id and time are made here when empty.
    bool decide(const ReviewEvent &event);
    // Several decisions (e.g. approve many) in one transaction: all or none.
    bool decideAll(const QList<ReviewEvent> &events);

    // A decision pulled from the server: the event, and the status it gives the revision it
    // was made on (unless this device has edits of that record to send). Writes inside the
    // caller's transaction.
    bool storePulled(const ReviewEvent &event);

    // Decisions on a record, oldest first: numbered by the server, then those made here and
    // not numbered yet, as made.
    QList<ReviewEvent> reviewsOf(const QString &recordId) const;

    // The server's history changed (restored from a backup): queues again, in the order the
    // server first took them, the decisions it had acknowledged from this reviewer (the name
    // the server stamped, or none yet: pushed from here and not pulled back). The server
    // stores each review id once, so those it kept are only acknowledged; those it can no
    // longer place (their revision was lost) it refuses and the sync sets them aside.
    // Writes inside the caller's transaction. Returns how many, -1 on error.
    int requeueAcknowledged(const QString &reviewer);

    // Why the last decide() failed: a rule the decision broke, or the store itself. The
    // controller words the rules for the supervisor; lastError() is for logs (English).
    enum class Refusal {
        None,
        ReturnNeedsComment,
        RejectNeedsReason,
        UnknownRecord,
        NotCurrentRevision,
        PublishNeedsApproval,
        StoreFailed
    };
    Refusal refusal() const { return m_refusal; }
    QString lastError() const { return m_error; }

private:
    bool write(ReviewEvent event);
    bool refuse(Refusal why, const QString &error);

    QSqlDatabase m_db;
    Refusal m_refusal = Refusal::None;
    mutable QString m_error;
};
