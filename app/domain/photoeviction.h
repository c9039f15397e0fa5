#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

// One photo a supervisor's device fetched for review (storage: photo_cache).
struct CachedPhoto {
    QString sha256;
    qint64 bytes = 0;
    qint64 fetchedAtMs = 0;
    qint64 shownAtMs = 0; // 0: no record view has shown it yet
};

// What the photo budget decides with: what is on the device, what the review queue wants,
// what is on screen, and the photo about to arrive.
struct EvictionInput {
    QList<CachedPhoto> cached;
    // Photos of approved and rejected records, the oldest record first: they go first.
    QStringList decidedOldestFirst;
    // Photos of records waiting for a decision: the background fetch never evicts these to
    // make room for others of the same kind (it would only fetch them again).
    QSet<QString> wanted;
    // On screen (a record view, an export in progress): never evicted.
    QSet<QString> pinned;
    qint64 budgetBytes = 0;
    qint64 incomingBytes = 0;
    // A photo the supervisor asked for (a record opened, an export) may take the place of
    // wanted ones; the background fetch may not.
    bool mayEvictWanted = false;
};

// The photos to delete, in order, so that the incoming photo fits within the budget: first
// those of decided records (oldest first), then the least recently used (shown, or fetched
// if never shown). Empty when it fits already; nothing when it cannot fit without deleting a
// pinned photo (or, for the background, a wanted one).
std::optional<QStringList> planEviction(const EvictionInput &input);
