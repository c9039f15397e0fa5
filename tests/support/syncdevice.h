#pragma once

#include "media/photostore.h"
#include "storage/database.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <memory>

// The SHA-256 a photo's bytes are named by.
inline QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// One device of an integration test: its store, logged in to the server as a user, and the
// photo folder beside it.
struct SyncDevice {
    Database db;
    std::unique_ptr<SyncTransport> transport;
    bool readOnly = false; // a kiosk's sync: pull only

    bool open(const QString &path, const QString &address, const QString &user, QString *error)
    {
        if (!logInStore(path, address, user, error) || !db.open(path)) {
            *error += db.error();
            return false;
        }
        transport = std::make_unique<SyncTransport>(address);
        return true;
    }
    SyncResult sync()
    {
        SyncSession session(db.connection(), *transport);
        session.setReadOnly(readOnly);
        const SyncResult result = session.run();
        if (!result.ok)
            qWarning("sync failed: %s", qPrintable(result.error));
        return result;
    }
    RecordRepository records() { return RecordRepository(db.connection()); }
    PulledPageWriter pages() { return PulledPageWriter(db.connection()); }
    ReviewRepository reviews() { return ReviewRepository(db.connection()); }
    QString photoRoot() const { return PhotoStore::rootBeside(db.path()); }

    // Takes a photo as the tablet's photo step does (PhotoStore: downscaled, caption stamped,
    // stored by its SHA-256); its name, or empty. Needs a QGuiApplication (QTEST_MAIN).
    QString importPhoto(const QImage &picture, const PhotoCaption &caption) const
    {
        PhotoProblem error;
        const std::optional<StoredPhoto> photo
            = PhotoStore(photoRoot()).importImage(picture, caption, &error);
        if (!photo)
            qWarning("photo not imported: %s", qPrintable(error.toString()));
        return photo ? photo->sha256 : QString();
    }

    // Puts a photo where the device's photo store keeps it (photos/ab/abc….jpg).
    bool putPhoto(const QByteArray &bytes) const
    {
        const QString sha = shaOf(bytes);
        const QString dir = photoRoot() + "/" + sha.left(2);
        QDir().mkpath(dir);
        QFile f(dir + "/" + sha + ".jpg");
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
};
