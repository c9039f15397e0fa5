#pragma once

#include <QSet>
#include <QString>

// Uploads under way, one per (blob, account, device): the bytes are in a partial file of the
// shared blob folder, how many of them count is here. Kept in the database so that every
// server process behind one address can take the next chunk of any upload, and so that a
// device can only ever touch its own (nobody resets or moves another's upload). Behind an
// interface like ChangeStore, for the SQLite file and PostgreSQL.
class UploadStore {
public:
    virtual ~UploadStore() = default;

    struct Upload {
        qint64 id = 0; // 0: none
        QString fileName; // under <blobs>/partial/
        qint64 totalSize = 0; // as its latest call said
        qint64 receivedBytes = 0;
    };
    struct Owner {
        qint64 accountId = 0;
        QString deviceId;
    };

    // The owner's upload of this blob, if any (out->id 0 when there is none).
    virtual bool find(const QString &sha256, const Owner &owner, Upload *out, QString *error) = 0;
    // The owner's upload of this blob, created if there is none (newFileName names its file),
    // with the total size its latest call gives.
    virtual bool begin(const QString &sha256, const Owner &owner, qint64 totalSize,
                       const QString &newFileName, Upload *out, QString *error)
        = 0;
    // The bytes that count go from `from` to `to` (a chunk written, or back to 0), only if
    // the upload is still there and still at `from`: else *moved and nothing changes.
    virtual bool advance(qint64 id, qint64 from, qint64 to, bool *moved, QString *error) = 0;
    // The upload ended (stored or discarded).
    virtual bool remove(qint64 id, QString *error) = 0;

    // Removes the uploads no chunk reached since cutoffMs (abandoned: a tablet wiped or
    // lost) and gives their file names; *inUse gets the file names of the others.
    virtual bool removeIdle(qint64 cutoffMs, QStringList *removedFiles, QSet<QString> *inUse,
                            QString *error)
        = 0;
};
