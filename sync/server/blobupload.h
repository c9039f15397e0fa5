#pragma once

#include "caller.h"

#include "qingshui/v1/blobs.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <memory>

class BlobStore;
class ChangeStore;
class PartialBlob;

// One UploadBlob call: reads chunks as they come and appends each to the blob's partial at
// the offset the server holds, under the partial's lock. The last byte triggers the hash
// check and the rename; the call ends there (a complete blob needs nothing more).
class BlobUpload final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
public:
    BlobUpload(BlobStore &blobs, ChangeStore &changes, grpc::ByteBuffer *response)
        : m_blobs(blobs), m_changes(changes), m_response(response)
    {
    }

    // After authentication: Finish(status) right away if it failed.
    void start(const grpc::Status &authenticated, const Caller &caller);

    void OnReadDone(bool ok) override;
    void OnDone() override { delete this; }

private:
    grpc::Status take(const qingshui::v1::BlobChunk &chunk);
    grpc::Status first(const qingshui::v1::BlobChunk &chunk);
    grpc::Status append(const qingshui::v1::BlobChunk &chunk);
    grpc::Status completed(qint64 size, bool justStored);
    void answer(const grpc::Status &status);

    BlobStore &m_blobs;
    ChangeStore &m_changes;
    grpc::ByteBuffer *m_response;
    grpc::ByteBuffer m_in;
    qingshui::v1::BlobChunk m_chunk;
    std::string m_sha256; // set by the first chunk
    qint64 m_totalSize = -1;
    std::shared_ptr<PartialBlob> m_partial;
    qingshui::v1::UploadBlobResponse m_result;
};
