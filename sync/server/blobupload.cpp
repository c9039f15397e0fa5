#include "blobupload.h"

#include "blobservice.h"
#include "blobstore.h"
#include "changestore.h"
#include "partialblob.h"
#include "rawmessage.h"
#include "refusalstatus.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcBlobs)

namespace {

grpc::Status internal(const char *what, const QString &detail)
{
    qCWarning(lcBlobs) << what << detail;
    return refuse(grpc::StatusCode::INTERNAL, "server_error", what);
}

} // namespace

void BlobUpload::start(const grpc::Status &authenticated, const Caller &caller)
{
    if (!authenticated.ok())
        return Finish(authenticated);
    if (!caller.mayWriteContent())
        return Finish(refuse(grpc::StatusCode::PERMISSION_DENIED, "role_cannot_upload",
                             "this account may not upload photos: only inspectors and admins "
                             "write content"));
    StartRead(&m_in);
}

void BlobUpload::OnReadDone(bool ok)
{
    if (!ok) {
        // The client closed its side (or the call was cut): what arrived is kept.
        if (m_sha256.empty())
            return answer(refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                                 "the upload sent no chunk", {"chunk"}));
        return answer(grpc::Status::OK);
    }
    grpc::Status status = parseRaw(&m_in, &m_chunk);
    m_in.Clear();
    if (status.ok())
        status = take(m_chunk);
    if (!status.ok() || m_result.complete())
        return answer(status);
    StartRead(&m_in);
}

void BlobUpload::answer(const grpc::Status &status)
{
    if (status.ok())
        serializeRaw(m_result, m_response);
    m_partial.reset();
    Finish(status);
}

grpc::Status BlobUpload::take(const qingshui::v1::BlobChunk &chunk)
{
    if (qint64(chunk.data().size()) > BlobService::kMaxChunkBytes)
        return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "chunk_too_large",
                      "a chunk may carry at most " + std::to_string(BlobService::kMaxChunkBytes)
                          + " bytes",
                      {std::to_string(BlobService::kMaxChunkBytes)});
    if (m_sha256.empty())
        return first(chunk);
    if (!chunk.sha256().empty() && chunk.sha256() != m_sha256)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "one upload carries one blob: sha256 changed", {"sha256"});
    if (chunk.total_size() != 0 && chunk.total_size() != m_totalSize)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "total_size changed within the upload", {"total_size"});
    return append(chunk);
}

grpc::Status BlobUpload::first(const qingshui::v1::BlobChunk &chunk)
{
    if (!BlobStore::isSha256(chunk.sha256()))
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "the first chunk's sha256 must be 64 lowercase hex digits", {"sha256"});
    if (chunk.total_size() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "total_size must not be negative", {"total_size"});
    if (chunk.total_size() > BlobStore::kMaxBlobSize)
        return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "blob_too_large",
                      "a blob may have at most " + std::to_string(BlobStore::kMaxBlobSize)
                          + " bytes",
                      {std::to_string(BlobStore::kMaxBlobSize)});
    m_sha256 = chunk.sha256();
    m_totalSize = chunk.total_size();
    return append(chunk);
}

grpc::Status BlobUpload::append(const qingshui::v1::BlobChunk &chunk)
{
    for (;;) {
        if (!m_partial) {
            bool complete = false;
            QString error;
            m_partial = m_blobs.partial(m_sha256, &complete, &error);
            if (complete) // deduplicated: nothing more to send
                return completed(m_blobs.completeSize(m_sha256), false);
            if (!m_partial)
                return internal("the server cannot keep the upload", error);
        }
        std::unique_lock lock(m_partial->mutex());
        if (m_partial->finished()) { // another upload of the same blob ended it
            lock.unlock();
            m_partial.reset();
            continue;
        }
        QString error;
        // More bytes than this blob has: they cannot be it, so start it over.
        if (m_partial->size() > m_totalSize && !m_partial->restart(&error))
            return internal("the server cannot restart the upload", error);
        const qint64 held = m_partial->size();
        const qint64 length = qint64(chunk.data().size());
        if (chunk.offset() != held)
            return refuse(grpc::StatusCode::FAILED_PRECONDITION, "upload_offset_mismatch",
                          "chunk at offset " + std::to_string(chunk.offset())
                              + " but the server holds " + std::to_string(held)
                              + " bytes: expected offset " + std::to_string(held),
                          {std::to_string(held)});
        if (held + length > m_totalSize)
            return refuse(grpc::StatusCode::OUT_OF_RANGE, "upload_past_end",
                          "chunk ends at byte " + std::to_string(held + length)
                              + ", past total_size " + std::to_string(m_totalSize)
                              + "; expected offset " + std::to_string(held),
                          {std::to_string(held), std::to_string(m_totalSize)});
        bool noRoom = false;
        if (length > 0
            && !m_partial->append(chunk.data().data(), size_t(length), &error, &noRoom)) {
            if (!noRoom)
                return internal("the server could not store the chunk", error);
            // What it holds is kept: the upload resumes from there once there is room.
            qCWarning(lcBlobs) << error;
            return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "server_disk_full",
                          "the server's disk is full: " + std::to_string(m_partial->size())
                              + " bytes of this photo are kept; send the rest later",
                          {std::to_string(m_partial->size())});
        }
        m_result.set_received_bytes(m_partial->size());
        if (m_partial->size() < m_totalSize)
            return grpc::Status::OK;

        switch (m_partial->finish(&error)) {
        case PartialBlob::Outcome::Stored:
            lock.unlock();
            return completed(m_totalSize, true);
        case PartialBlob::Outcome::Mismatch:
            m_result.set_received_bytes(0);
            return refuse(grpc::StatusCode::DATA_LOSS, "blob_hash_mismatch",
                          "the bytes received do not hash to " + m_sha256
                              + ": the partial upload is discarded, send it again from offset 0",
                          {m_sha256});
        case PartialBlob::Outcome::Failed:
            return internal("the server could not store the blob", error);
        }
    }
}

// The blob is complete on disk: the change store hears of it when it was just stored, or
// when it does not know it yet (a server stopped between the rename and blobStored).
grpc::Status BlobUpload::completed(qint64 size, bool justStored)
{
    const QString sha = QString::fromStdString(m_sha256);
    QString error;
    if ((justStored || !m_changes.hasBlob(sha)) && !m_changes.blobStored(sha, size, &error))
        return internal("the server could not record the blob", error);
    m_result.set_received_bytes(size);
    m_result.set_complete(true);
    return grpc::Status::OK;
}
