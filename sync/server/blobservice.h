#pragma once

#include "qingshui/v1/blobs.grpc.pb.h"

#include <QtGlobal>

class Authenticator;
class BlobStore;
class ChangeStore;
class UploadStore;
class WorkerPool;

// The Blobs service: photos up and down, resumable, content-addressed. Every call is
// authenticated; uploads need a role that writes content, downloads a record the caller may
// see that counts the blob. Nobody learns from it whether a blob they may not see exists. Callback
// handlers on raw bytes, like the other services, so that malformed bytes get INVALID_ARGUMENT.
// Uploads store their chunks on `diskWork`'s threads, not on gRPC's (WorkerPool says why).
class BlobService final : public qingshui::v1::Blobs::WithRawCallbackMethod_BlobStatus<
                              qingshui::v1::Blobs::WithRawCallbackMethod_UploadBlob<
                                  qingshui::v1::Blobs::WithRawCallbackMethod_DownloadBlob<
                                      qingshui::v1::Blobs::Service>>> {
public:
    BlobService(BlobStore &blobs, ChangeStore &changes, UploadStore &uploads,
                const Authenticator &authenticator, WorkerPool &diskWork)
        : m_blobs(blobs)
        , m_changes(changes)
        , m_uploads(uploads)
        , m_authenticator(authenticator)
        , m_diskWork(diskWork)
    {
    }

    grpc::ServerUnaryReactor *BlobStatus(grpc::CallbackServerContext *context,
                                         const grpc::ByteBuffer *request,
                                         grpc::ByteBuffer *response) override;
    grpc::ServerReadReactor<grpc::ByteBuffer> *UploadBlob(grpc::CallbackServerContext *context,
                                                          grpc::ByteBuffer *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *
    DownloadBlob(grpc::CallbackServerContext *context, const grpc::ByteBuffer *request) override;

    // A chunk may carry up to this much (the client sends 1 MB; downloads go in 1 MB).
    static constexpr qint64 kMaxChunkBytes = 4 * 1024 * 1024;
    static constexpr qint64 kDownloadChunkBytes = 1024 * 1024;

private:
    BlobStore &m_blobs;
    ChangeStore &m_changes;
    UploadStore &m_uploads;
    const Authenticator &m_authenticator;
    WorkerPool &m_diskWork;
};
