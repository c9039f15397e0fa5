#pragma once

#include "workerthread.h"

#include <QString>

// Keeps the full-text index (SearchIndex) caught up on a thread and connection of its own, so
// that neither a save nor a pulled page pays for its trigrams (about 700 per record). Every
// interval it indexes what is pending, a batch per transaction, until nothing is.
class SearchIndexer {
public:
    explicit SearchIndexer(const QString &databasePath, int intervalMs = 1000);

    // Catches up now instead of at the next tick: a pulled page has just been stored, and the
    // index follows the pull on this thread while the sync thread fetches the next page.
    // Callable from any thread; wakes that come while a catch-up waits to start are one.
    void wake() { m_thread.wake(); }

    static constexpr int kBatch = 5000;

private:
    WorkerThread m_thread;
};
