#pragma once

#include <QMetaType>
#include <QString>

// What one sync (or one count of what waits) tells the engine when it ends.
struct SyncReport {
    enum Outcome {
        Succeeded,
        NoServer, // none configured: nothing to retry until there is one
        Unreachable, // no answer at the network level: the device is offline
        Failed, // the server answered with a failure, or the local store did
    };
    Outcome outcome = Succeeded;
    int pushed = 0;
    int pulled = 0;
    int pendingCount = 0; // outbox entries still queued
    qint64 pendingPhotoBytes = 0; // bytes of the photos those entries refer to
    bool catalogChanged = false; // new checklist template versions or reference regions arrived
    bool publicPhotosChanged = false; // read-only: public photos were fetched or removed
    QString error;
};
Q_DECLARE_METATYPE(SyncReport)
