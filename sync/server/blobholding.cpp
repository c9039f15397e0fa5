#include "blobholding.h"

#include "blobstore.h"
#include "changestore.h"

bool heldBlobSize(BlobStore &blobs, ChangeStore &changes, const Caller &caller,
                  const std::string &sha256, qint64 *size, QString *error)
{
    *size = -1;
    // The records first, the file last: the work done does not depend on the blob either.
    const QString sha = QString::fromStdString(sha256);
    const bool held = changes.blobHeldBy(caller, sha);
    const bool visible = !held && changes.blobVisibleTo(caller, sha);
    if (!held && !visible)
        return true;
    const qint64 stored = blobs.completeSize(sha256);
    if (stored < 0)
        return true;
    // It may download them: as good as having sent them, and its revisions naming them
    // count from now on.
    if (visible && !changes.blobProved(caller, sha, stored, error))
        return false;
    *size = stored;
    return true;
}
