#include "blobservice.h"

#include "authenticator.h"
#include "blobdownload.h"
#include "blobholding.h"
#include "blobstore.h"
#include "blobupload.h"
#include "changestore.h"
#include "rawmessage.h"
#include "refusalstatus.h"
#include "uploadstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBlobs, "qs.server.blobs")

namespace v1 = qingshui::v1;

namespace {

const grpc::Status kBadSha = refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                                    "sha256 must be 64 lowercase hex digits", {"sha256"});

// The same answer whether the blob is missing, incomplete or not the caller's to see, so
// that nobody learns from it what others hold.
grpc::Status notAvailable(const std::string &sha256)
{
    return refuse(grpc::StatusCode::NOT_FOUND, "blob_not_available",
                  "blob " + sha256 + " is not available to this account", {sha256});
}

} // namespace

grpc::ServerUnaryReactor *BlobService::BlobStatus(grpc::CallbackServerContext *context,
                                                  const grpc::ByteBuffer *rawRequest,
                                                  grpc::ByteBuffer *rawResponse)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    const grpc::Status status = [&]() -> grpc::Status {
        Caller caller;
        if (grpc::Status s = m_authenticator.authenticate(*context, &caller); !s.ok())
            return s;
        grpc::ByteBuffer copy(*rawRequest);
        v1::BlobStatusRequest request;
        if (grpc::Status s = parseRaw(&copy, &request); !s.ok())
            return s;
        const std::string &sha = request.sha256();
        if (!BlobStore::isSha256(sha))
            return kBadSha;
        const QString shaText = QString::fromStdString(sha);
        v1::BlobStatusResponse response;
        if (!caller.mayWriteContent()) {
            // Others ask only about what they may download. The refusal depends on the
            // records, not on the blob, so it tells nothing of it.
            if (!m_changes.blobVisibleTo(caller, shaText))
                return refuse(grpc::StatusCode::PERMISSION_DENIED, "blob_not_permitted",
                              "this account uploads no photos, and no record it may see "
                              "refers to this one",
                              {sha});
            const qint64 size = m_blobs.completeSize(sha);
            response.set_complete(size >= 0);
            response.set_received_bytes(std::max<qint64>(size, 0));
            serializeRaw(response, rawResponse);
            return grpc::Status::OK;
        }
        // Uploaders hear of the blob only if they hold it or may see it; else of their own
        // device's upload, exactly as if the server had never seen the blob.
        qint64 held = -1;
        QString error;
        if (!heldBlobSize(m_blobs, m_changes, caller, sha, &held, &error)) {
            qCWarning(lcBlobs) << "cannot record blob" << shaText << error;
            return refuse(grpc::StatusCode::INTERNAL, "server_error",
                          "the server could not record the blob");
        }
        if (held >= 0) {
            response.set_complete(true);
            response.set_received_bytes(held);
        } else {
            UploadStore::Upload own;
            if (!m_uploads.find(shaText, {caller.accountId, caller.deviceId}, &own, &error)) {
                qCWarning(lcBlobs) << "cannot read the upload of" << shaText << error;
                return refuse(grpc::StatusCode::INTERNAL, "server_error",
                              "the server cannot read the upload");
            }
            response.set_received_bytes(own.receivedBytes);
        }
        serializeRaw(response, rawResponse);
        return grpc::Status::OK;
    }();
    reactor->Finish(status);
    return reactor;
}

grpc::ServerReadReactor<grpc::ByteBuffer> *
BlobService::UploadBlob(grpc::CallbackServerContext *context, grpc::ByteBuffer *response)
{
    auto *upload = new BlobUpload(m_blobs, m_changes, m_uploads, m_diskWork, response);
    Caller caller;
    const grpc::Status authenticated = m_authenticator.authenticate(*context, &caller);
    upload->start(authenticated, caller);
    return upload;
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *
BlobService::DownloadBlob(grpc::CallbackServerContext *context, const grpc::ByteBuffer *rawRequest)
{
    auto *download = new BlobDownload;
    v1::DownloadBlobRequest request;
    qint64 size = -1;
    const grpc::Status checked = [&]() -> grpc::Status {
        Caller caller;
        if (grpc::Status s = m_authenticator.authenticate(*context, &caller); !s.ok())
            return s;
        grpc::ByteBuffer copy(*rawRequest);
        if (grpc::Status s = parseRaw(&copy, &request); !s.ok())
            return s;
        if (!BlobStore::isSha256(request.sha256()))
            return kBadSha;
        if (!m_changes.blobVisibleTo(caller, QString::fromStdString(request.sha256())))
            return notAvailable(request.sha256());
        size = m_blobs.completeSize(request.sha256());
        if (size < 0)
            return notAvailable(request.sha256());
        if (request.offset() < 0 || request.offset() > size)
            return refuse(grpc::StatusCode::OUT_OF_RANGE, "download_offset_out_of_range",
                          "offset " + std::to_string(request.offset()) + " is outside the blob's "
                              + std::to_string(size) + " bytes",
                          {std::to_string(request.offset()), std::to_string(size)});
        return grpc::Status::OK;
    }();
    download->start(checked, m_blobs.completePath(request.sha256()), request.sha256(), size,
                    request.offset());
    return download;
}
