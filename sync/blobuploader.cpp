#include "blobuploader.h"

#include "qingshui/v1/blobs.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <chrono>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcBlobUpload, "qs.sync.blobs", QtInfoMsg) // debug: every stream

namespace v1 = qingshui::v1;

namespace {

// A blob call ends by this deadline: long enough for its bytes at 32 KB/s, a poor mobile link.
std::chrono::system_clock::time_point deadlineFor(qint64 bytes)
{
    return std::chrono::system_clock::now() + std::chrono::seconds(30)
        + std::chrono::milliseconds(bytes / 32);
}

bool fileHasHash(const QString &path, const QString &sha256)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file)
        && QString::fromLatin1(hash.result().toHex()) == sha256;
}

} // namespace

// What the blobs of one upload() share across its threads.
struct BlobUploader::Run {
    std::mutex mutex;
    BlobUploadResult result;
    qint64 done = 0;
    bool stop = false; // a failure that is not about one blob: the others would fail too

    void progress(const Progress &callback, qint64 delta)
    {
        done += delta;
        if (callback)
            callback(done, result.totalBytes);
    }
    void fail(const QString &sha256, const QString &why, int code, const Refusal &refusal,
              bool fatal)
    {
        result.failed << sha256;
        if (result.error.isEmpty()) {
            result.error = why;
            result.code = code;
            result.refusal = refusal;
        }
        stop = stop || fatal;
    }
};

BlobUploader::BlobUploader(std::shared_ptr<grpc::Channel> channel, QByteArray token)
    : m_channel(std::move(channel)), m_token(std::move(token))
{
}

BlobUploader::~BlobUploader() = default;

BlobUploadResult BlobUploader::upload(const QList<BlobFile> &blobs)
{
    Run run;
    QList<qint64> sizes;
    for (const BlobFile &blob : blobs) {
        const QFileInfo info(blob.path);
        sizes << (info.isFile() ? info.size() : -1);
        run.result.totalBytes += std::max<qint64>(0, sizes.last());
    }
    qsizetype next = 0;
    auto work = [&] {
        for (;;) {
            qsizetype i;
            {
                std::lock_guard lock(run.mutex);
                if (run.stop || next >= blobs.size())
                    return;
                i = next++;
            }
            if (sizes[i] < 0) {
                std::lock_guard lock(run.mutex);
                run.fail(blobs[i].sha256, QStringLiteral("photo file gone: %1").arg(blobs[i].path),
                         0, {}, false);
                continue;
            }
            uploadOne(run, blobs[i], sizes[i]);
        }
    };
    const int threads = int(std::min<qsizetype>(m_streams, blobs.size()));
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread &t : helpers)
        t.join();
    run.result.ok = run.result.failed.isEmpty();
    run.result.interrupted = run.stop;
    m_lastRefusal = run.result.refusal;
    return run.result;
}

void BlobUploader::uploadOne(Run &run, const BlobFile &blob, qint64 size)
{
    auto stub = v1::Blobs::NewStub(m_channel);
    const std::string sha = blob.sha256.toStdString();
    auto prepare = [&](grpc::ClientContext *context, qint64 bytes) {
        context->set_deadline(deadlineFor(bytes));
        if (!m_token.isEmpty())
            context->AddMetadata("authorization", "Bearer " + m_token.toStdString());
    };
    qint64 counted = 0; // this blob's bytes in run.done
    auto count = [&](qint64 bytesOnServer) {
        std::lock_guard lock(run.mutex);
        run.progress(m_progress, bytesOnServer - counted);
        counted = bytesOnServer;
    };
    auto fail = [&](const grpc::Status &status, bool fatal) {
        const QString why = QStringLiteral("photo %1 not uploaded (gRPC %2): %3")
                                .arg(blob.sha256.left(12))
                                .arg(int(status.error_code()))
                                .arg(QString::fromStdString(status.error_message()));
        qCWarning(lcBlobUpload) << why;
        std::lock_guard lock(run.mutex);
        run.fail(blob.sha256, why, int(status.error_code()), Refusal::fromStatus(status), fatal);
    };
    auto complete = [&] {
        count(size);
        std::lock_guard lock(run.mutex);
        run.result.completed << blob.sha256;
    };

    bool hashChecked = false;
    bool backOff = false;
    bool probed = false;
    qint64 lastSeen = -1;
    // Rounds until the blob is complete: the server keeps one upload per device, and the
    // server's side of a cut call (in this server process or another behind the same
    // address) may still move its offset under us; while the server's count grows it is
    // getting there, so look again a little later. Four rounds without any progress end it.
    for (int stalls = 0; stalls < 4;) {
        if (backOff)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        v1::BlobStatusRequest statusRequest;
        statusRequest.set_sha256(sha);
        v1::BlobStatusResponse status;
        grpc::ClientContext statusContext;
        prepare(&statusContext, 0);
        if (grpc::Status s = stub->BlobStatus(&statusContext, statusRequest, &status); !s.ok())
            return fail(s, s.error_code() != grpc::StatusCode::INVALID_ARGUMENT);
        if (status.complete())
            return complete();
        stalls = status.received_bytes() > lastSeen ? 0 : stalls + 1;
        lastSeen = status.received_bytes();
        // More than the file holds cannot be this blob: the server starts over at 0.
        qint64 offset = status.received_bytes() <= size ? status.received_bytes() : 0;
        count(offset);

        QFile file(blob.path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
            return fail({grpc::StatusCode::ABORTED, "cannot read the photo file"}, false);

        grpc::ClientContext context;
        prepare(&context, size - offset);
        v1::UploadBlobResponse response;
        std::unique_ptr<grpc::ClientWriter<v1::BlobChunk>> writer
            = stub->UploadBlob(&context, &response);
        v1::BlobChunk chunk;
        chunk.set_sha256(sha);
        chunk.set_total_size(size);
        // Resuming, the server's end of the cut call may still append a chunk it had read:
        // one chunk alone first, so that a moved offset costs a chunk, not a window of them.
        const bool probe = offset > 0 && !probed;
        probed = true;
        bool first = true;
        bool closed = false;
        while (first || offset < size) {
            if (!first && probe)
                break;
            first = false;
            const qint64 length = std::min<qint64>(m_chunkBytes, size - offset);
            std::string *data = chunk.mutable_data();
            data->resize(size_t(length)); // read straight into the message, no extra copy
            if (file.read(data->data(), length) != length) {
                context.TryCancel();
                writer->Finish();
                return fail({grpc::StatusCode::ABORTED, "cannot read the photo file"}, false);
            }
            chunk.set_offset(offset);
            grpc::WriteOptions options;
            if (offset + length >= size)
                options.set_last_message();
            if (!writer->Write(chunk, options)) {
                closed = true;
                break; // the server ended the call: its status says why
            }
            closed = closed || offset + length >= size;
            offset += length;
            {
                std::lock_guard lock(run.mutex);
                run.result.sentBytes += length;
            }
            count(offset);
            chunk.clear_sha256();
            chunk.clear_total_size();
        }
        if (!closed)
            writer->WritesDone();
        const grpc::Status s = writer->Finish();
        qCDebug(lcBlobUpload) << "blob" << blob.sha256.left(12) << "from" << status.received_bytes()
                              << "to" << offset << "status" << int(s.error_code())
                              << QString::fromStdString(s.error_message());
        if (s.ok() && response.complete())
            return complete();
        backOff = s.error_code() == grpc::StatusCode::FAILED_PRECONDITION;
        probed = probed && !backOff;
        switch (s.error_code()) {
        case grpc::StatusCode::OK: // ended before the last byte: ask again
        case grpc::StatusCode::FAILED_PRECONDITION: // the offset moved: ask again
            continue;
        case grpc::StatusCode::DATA_LOSS:
            // The server discarded what it had. A photo file that no longer matches its
            // name would fail forever; one that does gets one more try.
            if (hashChecked || !fileHasHash(blob.path, blob.sha256))
                return fail(
                    {grpc::StatusCode::DATA_LOSS, "the photo file does not match its SHA-256"},
                    false);
            hashChecked = true;
            continue;
        case grpc::StatusCode::INVALID_ARGUMENT:
        case grpc::StatusCode::OUT_OF_RANGE:
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            return fail(s, false); // this blob only
        default:
            return fail(s, true); // connection, token, role: the others fare no better
        }
    }
    fail({grpc::StatusCode::ABORTED, "upload still incomplete after several tries"}, false);
}
