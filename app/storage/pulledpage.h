#pragma once

#include "domain/problem.h"
#include "domain/publicproblem.h"
#include "domain/record.h"
#include "domain/review.h"

#include <QList>
#include <QString>
#include <QStringList>

// One page pulled from the server: record revisions, review events, photo arrivals and the
// ledger's events and sign-offs (server_seq set), in server order, with the cursor after them.
// The sync fills it; PulledPageWriter stores it.
struct PulledPage {
    QList<Record> records;
    QList<ReviewEvent> reviews;
    QList<std::pair<QString, qint64>> photosArrived; // record id, revision
    QStringList withdrawn; // kiosks: records whose public copy was withdrawn
    QList<ProblemEvent> problemEvents;
    QList<LedgerSignoff> signoffs;
    QList<PublicProblem> publicProblems; // kiosks
    // The page that ends a pull carries the closure tallies as they are now (kiosks; none for
    // others): they replace what the store had.
    bool endsPull = false;
    QList<ClosureTally> closureTallies;
    qint64 nextServerSeq = 0;
    qint64 nextFingerprint = 0; // of the change at nextServerSeq: stored as the known mark
    QString epoch;
};
