#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

// A fixed set of threads for work that must not run on gRPC's callback threads, of which a
// small machine has only two for every call (Clamp(cores / 2, 2, 16) in gRPC 1.51):
// - Login and Enrol: each checks a password with Argon2id, which takes 64 MiB while it runs:
//   a fixed number of threads (the cores, by default) bounds that memory however many logins
//   arrive at once, and a short queue in front of them bounds the wait. A call that finds the
//   queue full is refused at once (server_busy) and the app tries again a little later.
// - Photo uploads: a chunk's write and a blob's hash check and fsyncs wait on the disk;
//   several run at once so that their waits overlap (run(): each upload call queues at most
//   one job at a time, so the calls gRPC admits bound the queue).
// What a refused call is told: try again after about this long.
inline constexpr int kBusyRetryAfterSeconds = 2;

class WorkerPool {
public:
    // threads: 0 for the machine's cores. queueLength: calls that may wait for a thread;
    // negative for kQueuePerThread a thread.
    WorkerPool(int threads, int queueLength);
    ~WorkerPool(); // runs what is queued, then joins the threads
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // Queues `job`; false (and `job` dropped) when the queue is full.
    bool tryRun(std::function<void()> job);
    // Queues `job` whatever the queue's length.
    void run(std::function<void()> job);

    int threads() const { return int(m_threads.size()); }
    int queueLength() const { return m_queueLength; }

    static constexpr int kQueuePerThread = 8;

private:
    void work();

    const int m_queueLength;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    int m_idle = 0; // threads waiting for a job
    std::vector<std::thread> m_threads;
};
