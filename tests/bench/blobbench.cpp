#include "blobbench.h"

#include "benchstats.h"
#include "blobuploader.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

namespace {

constexpr int kPhotos = 50;
constexpr qint64 kPhotoBytes = 2 * 1024 * 1024;

} // namespace

bool runBlobUploadBench(const QString &serverAddress, const QByteArray &token,
                        const QString &workDir, double *mbPerS)
{
    // Random bytes: nothing compresses or repeats, and every run's photos are new.
    QList<BlobFile> photos;
    QDir().mkpath(workDir);
    for (int i = 0; i < kPhotos; ++i) {
        QByteArray bytes(kPhotoBytes, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                              kPhotoBytes / 4);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString path = workDir + QStringLiteral("/%1.jpg").arg(sha);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return false;
        }
        photos << BlobFile {sha, path};
    }

    // The channel the app's sync uses.
    SyncTransport transport(serverAddress);
    BlobUploader uploader(transport.channel(), token);
    if (const int kb = qEnvironmentVariableIntValue("QS_BLOB_CHUNK_KB"); kb > 0)
        uploader.setChunkBytes(kb * 1024);
    if (const int streams = qEnvironmentVariableIntValue("QS_BLOB_STREAMS"); streams > 0)
        uploader.setStreams(streams);
    QElapsedTimer t;
    t.start();
    const BlobUploadResult result = uploader.upload(photos);
    const double s = t.nsecsElapsed() / 1e9;
    if (!result.ok || result.completed.size() != kPhotos
        || result.sentBytes != kPhotos * kPhotoBytes) {
        std::fprintf(stderr, "blob upload failed: %s\n", qPrintable(result.error));
        return false;
    }
    const double figure = kPhotos * kPhotoBytes / 1048576.0 / s;
    printFigure("blob_upload_mb_per_s", figure, "MB/s");
    if (mbPerS)
        *mbPerS = figure;
    return true;
}

int runBlobSuite()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const QString store = dir.filePath(QStringLiteral("inspector.db"));
    QString error;
    if (!server.start()
        || !server.addUser(QStringLiteral("inspector"), QStringLiteral("inspector"),
                           QStringLiteral("411326"))
        || !logInStore(store, server.address(), QStringLiteral("inspector"), &error)) {
        std::fprintf(stderr, "server or login failed: %s %s\n", qPrintable(server.adminOutput()),
                     qPrintable(error));
        return 1;
    }
    Database db;
    if (!db.open(store))
        return 1;
    const QByteArray token = SyncMetaRepository(db.connection())
                                 .value(QLatin1String(SyncMetaRepository::kAuthToken))
                                 .toUtf8();
    return runBlobUploadBench(server.address(), token, dir.filePath(QStringLiteral("photos"))) ? 0
                                                                                               : 1;
}
