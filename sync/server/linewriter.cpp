#include "linewriter.h"

LineWriter::LineWriter(std::FILE *out, std::size_t maxQueued)
    : m_out(out), m_maxQueued(maxQueued), m_thread([this] { run(); })
{
}

LineWriter::~LineWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void LineWriter::write(std::string line)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_maxQueued) {
            ++m_dropped;
            return;
        }
        line += '\n';
        m_queue.push_back(std::move(line));
    }
    m_wake.notify_one();
}

void LineWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and everything is written
        std::deque<std::string> lines;
        lines.swap(m_queue);
        const unsigned long long dropped = m_dropped;
        m_dropped = 0;
        lock.unlock(); // callers queue more while these are written
        for (const std::string &line : lines)
            std::fwrite(line.data(), 1, line.size(), m_out);
        if (dropped > 0) // the lines that found the queue full came after these
            std::fprintf(m_out, "{\"dropped_lines\":%llu}\n", dropped);
        std::fflush(m_out);
        lock.lock();
    }
}
