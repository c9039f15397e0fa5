// A kiosk's read-only sync through a real qingshui-server process and real stores: it never
// pushes what its store holds, and after a pull it holds exactly the published photos (the
// public rendition the server made of the ticked one, with its SHA-256; never the original)
// in its photo folder; a withdrawal deletes it.
#include "common/publicrendition.h"
#include "media/photostore.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace {

using Device = SyncDevice;

// A photo of picture `seed` as the tablet's PhotoStore makes it (caption stamped): its bytes.
QByteArray tabletPhoto(int seed)
{
    QTemporaryDir dir;
    QImage picture(1280, 960, QImage::Format_RGB32);
    picture.fill(QColor::fromHsv(seed * 70 % 360, 120, 220));
    PhotoCaption caption;
    caption.time = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    caption.fix.latitude = 32.9;
    caption.fix.longitude = 111.5;
    const std::optional<StoredPhoto> photo = PhotoStore(dir.path()).importImage(picture, caption);
    QFile file(photo ? photo->path : QString());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The name of the public rendition the server makes of a photo.
QString renditionOf(const QByteArray &photo)
{
    PublicRendition::Failure failure;
    QString why;
    const std::optional<PublicRendition> r = PublicRendition::make(photo, &failure, &why);
    return r ? shaOf(r->jpeg) : QString();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The SHA-256 of every photo file in a folder, by the hash of its bytes (not its name).
QStringList photoHashesIn(const QString &root)
{
    QStringList out;
    QDirIterator it(root, {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            out << shaOf(f.readAll());
    }
    return out;
}

} // namespace

class TestKioskFeedSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    bool openDevice(Device *device, const QString &user)
    {
        // A folder each: photo folders live beside the store.
        const QString folder = m_dir.filePath(user + uuid());
        QDir().mkpath(folder);
        QString error;
        if (device->open(folder + "/store.db", m_server->address(), user, &error))
            return true;
        qWarning() << error;
        return false;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("kiosk-xichuan", "kiosk", "411326"));
        QVERIFY(m_server->start());
    }

    // A kiosk store that somehow holds an outbox row: a read-only sync pulls and never sends
    // it (a push would be refused: kiosks may not push); the row stays where it was.
    void aReadOnlySyncNeverPushes()
    {
        Device kiosk;
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.content = R"({"answers":{"A1":true}})";
        r.authorDeviceId = SyncMetaRepository(kiosk.db.connection()).deviceId();
        QVERIFY(kiosk.records().submit(r, uuid()));
        QCOMPARE(OutboxRepository(kiosk.db.connection()).pendingCount(), 1);

        const SyncResult result = kiosk.sync();
        QVERIFY(result.ok);
        QCOMPARE(result.pushed, 0);
        QCOMPARE(OutboxRepository(kiosk.db.connection()).pendingCount(), 1);

        // The same store synced as a writer tries to push and is refused: the test can fail.
        kiosk.readOnly = false;
        QVERIFY(!kiosk.sync().ok);
    }

    // Tablet submits two photos, the supervisor publishes with one ticked: the kiosk's photo
    // folder holds exactly that one's public rendition, with its SHA-256; after a return it
    // is gone.
    void aKioskHoldsExactlyThePublishedPhotos()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QByteArray shownBytes = tabletPhoto(1); // the new toilet block, ticked
        const QByteArray keptBytes = tabletPhoto(2); // a household's yard, not ticked
        const QString shown = shaOf(shownBytes), kept = shaOf(keptBytes);
        const QString rendition = renditionOf(shownBytes); // what the kiosk may see of it
        QVERIFY(!rendition.isEmpty() && rendition != shown);
        QVERIFY(tablet.putPhoto(shownBytes));
        QVERIFY(tablet.putPhoto(keptBytes));
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.content = QStringLiteral(R"({"answers":{"A1":true,"A2_photos":["%1","%2"]}})")
                        .arg(shown, kept)
                        .toUtf8();
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        QVERIFY(tablet.records().submit(r, uuid()));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);

        ReviewRepository decisions(supervisor.db.connection());
        auto decide = [&](ReviewDecision decision) {
            ReviewEvent e;
            e.recordId = r.id;
            e.recordServerSeq = supervisor.records().find(r.id)->serverSeq;
            e.decision = decision;
            e.comment = decision == ReviewDecision::Return ? QStringLiteral("再查") : QString();
            if (decision == ReviewDecision::Publish)
                e.publishedPhotos << shown;
            return decisions.decide(e) && supervisor.sync().ok;
        };
        QVERIFY(decide(ReviewDecision::Approve));
        QVERIFY(decide(ReviewDecision::Publish));

        SyncResult result = kiosk.sync();
        QVERIFY(result.ok);
        QCOMPARE(result.publicPhotosFetched, 1);
        QCOMPARE(photoHashesIn(kiosk.photoRoot()), QStringList {rendition});
        QVERIFY(QFile::exists(PhotoStore(kiosk.photoRoot()).pathFor(rendition)));
        // A second sync fetches nothing again.
        QCOMPARE(kiosk.sync().publicPhotosFetched, 0);

        QVERIFY(decide(ReviewDecision::Return));
        result = kiosk.sync();
        QVERIFY(result.ok);
        QVERIFY(!kiosk.records().find(r.id));
        QCOMPARE(result.publicPhotosRemoved, 1);
        QCOMPARE(photoHashesIn(kiosk.photoRoot()), QStringList {});
    }
};

QTEST_MAIN(TestKioskFeedSync)
#include "tst_kioskfeedsync.moc"
