#pragma once

#include <QMetaType>
#include <QtGlobal>

// How far the sync under way has got, reported from the sync thread after every batch.
struct SyncProgress {
    enum Stage {
        Pushing, // records: outbox entries acknowledged of those queued when the push began
        Pulling, // records: changes stored so far; the total is not known (0)
        SendingPhotos, // bytes: photo bytes the server holds of those it needs
    };
    Stage stage = Pushing;
    int recordsDone = 0;
    int recordsTotal = 0; // 0: not known
    // Filled by the photo upload step (the Blobs service); a sync without one reports 0 of 0.
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};
Q_DECLARE_METATYPE(SyncProgress)
