#include "uploadsweep.h"

#include "blobstore.h"
#include "uploadstore.h"

#include <QDateTime>

int sweepAbandonedUploads(UploadStore &uploads, BlobStore &blobs, qint64 maxAgeMs, QString *error)
{
    QStringList idle;
    QSet<QString> inUse;
    if (!uploads.removeIdle(QDateTime::currentMSecsSinceEpoch() - maxAgeMs, &idle, &inUse, error))
        return -1;
    int removed = 0;
    for (const QString &fileName : std::as_const(idle)) {
        if (!blobs.removePartial(fileName)) {
            *error = QStringLiteral("cannot remove %1").arg(blobs.partialPath(fileName));
            return -1;
        }
        ++removed;
    }
    const int orphans = blobs.removeOrphanPartials(maxAgeMs, inUse, error);
    return orphans < 0 ? -1 : removed + orphans;
}
