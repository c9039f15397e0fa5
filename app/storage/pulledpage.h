#pragma once

#include "domain/record.h"
#include "domain/review.h"

#include <QList>
#include <QString>
#include <QStringList>

// One page pulled from the server: record revisions, review events and photo arrivals, in
// server order, with the cursor after them. The sync fills it; PulledPageWriter stores it.
struct PulledPage {
    QList<Record> records;
    QList<ReviewEvent> reviews;
    QList<std::pair<QString, qint64>> photosArrived; // record id, revision
    QStringList withdrawn; // kiosks: records whose public copy was withdrawn
    qint64 nextServerSeq = 0;
    qint64 nextFingerprint = 0; // of the change at nextServerSeq: stored as the known mark
    QString epoch;
};
