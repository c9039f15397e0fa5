#pragma once

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

// Writes lines to a stream from a thread of its own, so that a reader that is slow or stuck
// (a full pipe) never holds up a call. At most `maxQueued` lines wait; past that new lines
// are dropped and counted, and the count is written as {"dropped_lines":N} once the reader
// takes lines again. The destructor writes what waits, then stops.
class LineWriter {
public:
    explicit LineWriter(std::FILE *out, std::size_t maxQueued = 10000);
    ~LineWriter();
    LineWriter(const LineWriter &) = delete;
    LineWriter &operator=(const LineWriter &) = delete;

    // `line` without its newline.
    void write(std::string line);

private:
    void run();

    std::FILE *m_out;
    const std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::string> m_queue;
    unsigned long long m_dropped = 0;
    bool m_stopping = false;
    std::thread m_thread;
};
