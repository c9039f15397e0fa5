#pragma once

#include "qingshui/v1/blobs.pb.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <QFile>

// One DownloadBlob call: streams a complete blob from the requested offset in 1 MB chunks,
// reading the next chunk only when the last one is written (flow control sets the pace).
class BlobDownload final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
public:
    // Finish(status) right away when the call may not go on.
    void start(const grpc::Status &checked, const QString &path, const std::string &sha256,
               qint64 size, qint64 offset);

    void OnWriteDone(bool ok) override;
    void OnDone() override { delete this; }

private:
    void writeNext();

    QFile m_file;
    std::string m_sha256;
    qint64 m_size = 0;
    qint64 m_offset = 0;
    bool m_first = true;
    grpc::ByteBuffer m_out;
};
