#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

// Fetches one blob from the server's Blobs service into a file. A cut download keeps its
// bytes in "<target>.part" and the next call resumes from its size; every byte is hashed as
// it is written (OpenSSL SHA-256), and only bytes that hash to the blob's name are renamed
// into place (fsynced first). Blocking; cancel() may come from any thread.
class BlobDownloader {
public:
    using Progress = std::function<void(qint64 doneBytes, qint64 totalBytes)>;
    // Called once the server has named the blob's size, before a byte is written: false
    // declines the download (Failure::Declined), e.g. when it would not fit in a budget.
    using SizeCheck = std::function<bool(qint64 totalBytes)>;
    // Asked when the call starts and after every chunk: true stops it (Failure::Cancelled).
    using StopCheck = std::function<bool()>;

    enum class Failure {
        None,
        Server, // the server refused or failed the call: lastCode() says how
        Checksum, // the bytes did not hash to the name: thrown away
        DiskFull, // this device's disk (or quota) is full: the bytes so far are kept
        LocalWrite, // the photo folder could not be written for another reason
        Cancelled, // stopped by cancel() or the stop check: the bytes so far are kept
        Declined, // the size check said no
    };

    BlobDownloader(std::shared_ptr<grpc::Channel> channel, QByteArray token);
    ~BlobDownloader();

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setSizeCheck(SizeCheck check) { m_sizeCheck = std::move(check); }
    void setStopCheck(StopCheck check) { m_stopCheck = std::move(check); }

    // True when targetPath holds the blob's verified bytes (already there, or fetched).
    bool download(const QString &sha256, const QString &targetPath);
    // Stops the call under way at once (if any); its bytes stay in the .part file.
    void cancel();

    QString lastError() const { return m_error; }
    int lastCode() const { return m_code; } // gRPC status code of the last failure
    Failure lastFailure() const { return m_failure; }
    // What the server said of the last failure (empty: a local failure, or nothing said).
    Refusal lastRefusal() const { return m_refusal; }
    qint64 receivedBytes() const { return m_received; } // bytes this call got over the wire
    qint64 totalBytes() const { return m_total; } // the blob's size, -1 if never learnt
    qint64 keptBytes() const { return m_kept; } // bytes left in .part for the next call

private:
    bool fail(Failure failure, int code, const QString &why, const Refusal &refusal = {});

    std::shared_ptr<grpc::Channel> m_channel;
    QByteArray m_token;
    Progress m_progress;
    SizeCheck m_sizeCheck;
    StopCheck m_stopCheck;
    QString m_error;
    int m_code = 0;
    Failure m_failure = Failure::None;
    Refusal m_refusal;
    qint64 m_received = 0;
    qint64 m_total = -1;
    qint64 m_kept = 0;
    std::mutex m_callMutex; // guards m_call for cancel()
    grpc::ClientContext *m_call = nullptr;
};
