#pragma once

#include "sha256.h"

#include <QString>
#include <atomic>
#include <mutex>
#include <string>

// One blob while it is being uploaded: its file under partial/, how many bytes it holds and
// the running SHA-256 of them. Every upload of the same blob that runs at the same time
// shares one PartialBlob (BlobStore::partial) and holds its lock for each chunk, so their
// bytes can never interleave.
class PartialBlob {
public:
    PartialBlob(std::string sha256, QString path, QString completePath);
    ~PartialBlob();
    PartialBlob(const PartialBlob &) = delete;
    PartialBlob &operator=(const PartialBlob &) = delete;

    // Opens or creates the file and hashes the bytes already in it (an upload resumed after
    // a restart).
    bool open(QString *error);

    const std::string &sha256() const { return m_sha256; }
    std::mutex &mutex() { return m_mutex; }

    // Stored or discarded: this one is spent, the store hands out a fresh one.
    bool finished() const { return m_finished.load(); }

    // The rest under mutex().
    qint64 size() const { return m_size; }
    // Appends at size(); a failed write is cut back off, so size() stays the truth. *noRoom
    // tells a full disk (or quota, or file size limit) from other failures.
    bool append(const char *data, size_t length, QString *error, bool *noRoom = nullptr);
    // Forgets the bytes held (they cannot be this blob) and starts again from byte 0.
    bool restart(QString *error);

    enum class Outcome { Stored, Mismatch, Failed };
    // All bytes are there: a matching hash is fsynced and renamed into place in one step; a
    // mismatch deletes the partial (it can never become this blob).
    Outcome finish(QString *error);

private:
    void close();

    const std::string m_sha256;
    const QString m_path;
    const QString m_completePath;
    std::mutex m_mutex;
    std::atomic<bool> m_finished {false};
    int m_fd = -1;
    qint64 m_size = 0;
    Sha256 m_hash;
};
