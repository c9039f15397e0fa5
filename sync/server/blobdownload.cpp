#include "blobdownload.h"

#include "blobservice.h"
#include "rawmessage.h"
#include "refusalstatus.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcBlobs)

void BlobDownload::start(const grpc::Status &checked, const QString &path,
                         const std::string &sha256, qint64 size, qint64 offset)
{
    if (!checked.ok())
        return Finish(checked);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        qCWarning(lcBlobs) << "cannot open" << path << m_file.errorString();
        return Finish(
            refuse(grpc::StatusCode::INTERNAL, "server_error", "the server cannot read the blob"));
    }
    m_sha256 = sha256;
    m_size = size;
    m_offset = offset;
    writeNext();
}

void BlobDownload::writeNext()
{
    qingshui::v1::BlobChunk chunk;
    if (m_first) { // the first chunk names the blob, even when nothing is left to send
        chunk.set_sha256(m_sha256);
        chunk.set_total_size(m_size);
        m_first = false;
    }
    chunk.set_offset(m_offset);
    const qint64 length = std::min(BlobService::kDownloadChunkBytes, m_size - m_offset);
    std::string *data = chunk.mutable_data();
    data->resize(size_t(length));
    if (length > 0 && (!m_file.seek(m_offset) || m_file.read(data->data(), length) != length)) {
        qCWarning(lcBlobs) << "cannot read" << m_file.fileName() << m_file.errorString();
        return Finish(
            refuse(grpc::StatusCode::INTERNAL, "server_error", "the server cannot read the blob"));
    }
    m_offset += length;
    serializeRaw(chunk, &m_out);
    StartWrite(&m_out);
}

void BlobDownload::OnWriteDone(bool ok)
{
    if (!ok) // the client went away
        return Finish(refuse(grpc::StatusCode::CANCELLED, "download_cut", "the download was cut"));
    if (m_offset >= m_size)
        return Finish(grpc::Status::OK);
    writeNext();
}
