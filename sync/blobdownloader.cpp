#include "blobdownloader.h"

#include "qingshui/v1/blobs.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace v1 = qingshui::v1;

namespace {

bool hashOf(const QString &path, QByteArray *hex)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return false;
    *hex = hash.result().toHex();
    return true;
}

} // namespace

BlobDownloader::BlobDownloader(std::shared_ptr<grpc::Channel> channel, QByteArray token)
    : m_channel(std::move(channel)), m_token(std::move(token))
{
}

BlobDownloader::~BlobDownloader() = default;

bool BlobDownloader::fail(int code, const QString &why, const Refusal &refusal)
{
    m_code = code;
    m_error = why;
    m_refusal = refusal;
    return false;
}

bool BlobDownloader::download(const QString &sha256, const QString &targetPath)
{
    m_error.clear();
    m_code = 0;
    m_refusal = {};
    m_received = 0;
    QByteArray hex;
    if (QFileInfo(targetPath).isFile() && hashOf(targetPath, &hex) && hex == sha256.toLatin1())
        return true;

    const QString partPath = targetPath + QStringLiteral(".part");
    QDir().mkpath(QFileInfo(targetPath).absolutePath());
    QFile part(partPath);
    if (!part.open(QIODevice::ReadWrite))
        return fail(int(grpc::StatusCode::ABORTED),
                    QStringLiteral("无法写入 %1: %2").arg(partPath, part.errorString()));
    qint64 offset = part.size();
    if (!part.seek(offset))
        return fail(int(grpc::StatusCode::ABORTED), part.errorString());

    auto stub = v1::Blobs::NewStub(m_channel);
    grpc::ClientContext context;
    // Generous: a 64 MB blob at 32 KB/s, a poor mobile link.
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(35));
    if (!m_token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + m_token.toStdString());
    v1::DownloadBlobRequest request;
    request.set_sha256(sha256.toStdString());
    request.set_offset(offset);
    std::unique_ptr<grpc::ClientReader<v1::BlobChunk>> reader
        = stub->DownloadBlob(&context, request);
    v1::BlobChunk chunk;
    qint64 total = -1;
    bool bad = false;
    while (reader->Read(&chunk)) {
        if (total < 0)
            total = chunk.total_size();
        if (chunk.offset() != offset || offset + qint64(chunk.data().size()) > total) {
            bad = true; // not the bytes that come next: stop and start over next time
            context.TryCancel();
            break;
        }
        if (part.write(chunk.data().data(), qint64(chunk.data().size()))
            != qint64(chunk.data().size())) {
            context.TryCancel();
            reader->Finish();
            return fail(int(grpc::StatusCode::ABORTED),
                        QStringLiteral("无法写入 %1: %2").arg(partPath, part.errorString()));
        }
        offset += qint64(chunk.data().size());
        m_received += qint64(chunk.data().size());
        if (m_progress)
            m_progress(offset, total);
    }
    const grpc::Status status = reader->Finish();
    if (bad) {
        part.remove();
        return fail(int(grpc::StatusCode::DATA_LOSS), QStringLiteral("服务器发来的数据顺序不对"));
    }
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) {
        // The part holds more than the blob has: it was not this blob. Start over next time.
        part.remove();
        return fail(int(status.error_code()), QString::fromStdString(status.error_message()),
                    Refusal::fromStatus(status));
    }
    if (!status.ok())
        return fail(int(status.error_code()), QString::fromStdString(status.error_message()),
                    Refusal::fromStatus(status));
    if (offset != total)
        return fail(int(grpc::StatusCode::DATA_LOSS), QStringLiteral("照片下载不完整"));

    // Durable before it gets its name: a photo under its hash is the photo.
    if (!part.flush() || ::fsync(part.handle()) != 0)
        return fail(int(grpc::StatusCode::ABORTED), QStringLiteral("无法写入 %1").arg(partPath));
    part.close();
    if (!hashOf(partPath, &hex) || hex != sha256.toLatin1()) {
        QFile::remove(partPath);
        return fail(int(grpc::StatusCode::DATA_LOSS),
                    QStringLiteral("照片 %1 校验失败，已丢弃").arg(sha256.left(12)));
    }
    if (std::rename(QFile::encodeName(partPath).constData(),
                    QFile::encodeName(targetPath).constData())
        != 0)
        return fail(int(grpc::StatusCode::ABORTED), QStringLiteral("无法重命名 %1").arg(partPath));
    return true;
}
