#pragma once

#include <QString>

// The last error a PostgreSQL store met on the calling thread: stores are shared by the
// server's threads, and lastError() is read right after the call that failed, on its thread.
inline QString &threadErrorSlot()
{
    thread_local QString error;
    return error;
}
inline QString threadError()
{
    return threadErrorSlot();
}
inline void setThreadError(const QString &error)
{
    threadErrorSlot() = error;
}
