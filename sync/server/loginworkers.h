#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

// The threads that answer Login and Enrol. Each checks a password with Argon2id, which takes
// 64 MiB while it runs: a fixed number of threads (the cores, by default) bounds that memory
// however many logins arrive at once, and a short queue in front of them bounds the wait.
// A call that finds the queue full is refused at once (server_busy) and the app tries again
// a little later.
// What a refused call is told: try again after about this long.
inline constexpr int kBusyRetryAfterSeconds = 2;

class LoginWorkers {
public:
    // threads: 0 for the machine's cores. queueLength: calls that may wait for a thread;
    // negative for kQueuePerThread a thread.
    LoginWorkers(int threads, int queueLength);
    ~LoginWorkers(); // runs what is queued, then joins the threads
    LoginWorkers(const LoginWorkers &) = delete;
    LoginWorkers &operator=(const LoginWorkers &) = delete;

    // Queues `job`; false (and `job` dropped) when the queue is full.
    bool tryRun(std::function<void()> job);

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
