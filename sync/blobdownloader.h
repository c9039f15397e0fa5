#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace grpc {
class Channel;
}

// Fetches one blob from the server's Blobs service into a file. A cut download keeps its
// bytes in "<target>.part" and the next call resumes from its size; the whole is checked
// against the SHA-256 before an atomic rename gives it the target name. Blocking.
class BlobDownloader {
public:
    using Progress = std::function<void(qint64 doneBytes, qint64 totalBytes)>;

    BlobDownloader(std::shared_ptr<grpc::Channel> channel, QByteArray token);
    ~BlobDownloader();

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // True when targetPath holds the blob's verified bytes (already there, or fetched).
    bool download(const QString &sha256, const QString &targetPath);

    QString lastError() const { return m_error; }
    int lastCode() const { return m_code; } // gRPC status code of the last failure
    // What the server said of the last failure (empty: a local failure, or nothing said).
    Refusal lastRefusal() const { return m_refusal; }
    qint64 receivedBytes() const { return m_received; } // bytes this call got over the wire

private:
    bool fail(int code, const QString &why, const Refusal &refusal = {});

    std::shared_ptr<grpc::Channel> m_channel;
    QByteArray m_token;
    Progress m_progress;
    QString m_error;
    int m_code = 0;
    Refusal m_refusal;
    qint64 m_received = 0;
};
