#pragma once

#include "domain/review.h"

#include <QList>
#include <QSqlDatabase>

// A supervisor's decisions made on this device. Each is written as a review event (pending
// until the server numbers it) with its outbox row, and the record shows the decision's
// status at once, all in one transaction.
class ReviewRepository {
public:
    explicit ReviewRepository(QSqlDatabase db) : m_db(db) { }

    // Decides on the record's current revision (event.recordServerSeq must name it). A
    // return needs a comment (on the record or a question), a rejection a reason. The
    // event's id and time are made here when empty.
    bool decide(const ReviewEvent &event);
    // Several decisions (e.g. approve many) in one transaction: all or none.
    bool decideAll(const QList<ReviewEvent> &events);

    // The server's history changed (restored from a backup): queues again, in the order the
    // server first took them, the decisions it had acknowledged from this reviewer (the name
    // the server stamped, or none yet: pushed from here and not pulled back). The server
    // stores each review id once, so those it kept are only acknowledged; those it can no
    // longer place (their revision was lost) it refuses and the sync sets them aside.
    // Writes inside the caller's transaction. Returns how many, -1 on error.
    int requeueAcknowledged(const QString &reviewer);

    QString lastError() const { return m_error; }

private:
    bool write(ReviewEvent event);

    QSqlDatabase m_db;
    QString m_error;
};
