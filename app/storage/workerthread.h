#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

// Work that runs on a thread of its own (the WAL's checkpoints, the search index's catch-up),
// every interval and whenever woken. Subclasses own what the thread uses, a connection most
// often, and are deleted on that thread.
class ThreadWork : public QObject {
public:
    // Runs on the worker's thread. Long work checks QThread::isInterruptionRequested().
    virtual void run() = 0;
};

// Starts a thread (low priority, named `name`) that runs `work` every intervalMs and on
// wake(); the destructor asks a running `work` to stop, waits for the thread, and deletes
// `work` there.
class WorkerThread {
public:
    WorkerThread(const QString &name, ThreadWork *work, int intervalMs);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // Runs the work now instead of at the next tick. Callable from any thread; wakes that come
    // while a woken run waits to start are one.
    void wake();

private:
    QThread m_thread;
    ThreadWork *m_work; // lives on m_thread
    std::atomic<bool> m_woken {false}; // set while a woken run waits in the thread's queue
};
