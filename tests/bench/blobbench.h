#pragma once

#include <QByteArray>
#include <QString>

// Part of suite `sync`: 50 photos of 2 MB (random bytes) uploaded to a real qingshui-server
// on loopback through BlobUploader, end to end (each stored, verified and complete on the
// server). Prints blob_upload_mb_per_s. QS_BLOB_CHUNK_KB and QS_BLOB_STREAMS override the
// uploader's chunk size and parallel streams, for tuning.
bool runBlobUploadBench(const QString &serverAddress, const QByteArray &token,
                        const QString &workDir, double *mbPerS = nullptr);

// Suite `blobs`: blob_upload_mb_per_s alone, against a server of its own (for profiling).
int runBlobSuite();
