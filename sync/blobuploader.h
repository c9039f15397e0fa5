#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace grpc {
class Channel;
}

// A blob the device holds as a file, named by the SHA-256 of its bytes.
struct BlobFile {
    QString sha256;
    QString path;
};

struct BlobUploadResult {
    bool ok = false; // every blob is complete on the server
    QStringList completed; // whole and verified on the server, sent now or earlier
    QStringList failed; // could not be sent, each with a line in `error`
    qint64 sentBytes = 0; // blob bytes this run handed to the connection
    qint64 totalBytes = 0; // bytes of all the blobs asked for
    // A failure that is not about one blob (connection, token, role) stopped the run: the
    // blobs after it were not tried.
    bool interrupted = false;
    QString error;
    int code = 0; // the gRPC status code of the (first) failure
    Refusal refusal; // what the server said of it (empty: a local failure, or nothing said)
};

// Sends photos to the server's Blobs service: asks BlobStatus for each, skips what is
// complete, sends the rest from the offset the server reports in chunks, several blobs at
// once (the server's fsync per blob is latency, not bandwidth). Blocking; the progress
// callback may come from any of its threads, never two at once.
class BlobUploader {
public:
    using Progress = std::function<void(qint64 doneBytes, qint64 totalBytes)>;

    // The channel is the sync transport's (TLS or loopback plaintext); the token goes into
    // every call as "authorization: Bearer <token>" (empty: no header).
    BlobUploader(std::shared_ptr<grpc::Channel> channel, QByteArray token);
    ~BlobUploader();

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setChunkBytes(int bytes) { m_chunkBytes = bytes; }
    void setStreams(int streams) { m_streams = std::max(1, streams); }

    BlobUploadResult upload(const QList<BlobFile> &blobs);
    // What the server said of the last upload's (first) failure; empty when it said nothing.
    Refusal lastRefusal() const { return m_lastRefusal; }

    // Measured with qingshui-bench sync (docs/benchmarks.md).
    static constexpr int kChunkBytes = 1024 * 1024;
    static constexpr int kStreams = 4;

private:
    struct Run;
    void uploadOne(Run &run, const BlobFile &blob, qint64 size);

    std::shared_ptr<grpc::Channel> m_channel;
    QByteArray m_token;
    Progress m_progress;
    int m_chunkBytes = kChunkBytes;
    int m_streams = kStreams;
    Refusal m_lastRefusal;
};
