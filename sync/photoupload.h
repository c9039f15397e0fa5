#pragma once

#include "blobuploader.h"

#include <QSqlDatabase>
#include <QString>

// The photo step of a sync: the photos in the device's blob outbox go to the server from the
// PhotoStore's files; those the server holds whole and verified leave the outbox.
class PhotoUpload {
public:
    PhotoUpload(QSqlDatabase db, QString photoDir) : m_db(db), m_photoDir(std::move(photoDir)) { }

    QList<BlobFile> pending() const;
    // The bytes still to send (files of queued photos; the server may hold part of them).
    qint64 pendingBytes() const;

    // Uploads what is queued; false with *error when any photo is still not on the server
    // (what did reach it has left the outbox all the same).
    BlobUploadResult run(BlobUploader &uploader);

private:
    QSqlDatabase m_db;
    QString m_photoDir;
};
