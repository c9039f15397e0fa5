#include "blobdownloader.h"

#include "common/sha256.h"

#include "qingshui/v1/blobs.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace v1 = qingshui::v1;

namespace {

// Adds a file's bytes to the hash; false if it cannot be read whole.
bool hashFile(int fd, qint64 size, Sha256 *hash)
{
    std::string buffer(1 << 20, '\0');
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, buffer.data(), buffer.size(), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        hash->add(buffer.data(), size_t(n));
        done += n;
    }
    return true;
}

bool fileHashes(const QString &path, const QString &sha256)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st { };
    Sha256 hash;
    const bool read = ::fstat(fd, &st) == 0 && hashFile(fd, st.st_size, &hash);
    ::close(fd);
    return read && QString::fromStdString(hash.hexDigest()) == sha256;
}

// Writes all of it, or as much as the disk takes: the count written (hashed by the caller).
qint64 writeAll(int fd, const char *data, qint64 size, int *error)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = n < 0 ? errno : ENOSPC;
            break;
        }
        done += n;
    }
    return done;
}

bool isDiskFull(int error)
{
    return error == ENOSPC || error == EFBIG || error == EDQUOT;
}

// Closes the file on every path out of download().
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

BlobDownloader::BlobDownloader(std::shared_ptr<grpc::Channel> channel, QByteArray token)
    : m_channel(std::move(channel)), m_token(std::move(token))
{
}

BlobDownloader::~BlobDownloader() = default;

bool BlobDownloader::fail(Failure failure, int code, const QString &why, const Refusal &refusal)
{
    m_failure = failure;
    m_code = code;
    m_error = why;
    m_refusal = refusal;
    return false;
}

void BlobDownloader::cancel()
{
    std::lock_guard lock(m_callMutex);
    if (m_call)
        m_call->TryCancel();
}

bool BlobDownloader::download(const QString &sha256, const QString &targetPath)
{
    m_error.clear();
    m_code = 0;
    m_failure = Failure::None;
    m_refusal = {};
    m_received = 0;
    m_total = -1;
    m_kept = 0;
    if (QFileInfo(targetPath).isFile() && fileHashes(targetPath, sha256))
        return true;

    const QString partPath = targetPath + QStringLiteral(".part");
    QDir().mkpath(QFileInfo(targetPath).absolutePath());
    FileDescriptor part;
    part.fd = ::open(QFile::encodeName(partPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    struct stat st { };
    if (part.fd < 0 || ::fstat(part.fd, &st) != 0) {
        const int error = errno;
        return fail(isDiskFull(error) ? Failure::DiskFull : Failure::LocalWrite,
                    int(grpc::StatusCode::ABORTED),
                    QStringLiteral("cannot write %1: %2")
                        .arg(partPath, QString::fromLocal8Bit(std::strerror(error))));
    }
    // What an earlier call left is hashed once, then the download goes on from its end.
    qint64 offset = st.st_size;
    Sha256 hash;
    if (!hashFile(part.fd, offset, &hash) || ::lseek(part.fd, offset, SEEK_SET) != offset)
        return fail(Failure::LocalWrite, int(grpc::StatusCode::ABORTED),
                    QStringLiteral("cannot read %1").arg(partPath));
    m_kept = offset;
    auto dropEmptyPart = [&] {
        if (m_kept == 0)
            QFile::remove(partPath);
    };

    auto stub = v1::Blobs::NewStub(m_channel);
    grpc::ClientContext context;
    // Generous: a 64 MB blob at 32 KB/s, a poor mobile link.
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(35));
    if (!m_token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + m_token.toStdString());
    {
        std::lock_guard lock(m_callMutex);
        m_call = &context;
    }
    struct Unregister {
        BlobDownloader *self;
        ~Unregister()
        {
            std::lock_guard lock(self->m_callMutex);
            self->m_call = nullptr;
        }
    } unregister {this};
    if (m_stopCheck && m_stopCheck()) {
        dropEmptyPart();
        return fail(Failure::Cancelled, int(grpc::StatusCode::CANCELLED),
                    QStringLiteral("stopped before it began"));
    }

    v1::DownloadBlobRequest request;
    request.set_sha256(sha256.toStdString());
    request.set_offset(offset);
    std::unique_ptr<grpc::ClientReader<v1::BlobChunk>> reader
        = stub->DownloadBlob(&context, request);
    v1::BlobChunk chunk;
    bool bad = false;
    bool declined = false;
    bool stopped = false;
    int writeError = 0;
    while (reader->Read(&chunk)) {
        if (m_total < 0) {
            m_total = chunk.total_size();
            if (m_sizeCheck && !m_sizeCheck(m_total)) {
                declined = true;
                context.TryCancel();
                break;
            }
        }
        const std::string &data = chunk.data();
        if (chunk.offset() != offset || offset + qint64(data.size()) > m_total) {
            bad = true; // not the bytes that come next: stop and start over next time
            context.TryCancel();
            break;
        }
        const qint64 written = writeAll(part.fd, data.data(), qint64(data.size()), &writeError);
        hash.add(data.data(), size_t(written));
        offset += written;
        m_kept = offset;
        m_received += written;
        if (writeError != 0) {
            context.TryCancel();
            break;
        }
        if (m_progress)
            m_progress(offset, m_total);
        if (m_stopCheck && m_stopCheck()) {
            stopped = true;
            context.TryCancel();
            break;
        }
    }
    const grpc::Status status = reader->Finish();
    if (writeError != 0) {
        const QString why = QStringLiteral("cannot write %1 (%2 bytes kept): %3")
                                .arg(partPath)
                                .arg(m_kept)
                                .arg(QString::fromLocal8Bit(std::strerror(writeError)));
        return fail(isDiskFull(writeError) ? Failure::DiskFull : Failure::LocalWrite,
                    int(grpc::StatusCode::ABORTED), why);
    }
    if (declined) {
        dropEmptyPart();
        return fail(Failure::Declined, int(grpc::StatusCode::CANCELLED),
                    QStringLiteral("declined at %1 bytes").arg(m_total));
    }
    if (bad) {
        ::ftruncate(part.fd, 0);
        QFile::remove(partPath);
        m_kept = 0;
        return fail(Failure::Server, int(grpc::StatusCode::DATA_LOSS),
                    QStringLiteral("the server sent bytes out of order"));
    }
    const bool whole = m_total >= 0 && offset == m_total;
    if (!whole && (stopped || status.error_code() == grpc::StatusCode::CANCELLED)) {
        dropEmptyPart();
        return fail(Failure::Cancelled, int(grpc::StatusCode::CANCELLED),
                    QStringLiteral("stopped with %1 bytes kept").arg(m_kept));
    }
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) {
        // The part holds more than the blob has: it was not this blob. Start over next time.
        QFile::remove(partPath);
        m_kept = 0;
        return fail(Failure::Server, int(status.error_code()),
                    QString::fromStdString(status.error_message()), Refusal::fromStatus(status));
    }
    if (!whole && !status.ok()) {
        dropEmptyPart();
        return fail(Failure::Server, int(status.error_code()),
                    QString::fromStdString(status.error_message()), Refusal::fromStatus(status));
    }
    if (!whole)
        return fail(
            Failure::Server, int(grpc::StatusCode::DATA_LOSS),
            QStringLiteral("the download ended at %1 of %2 bytes").arg(offset).arg(m_total));

    if (QString::fromStdString(hash.hexDigest()) != sha256) {
        QFile::remove(partPath);
        m_kept = 0;
        return fail(Failure::Checksum, int(grpc::StatusCode::DATA_LOSS),
                    QStringLiteral("photo %1 does not match its SHA-256: thrown away")
                        .arg(sha256.left(12)));
    }
    // Durable before it gets its name: a photo under its hash is the photo.
    if (::fsync(part.fd) != 0) {
        const int error = errno;
        return fail(isDiskFull(error) ? Failure::DiskFull : Failure::LocalWrite,
                    int(grpc::StatusCode::ABORTED),
                    QStringLiteral("cannot write %1: %2")
                        .arg(partPath, QString::fromLocal8Bit(std::strerror(error))));
    }
    if (std::rename(QFile::encodeName(partPath).constData(),
                    QFile::encodeName(targetPath).constData())
        != 0)
        return fail(Failure::LocalWrite, int(grpc::StatusCode::ABORTED),
                    QStringLiteral("cannot rename %1").arg(partPath));
    m_kept = 0;
    return true;
}
