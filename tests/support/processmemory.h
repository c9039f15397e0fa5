#pragma once

// How much memory another process (a server under test or bench) has needed at most.
#include <QFile>
#include <QString>

// The process's peak resident memory so far (VmHWM in /proc/PID/status), in MiB; -1 if it
// cannot be read.
inline double peakMemoryMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}
