#pragma once

#include "exportoutcome.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

// The file an export writes: a temporary file beside the target, renamed over it by
// commit(). Until then the target is untouched; without commit() nothing is left behind.
class ExportFile {
public:
    explicit ExportFile(const QString &path) : m_file(path) { }

    // False with *error saying why (no such folder, not writable, ...).
    bool open(QString *error)
    {
        if (m_file.open(QIODevice::WriteOnly))
            return true;
        *error = writeError();
        return false;
    }
    // Buffered: the disk sees large writes.
    bool write(const QByteArray &bytes)
    {
        m_buffer += bytes;
        return m_buffer.size() < kFlushBytes || flush();
    }
    qint64 position() const { return m_written + m_buffer.size(); }
    // Where the next write goes: libzip goes back to fill in an entry's header once it has
    // written the entry's data (exportzip.h).
    bool seek(qint64 pos)
    {
        if (!flush() || !m_file.seek(pos))
            return false;
        m_written = pos;
        return true;
    }
    // Everything written and renamed into place, or false with *error (a full disk says so).
    bool commit(QString *error)
    {
        if (flush() && m_file.commit())
            return true;
        *error = writeError();
        m_file.cancelWriting();
        return false;
    }
    // Ends an export that wrote its rows (`written`) while reading them from the store
    // (`read`, else readError): the first failure says why, or the file is committed.
    void finish(bool written, bool read, const QString &readError, ExportOutcome *out)
    {
        if (!written)
            out->error = writeError();
        else if (!read)
            out->error = readError;
        else
            out->ok = commit(&out->error);
    }
    QString writeError() const
    {
        return QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
    }

private:
    static constexpr qsizetype kFlushBytes = 1 << 20;

    bool flush()
    {
        if (m_buffer.isEmpty())
            return true;
        const bool ok = m_file.write(m_buffer) == m_buffer.size();
        m_written += m_buffer.size();
        m_buffer.clear();
        return ok;
    }

    QSaveFile m_file;
    QByteArray m_buffer;
    qint64 m_written = 0;
};
