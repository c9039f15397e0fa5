#include "photoupload.h"

#include "media/photostore.h"
#include "storage/bloboutboxrepository.h"

#include <QFileInfo>

QList<BlobFile> PhotoUpload::pending() const
{
    const PhotoStore photos(m_photoDir);
    QList<BlobFile> files;
    for (const QString &sha : BlobOutboxRepository(m_db).pending())
        files << BlobFile {sha, photos.pathFor(sha)};
    return files;
}

qint64 PhotoUpload::pendingBytes() const
{
    qint64 bytes = 0;
    for (const BlobFile &file : pending())
        bytes += QFileInfo(file.path).size();
    return bytes;
}

BlobUploadResult PhotoUpload::run(BlobUploader &uploader)
{
    const QList<BlobFile> files = pending();
    if (files.isEmpty()) {
        BlobUploadResult nothing;
        nothing.ok = true;
        return nothing;
    }
    BlobUploadResult result = uploader.upload(files);
    BlobOutboxRepository outbox(m_db);
    if (!result.completed.isEmpty() && !outbox.remove(result.completed)) {
        result.ok = false;
        result.error = QStringLiteral("local store: %1").arg(outbox.lastError());
    }
    return result;
}
