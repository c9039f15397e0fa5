#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A supervisor's decision on one revision of a record. Append-only: a later event decides
// again, nothing is edited.
enum class ReviewDecision { Approve = 1, Return = 2, Reject = 3, Publish = 4 };

struct QuestionComment {
    QString questionId;
    QString comment;
};

struct ReviewEvent {
    QString id; // UUID, made on the supervisor's device
    QString recordId;
    qint64 recordServerSeq = 0; // the revision decided on
    ReviewDecision decision = ReviewDecision::Approve;
    QString comment;
    QList<QuestionComment> questionComments;
    qint64 createdAtMs = 0;
    QString reviewer; // set by the server
    QStringList publishedPhotos;
    qint64 serverSeq = 0; // 0 until the server has numbered it
    // An approval or publication the reviewer confirmed while only photosSeen of the
    // revision's photosTotal photos were on their device (both 0 when not confirmed).
    bool photosIncompleteConfirmed = false;
    int photosSeen = 0;
    int photosTotal = 0;
    // The server's fingerprint of the revision decided on (0: not known): it tells that
    // revision from one numbered alike after the server was restored from a copy.
    qint64 recordFingerprint = 0;
};
