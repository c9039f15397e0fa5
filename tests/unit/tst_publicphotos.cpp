// The kiosk's photo step against its real store: photos no public copy lists are deleted, but
// when the store cannot be read nothing is deleted (an empty list would delete every photo).
#include "blobdownloader.h"
#include "media/photostore.h"
#include "publicphotos.h"
#include "storage/database.h"

#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {
// A photo file as an earlier sync left it in the kiosk's photo folder.
QString keptPhoto(const QString &storePath)
{
    const QString sha(64, QLatin1Char('a'));
    const QString path = PhotoStore(PhotoStore::rootBeside(storePath)).pathFor(sha);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("jpeg") != 4)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// No server behind it: the step must not need one to list or delete.
std::shared_ptr<grpc::Channel> nowhere()
{
    return grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials());
}
} // namespace

class TestPublicPhotos : public QObject {
    Q_OBJECT

private slots:
    void aPhotoNoCopyListsIsDeleted()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath("kiosk.db");
        Database db;
        QVERIFY(db.open(storePath));
        const QString photo = keptPhoto(storePath);
        PublicPhotos photos(db.connection(), PhotoStore::rootBeside(storePath));
        BlobDownloader downloader(nowhere(), QByteArray("token"));
        const PublicPhotosResult result = photos.run(downloader);
        QCOMPARE(result.storeError, QString());
        QCOMPARE(result.removed, 1);
        QVERIFY(!QFile::exists(photo));
    }

    void anUnreadableStoreDeletesNothing()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath("kiosk.db");
        Database db;
        QVERIFY(db.open(storePath));
        const QString photo = keptPhoto(storePath);
        QSqlDatabase connection = db.connection();
        connection.close(); // the store gone from under the step
        PublicPhotos photos(connection, PhotoStore::rootBeside(storePath));
        BlobDownloader downloader(nowhere(), QByteArray("token"));
        const PublicPhotosResult result = photos.run(downloader);
        QVERIFY(!result.storeError.isEmpty());
        QCOMPARE(result.removed, 0);
        QCOMPARE(result.downloaded, 0);
        QVERIFY(QFile::exists(photo));
    }
};

QTEST_GUILESS_MAIN(TestPublicPhotos)
#include "tst_publicphotos.moc"
