#pragma once

#include "workerthread.h"

#include <QString>

// Copies the write-ahead log back into the store on a thread of its own, every few seconds,
// so that a save on the UI thread never pays for a checkpoint (SQLite would otherwise run
// one inside whichever commit crosses 1,000 WAL pages: the slow tail of save times).
// Pair it with Database::open(path, Database::ManualCheckpoints).
class WalCheckpointer {
public:
    explicit WalCheckpointer(const QString &databasePath, int intervalMs = 5000);

    // Copies back now instead of at the next tick: a pulled page has just been committed, and
    // its frames go to the store while the sync thread stores the next page (the pull then
    // leaves one page's log behind, not the whole pull's). Callable from any thread; wakes
    // that come while a checkpoint waits to start are one.
    void wake() { m_thread.wake(); }

private:
    WorkerThread m_thread;
};
