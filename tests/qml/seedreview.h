#pragma once

#include "domain/review.h"

#include <QUuid>

// A supervisor's decision as a pull brings it, for the QML tests' seeds.
inline ReviewEvent pulledReview(const QString &recordId, qint64 recordServerSeq,
                                ReviewDecision decision, const QString &reviewer,
                                qint64 createdAtMs, qint64 serverSeq, const QString &comment = {})
{
    ReviewEvent e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.recordId = recordId;
    e.recordServerSeq = recordServerSeq;
    e.decision = decision;
    e.comment = comment;
    e.createdAtMs = createdAtMs;
    e.reviewer = reviewer;
    e.serverSeq = serverSeq;
    return e;
}
