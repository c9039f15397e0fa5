#include "blobupload.h"

#include "blobholding.h"
#include "blobservice.h"
#include "blobstore.h"
#include "changestore.h"
#include "partialblob.h"
#include "rawmessage.h"
#include "refusalstatus.h"
#include "workerpool.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcBlobs)

namespace {

grpc::Status internal(const char *what, const QString &detail)
{
    qCWarning(lcBlobs) << what << detail;
    return refuse(grpc::StatusCode::INTERNAL, "server_error", what);
}

grpc::Status offsetMismatch(qint64 offset, qint64 held)
{
    return refuse(grpc::StatusCode::FAILED_PRECONDITION, "upload_offset_mismatch",
                  "chunk at offset " + std::to_string(offset) + " but the server holds "
                      + std::to_string(held) + " bytes: expected offset " + std::to_string(held),
                  {std::to_string(held)});
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
    m_caller = caller;
    m_owner = {caller.accountId, caller.deviceId};
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
    // No read is outstanding until store() starts one, and the call cannot end (OnDone)
    // before it calls Finish: the reactor outlives the job.
    m_diskWork.run([this] { store(); });
}

void BlobUpload::store()
{
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
    // This account has the bytes there already (or may see them): nothing more to send.
    qint64 held = -1;
    QString error;
    if (!heldBlobSize(m_blobs, m_changes, m_caller, m_sha256, &held, &error))
        return internal("the server could not record the blob", error);
    if (held >= 0)
        return complete(held);
    if (!m_uploads.begin(QString::fromStdString(m_sha256), m_owner, m_totalSize,
                         BlobStore::newPartialName(m_sha256), &m_upload, &error))
        return internal("the server cannot keep the upload", error);
    return append(chunk);
}

grpc::Status BlobUpload::append(const qingshui::v1::BlobChunk &chunk)
{
    const QString sha = QString::fromStdString(m_sha256);
    QString error;
    if (!m_partial || m_partial->finished()) {
        m_partial = m_blobs.partial(m_upload.fileName, &error);
        if (!m_partial)
            return internal("the server cannot keep the upload", error);
    }
    PartialBlob::Lock lock(*m_partial);
    // Another call of this device, through this process or another, may have moved it.
    UploadStore::Upload now;
    if (!m_uploads.find(sha, m_owner, &now, &error))
        return internal("the server cannot read the upload", error);
    if (now.id != m_upload.id) {
        // Stored meanwhile by another call of this device, or ended: the client asks again.
        qint64 held = -1;
        if (!heldBlobSize(m_blobs, m_changes, m_caller, m_sha256, &held, &error))
            return internal("the server could not record the blob", error);
        if (held >= 0)
            return complete(held);
        return offsetMismatch(chunk.offset(), now.receivedBytes);
    }
    bool moved = false;
    // More bytes than this blob has cannot be it; bytes the file lost (a machine crash
    // before they reached the disk) are counted no more. Either way this device's upload
    // starts over: nobody else's is touched.
    if (now.receivedBytes > m_totalSize || m_partial->fileSize() < now.receivedBytes) {
        if (!m_uploads.advance(now.id, now.receivedBytes, 0, &moved, &error))
            return internal("the server cannot keep the upload", error);
        now.receivedBytes = 0;
    }
    const qint64 held = now.receivedBytes;
    const qint64 length = qint64(chunk.data().size());
    if (chunk.offset() != held)
        return offsetMismatch(chunk.offset(), held);
    if (held + length > m_totalSize)
        return refuse(grpc::StatusCode::OUT_OF_RANGE, "upload_past_end",
                      "chunk ends at byte " + std::to_string(held + length) + ", past total_size "
                          + std::to_string(m_totalSize) + "; expected offset "
                          + std::to_string(held),
                      {std::to_string(held), std::to_string(m_totalSize)});
    bool noRoom = false;
    if (length > 0
        && !m_partial->writeAt(held, chunk.data().data(), size_t(length), &error, &noRoom)) {
        if (!noRoom)
            return internal("the server could not store the chunk", error);
        // What it holds is kept: the upload resumes from there once there is room.
        qCWarning(lcBlobs) << error;
        return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "server_disk_full",
                      "the server's disk is full: " + std::to_string(held)
                          + " bytes of this photo are kept; send the rest later",
                      {std::to_string(held)});
    }
    if (!m_uploads.advance(now.id, held, held + length, &moved, &error))
        return internal("the server cannot keep the upload", error);
    if (moved)
        return offsetMismatch(chunk.offset(), held);
    m_result.set_received_bytes(held + length);
    if (held + length < m_totalSize)
        return grpc::Status::OK;
    return finish();
}

// All bytes are there (under the partial's lock): checked, linked into place, and the upload
// row goes whatever the outcome.
grpc::Status BlobUpload::finish()
{
    QString error;
    const PartialBlob::Outcome outcome
        = m_partial->finish(m_totalSize, m_sha256, m_blobs.completePath(m_sha256), &error);
    if (outcome == PartialBlob::Outcome::Stored
        && !m_changes.blobProved(m_caller, QString::fromStdString(m_sha256), m_totalSize, &error))
        return internal("the server could not record the blob", error);
    QString removeError;
    if (!m_uploads.remove(m_upload.id, &removeError))
        qCWarning(lcBlobs) << "cannot forget the upload" << removeError; // swept later
    switch (outcome) {
    case PartialBlob::Outcome::Stored:
        return complete(m_totalSize);
    case PartialBlob::Outcome::Mismatch:
        m_result.set_received_bytes(0);
        return refuse(grpc::StatusCode::DATA_LOSS, "blob_hash_mismatch",
                      "the bytes received do not hash to " + m_sha256
                          + ": the partial upload is discarded, send it again from offset 0",
                      {m_sha256});
    case PartialBlob::Outcome::Failed:
        break;
    }
    return internal("the server could not store the blob", error);
}

grpc::Status BlobUpload::complete(qint64 size)
{
    m_result.set_received_bytes(size);
    m_result.set_complete(true);
    return grpc::Status::OK;
}
