// A kiosk's read-only sync through a real qingshui-server process and real stores: it never
// pushes what its store holds, and after a pull it holds exactly the published photos (the
// ticked one, with the right SHA-256) in its photo folder; a withdrawal deletes it.
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
    // folder holds exactly that one, with its SHA-256; after a return it is gone.
    void aKioskHoldsExactlyThePublishedPhotos()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QByteArray shownBytes = "photo: the new toilet block, shown";
        const QByteArray keptBytes = "photo: a household's yard, not ticked";
        const QString shown = shaOf(shownBytes), kept = shaOf(keptBytes);
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
        QCOMPARE(photoHashesIn(kiosk.photoRoot()), QStringList {shown});
        QVERIFY(QFile::exists(PhotoStore(kiosk.photoRoot()).pathFor(shown)));
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

QTEST_GUILESS_MAIN(TestKioskFeedSync)
#include "tst_kioskfeedsync.moc"
