#pragma once

#include <QString>
#include <atomic>
#include <mutex>
#include <string>

// The file of one upload under way (one device's upload of one blob): the bytes received so
// far, at <blobs>/partial/<name>. How many of them count is the database's (blob_upload):
// whoever writes holds the lock (lock(): a mutex for this process's threads, flock(2) for the
// other server processes on the same folder) and writes at the offset the database holds.
// The hash is checked over the file at the end, whichever process took which chunk.
class PartialBlob {
public:
    explicit PartialBlob(QString path);
    ~PartialBlob();
    PartialBlob(const PartialBlob &) = delete;
    PartialBlob &operator=(const PartialBlob &) = delete;

    // Opens or creates the file.
    bool open(QString *error);
    QString path() const { return m_path; }

    // Held while a chunk is checked against the database, written and counted.
    class Lock {
    public:
        explicit Lock(PartialBlob &blob);
        ~Lock();
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

    private:
        PartialBlob &m_blob;
        std::unique_lock<std::mutex> m_threads;
    };

    // Stored or discarded: the file is gone, the next upload starts a fresh one.
    bool finished() const { return m_finished.load(); }

    // The rest under Lock.
    qint64 fileSize() const;
    // Writes at offset and cuts the file there, so that bytes a failed or raced write left
    // beyond it never count. A failed write is cut back to offset; *noRoom tells a full disk
    // (or quota, or file size limit) from other failures.
    bool writeAt(qint64 offset, const char *data, size_t length, QString *error,
                 bool *noRoom = nullptr);

    enum class Outcome { Stored, Mismatch, Failed };
    // All `size` bytes are there: if they hash to sha256 they are fsynced and linked into
    // place at completePath in one step (a blob already there is left as it is: it holds
    // the same bytes); a mismatch is an upload that can never become this blob. Either
    // way the partial file is then removed.
    Outcome finish(qint64 size, const std::string &sha256, const QString &completePath,
                   QString *error);

private:
    void close();

    const QString m_path;
    std::mutex m_mutex;
    std::atomic<bool> m_finished {false};
    int m_fd = -1;
};
