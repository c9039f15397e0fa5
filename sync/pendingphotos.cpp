#include "pendingphotos.h"

#include "media/photostore.h"
#include "storage/outboxrepository.h"

#include <QFileInfo>

qint64 pendingPhotoBytes(QSqlDatabase db, const QString &photoDirectory)
{
    if (photoDirectory.isEmpty())
        return 0;
    const PhotoStore photos(photoDirectory);
    qint64 bytes = 0;
    for (const QString &sha256 : OutboxRepository(db).queuedPhotoReferences()) {
        const QFileInfo file(photos.pathFor(sha256));
        if (file.isFile())
            bytes += file.size();
    }
    return bytes;
}
