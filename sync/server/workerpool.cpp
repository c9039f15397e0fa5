#include "workerpool.h"

#include <algorithm>

namespace {

int threadsOr(int threads)
{
    return threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

WorkerPool::WorkerPool(int threads, int queueLength)
    : m_queueLength(queueLength >= 0 ? queueLength : kQueuePerThread * threadsOr(threads))
{
    threads = threadsOr(threads);
    m_threads.reserve(size_t(threads));
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

bool WorkerPool::tryRun(std::function<void()> job)
{
    {
        const std::lock_guard lock(m_mutex);
        // A job waits only behind a thread that is busy: the queue holds at most the length.
        if (int(m_queue.size()) >= m_queueLength + m_idle)
            return false;
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void WorkerPool::run(std::function<void()> job)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void WorkerPool::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        ++m_idle;
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        --m_idle;
        if (m_queue.empty())
            return; // stopping, nothing left to run
        std::function<void()> job = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        job();
        lock.lock();
    }
}
