#pragma once

#include "caller.h"
#include "uploadstore.h"

#include "qingshui/v1/blobs.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <memory>

class BlobStore;
class ChangeStore;
class PartialBlob;
class WorkerPool;

// One UploadBlob call: the caller's device's own upload of one blob. Each chunk is written
// under the partial's lock at the offset the database holds for this device's upload, and
// counted there, so that any server process behind the same address can take the next one.
// The last byte triggers the hash check and the link into place; the call ends there.
// Chunks are stored on `diskWork`'s threads: one at a time per call (the next is read only
// once the last is stored), while gRPC's few callback threads go on serving other calls.
// Bytes of a blob the server holds already are still received in full from an account that
// has not sent them before: that is how it proves it holds them (docs/sync.md).
class BlobUpload final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
public:
    BlobUpload(BlobStore &blobs, ChangeStore &changes, UploadStore &uploads, WorkerPool &diskWork,
               grpc::ByteBuffer *response)
        : m_blobs(blobs)
        , m_changes(changes)
        , m_uploads(uploads)
        , m_diskWork(diskWork)
        , m_response(response)
    {
    }

    // After authentication: Finish(status) right away if it failed.
    void start(const grpc::Status &authenticated, const Caller &caller);

    void OnReadDone(bool ok) override;
    void OnDone() override { delete this; }

private:
    // On a disk worker: stores the chunk read, then reads the next or ends the call.
    void store();
    grpc::Status take(const qingshui::v1::BlobChunk &chunk);
    grpc::Status first(const qingshui::v1::BlobChunk &chunk);
    grpc::Status append(const qingshui::v1::BlobChunk &chunk);
    grpc::Status finish();
    grpc::Status complete(qint64 size);
    void answer(const grpc::Status &status);

    BlobStore &m_blobs;
    ChangeStore &m_changes;
    UploadStore &m_uploads;
    WorkerPool &m_diskWork;
    grpc::ByteBuffer *m_response;
    Caller m_caller;
    UploadStore::Owner m_owner;
    grpc::ByteBuffer m_in;
    qingshui::v1::BlobChunk m_chunk;
    std::string m_sha256; // set by the first chunk
    qint64 m_totalSize = -1;
    UploadStore::Upload m_upload;
    std::shared_ptr<PartialBlob> m_partial;
    qingshui::v1::UploadBlobResponse m_result;
};
