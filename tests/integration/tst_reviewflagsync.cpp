// What a reviewer needs to trust a record, through a real qingshui-server process and real
// device stores: a batch pushed by a tablet whose clock runs 2 h fast reaches the supervisor
// with that skew; a record pushed without one of its photos is pending at the supervisor and
// its n/m grows as the photos arrive (the queue's row and the record view count again when
// told); a concurrent edit from a second tablet is flagged, both revisions are on the
// supervisor's device for the link and the diff; an approval confirmed with photos missing
// carries its counts to the server and to every later reader; malformed confirmations and
// device times are refused.
#include "controllers/recordviewcontroller.h"
#include "controllers/reviewcontroller.h"
#include "domain/reviewflags.h"
#include "media/photopresence.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "photofetcher.h"
#include "serverprocess.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/revisionhistory.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncdevice.h"
#include "syncsession.h"
#include "synctransport.h"

#include "qingshui/v1/sync.pb.h"

#include <grpcpp/support/status.h>

#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县 丹阳镇 九重村
constexpr qint64 kTwoHoursMs = 2 * 60 * 60 * 1000;
// The server measures the skew when the batch arrives: loopback and a busy machine add a
// little to what the tablet's clock said.
constexpr qint64 kMeasureSlackMs = 60 * 1000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A toilet inspection as the tablet stores it: its answers and the photos they refer to.
Record toiletRecord(const QString &deviceId, const QJsonObject &answers)
{
    Record r;
    r.id = uuid();
    r.templateId = "sanitation.toilet";
    r.templateVersion = 1;
    r.category = "sanitation";
    r.villageCode = kXichuanVillage;
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson(QJsonDocument::Compact);
    r.authorDeviceId = deviceId;
    return r;
}

} // namespace

class TestReviewFlagSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    bool openDevice(SyncDevice *device, const QString &user)
    {
        // A folder of its own: photos live beside the store, and no device may see another's.
        QString error;
        const bool ok = device->open(m_dir.filePath(user + uuid() + "/store.db"),
                                     m_server->address(), user, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }
    static QString deviceIdOf(SyncDevice &d)
    {
        return SyncMetaRepository(d.db.connection()).deviceId();
    }
    // A photo as the tablet's camera makes it: imported into the tablet's own photo store.
    static QString takePhoto(SyncDevice &tablet, const QColor &colour)
    {
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(colour);
        const auto stored = PhotoStore(tablet.photoRoot())
                                .importImage(image, {QDateTime::currentDateTime(), {}, "九重村"});
        return stored ? stored->sha256 : QString();
    }
    // A photo of the supervisor's queue fetched as the app fetches it: a record view's
    // request to the supervisor's own PhotoFetcher (from the server, SHA-256 checked). True
    // when it arrived; false when it did not (not on the server yet, or failed).
    bool fetchPhoto(SyncDevice &supervisor, const QString &sha)
    {
        PhotoFetcherOptions options;
        options.databasePath = supervisor.db.path();
        options.serverAddress = m_server->address();
        options.photoDirectory = supervisor.photoRoot();
        PhotoFetcher fetcher(options);
        QSignalSpy arrived(&fetcher, &PhotoFetcher::photoArrived);
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.fetchNow({sha});
        if (!QTest::qWaitFor([&] { return !arrived.isEmpty() || !failed.isEmpty(); }, 30000))
            qWarning() << "photo fetch did not end:" << sha;
        return !arrived.isEmpty();
    }
    // The queue's row of a record (earlier tests' records are in the queue too).
    static QModelIndex rowOf(const RecordListModel &queue, const QString &id)
    {
        for (int i = 0; i < queue.rowCount(); ++i) {
            if (queue.recordIdAt(i) == id)
                return queue.index(i);
        }
        return {};
    }
    static SyncResult syncWithClock(SyncDevice &device, qint64 offsetMs)
    {
        SyncSession session(device.db.connection(), *device.transport);
        session.setClock([offsetMs] { return QDateTime::currentMSecsSinceEpoch() + offsetMs; });
        return session.run();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-inspector2", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->start());
    }

    // A tablet whose clock runs 2 h fast pushes a batch of three records: each arrives at
    // the supervisor with a skew of +2 h and is flagged; a tablet on time is not.
    void aClockTwoHoursFastArrivesWithItsSkew()
    {
        SyncDevice tablet, onTime, supervisor;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&onTime, "xc-inspector2"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QStringList fast;
        for (int i = 0; i < 3; ++i) {
            const Record r = toiletRecord(deviceIdOf(tablet), {{"A6_checked", 40 + i}});
            QVERIFY(tablet.records().submit(r, uuid()));
            fast << r.id;
        }
        SyncResult result = syncWithClock(tablet, kTwoHoursMs);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 3);
        const Record right = toiletRecord(deviceIdOf(onTime), {{"A6_checked", 7}});
        QVERIFY(onTime.records().submit(right, uuid()));
        QVERIFY(onTime.sync().ok);

        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        for (const QString &id : std::as_const(fast)) {
            const std::optional<Record> pulled = supervisor.records().find(id);
            QVERIFY(pulled);
            QVERIFY2(qAbs(pulled->deviceClockSkewMs - kTwoHoursMs) < kMeasureSlackMs,
                     qPrintable(QString::number(pulled->deviceClockSkewMs)));
            const ReviewFlags flags
                = reviewFlagsOf(pulled->content, pulled->updatedAtMs, pulled->deviceClockSkewMs);
            QVERIFY(flags.clockSkewed());
            QVERIFY(flags.clockSkewMs > 0); // fast, not slow
        }
        const std::optional<Record> onTimeRecord = supervisor.records().find(right.id);
        QVERIFY(onTimeRecord);
        QVERIFY(qAbs(onTimeRecord->deviceClockSkewMs) < kMeasureSlackMs);
        // (0 is a fair measurement on one machine: the flag above shows the skew is measured)
        QVERIFY(!reviewFlagsOf(onTimeRecord->content, onTimeRecord->updatedAtMs,
                               onTimeRecord->deviceClockSkewMs)
                     .any());

        // The pushing tablet pulls its own revisions back with the skew the server kept.
        QVERIFY(tablet.sync().ok);
        QVERIFY(qAbs(tablet.records().find(fast[0])->deviceClockSkewMs - kTwoHoursMs)
                < kMeasureSlackMs);

        // The record view says by how much and which way.
        RecordViewController view(supervisor.db.connection(), nullptr);
        QVERIFY(view.open(fast[0]));
        QCOMPARE(view.flags().size(), 1);
        const ReviewFlagLine flag = view.flags()[0];
        QCOMPARE(flag.kind, QString("clockSkew"));
        QVERIFY2(flag.text.contains("快 2 小时"), qPrintable(flag.text));
    }

    // A record whose second photo the tablet cannot send yet: pending at the supervisor, 0/2
    // there; the first photo fetched: 1/2 in the queue's row and the record view, told by
    // photoArrived; the tablet sends the second, the server says the photos arrived, and once
    // it is fetched too the record is complete.
    void aRecordWithoutItsPhotoIsPendingUntilThePhotosArrive()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        const QString first = takePhoto(tablet, QColor(40, 120, 80));
        const QString second = takePhoto(tablet, QColor(200, 160, 40));
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        // The second photo's file is not on the tablet (e.g. a card that was not mounted).
        const QString secondPath = PhotoStore(tablet.photoRoot()).pathFor(second);
        const QString aside = secondPath + ".away";
        QVERIFY(QFile::rename(secondPath, aside));
        const Record r = toiletRecord(deviceIdOf(tablet),
                                      {{"A1", true}, {"A2_photos", QJsonArray {first, second}}});
        QVERIFY(tablet.records().submit(r, uuid()));
        SyncResult result = tablet.sync();
        QVERIFY(!result.ok); // the missing photo fails the sync, with a message…
        QCOMPARE(result.pushed, 1); // …after the record went
        QCOMPARE(result.photosUploaded, 1);

        QVERIFY(supervisor.sync().ok);
        Record pulled = *supervisor.records().find(r.id);
        QVERIFY(pulled.photosPending);
        const PhotoStore supervisorPhotos(supervisor.photoRoot());
        PhotoPresence presence = photoPresenceOf(pulled.content, &supervisorPhotos);
        QCOMPARE(presence.here, 0);
        QCOMPARE(presence.total, 2);

        // The queue's row and the record view as the supervisor opens them.
        RecordListModel queue(supervisor.db.connection(), {});
        queue.setPhotoStore(&supervisorPhotos);
        const QModelIndex row = rowOf(queue, r.id);
        QVERIFY(row.isValid());
        QCOMPARE(queue.data(row, RecordListModel::PhotosTextRole).toString(),
                 QString("照片未到齐 (0/2)"));
        RecordViewController view(supervisor.db.connection(), &supervisorPhotos);
        QVERIFY(view.open(r.id));
        QVERIFY(view.photosIncomplete());
        QCOMPARE(view.photosText(), QString("照片未到齐 (0/2)"));

        // The first photo arrives on the supervisor's device.
        QVERIFY(fetchPhoto(supervisor, first));
        QSignalSpy rowChanged(&queue, &QAbstractItemModel::dataChanged);
        QSignalSpy viewCounts(&view, &RecordViewController::photoCountsChanged);
        queue.photoArrived(first);
        view.photoArrived(first);
        QCOMPARE(rowChanged.size(), 1);
        QCOMPARE(queue.data(row, RecordListModel::PhotosTextRole).toString(),
                 QString("照片未到齐 (1/2)"));
        QCOMPARE(viewCounts.size(), 1);
        QCOMPARE(view.photosHere(), 1);
        QCOMPARE(view.photosText(), QString("照片未到齐 (1/2)"));
        // The second is not on the server: asking for it changes nothing.
        QVERIFY(!fetchPhoto(supervisor, second));
        queue.photoArrived(second);
        QCOMPARE(queue.data(row, RecordListModel::PhotosHereRole).toInt(), 1);

        // The tablet finds its photo again and sends it: the server's "photos arrived"
        // ends the pending state at the supervisor's next pull.
        QVERIFY(QFile::rename(aside, secondPath));
        result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.photosUploaded, 1);
        QVERIFY(supervisor.sync().ok);
        pulled = *supervisor.records().find(r.id);
        QVERIFY(!pulled.photosPending);
        queue.reload(); // as the app does after a sync that pulled something
        view.refreshPhotoCounts(); // as it does after every sync
        QVERIFY(view.photosIncomplete()); // not pending any more, but only 1/2 here
        QCOMPARE(view.photosText(), QString("照片未到齐 (1/2)"));
        QCOMPARE(queue.data(rowOf(queue, r.id), RecordListModel::PhotosTextRole).toString(),
                 QString("照片未到齐 (1/2)")); // the server has it, this device not yet
        QVERIFY(fetchPhoto(supervisor, second));
        queue.photoArrived(second);
        view.photoArrived(second);
        QCOMPARE(queue.data(rowOf(queue, r.id), RecordListModel::PhotosTextRole).toString(),
                 QString());
        QVERIFY(!queue.data(rowOf(queue, r.id), RecordListModel::PhotosIncompleteRole).toBool());
        QVERIFY(!view.photosIncomplete());
        QCOMPARE(view.photosHere(), 2);
        // Byte for byte what the tablet took.
        QFile mine(PhotoStore(tablet.photoRoot()).pathFor(second));
        QFile theirs(supervisorPhotos.pathFor(second));
        QVERIFY(mine.open(QIODevice::ReadOnly) && theirs.open(QIODevice::ReadOnly));
        QCOMPARE(theirs.readAll(), mine.readAll());
    }

    // Two tablets edit the same record from the same revision: the server keeps both, the
    // later one wins and names the one it overwrote. The supervisor's device holds both, the
    // view names who made the overwritten edit and when, shows it read-only, and diffs it
    // against the winner.
    void aConcurrentEditIsFlaggedWithBothRevisions()
    {
        SyncDevice first, second, supervisor;
        QVERIFY(openDevice(&first, "xc-inspector"));
        QVERIFY(openDevice(&second, "xc-inspector2"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        const Record original = toiletRecord(deviceIdOf(first), {{"A6_checked", 40}});
        QVERIFY(first.records().submit(original, uuid()));
        QVERIFY(first.sync().ok);
        QVERIFY(second.sync().ok); // the second tablet has revision 1 too
        const qint64 base = first.records().find(original.id)->serverSeq;
        QCOMPARE(second.records().find(original.id)->serverSeq, base);

        // Both edit revision `base`; the first tablet's edit reaches the server first.
        Record edit = *first.records().find(original.id);
        edit.content = R"({"answers":{"A6_checked":41}})";
        QVERIFY(first.records().submit(edit, uuid()));
        QVERIFY(first.sync().ok);
        const qint64 overwritten = first.records().find(original.id)->serverSeq;
        Record other = *second.records().find(original.id);
        other.content = R"({"answers":{"A6_checked":45}})";
        QVERIFY(second.records().submit(other, uuid()));
        QVERIFY(second.sync().ok);
        const qint64 winner = second.records().find(original.id)->serverSeq;
        QVERIFY(winner > overwritten && overwritten > base);

        QVERIFY(supervisor.sync().ok);
        const Record current = *supervisor.records().find(original.id);
        QCOMPARE(current.serverSeq, winner);
        QCOMPARE(current.conflictWith, overwritten);
        QCOMPARE(current.author, QString("xc-inspector2"));
        const QList<Record> revisions
            = RevisionHistory(supervisor.db.connection()).revisionsOf(original.id);
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions[1].serverSeq, overwritten);
        QCOMPARE(revisions[1].author, QString("xc-inspector"));
        QCOMPARE(revisions[1].content, QByteArray(R"({"answers":{"A6_checked":41}})"));

        // The queue's row marks it; the view names the overwritten edit and opens it.
        RecordListModel queue(supervisor.db.connection(), {});
        QVERIFY(queue.data(rowOf(queue, original.id), RecordListModel::ConflictRole).toBool());
        int marked = 0; // the earlier tests' records were edited by one tablet each
        for (int i = 0; i < queue.rowCount(); ++i)
            marked += queue.data(queue.index(i), RecordListModel::ConflictRole).toBool() ? 1 : 0;
        QCOMPARE(marked, 1);
        RecordViewController view(supervisor.db.connection(), nullptr);
        QVERIFY(view.open(original.id));
        QCOMPARE(view.conflictWith(), overwritten);
        QVERIFY(view.conflictAvailable());
        QCOMPARE(view.conflictAuthor(), QString("xc-inspector"));
        RecordViewController past(supervisor.db.connection(), nullptr);
        QVERIFY(past.openRevision(original.id, overwritten));
        QVERIFY(past.pastRevision());
        QCOMPARE(past.author(), QString("xc-inspector"));
        QCOMPARE(past.serverSeq(), overwritten);
        QCOMPARE(past.answers().value(0).id, QString("A6_checked"));
        QVERIFY(past.answers().value(0).text.startsWith("41"));
        QVERIFY(!past.openRevision(original.id, winner + 1000)); // one it never had

        // The diff between the overwritten edit and the winner.
        ReviewController review(supervisor.db.connection());
        const RevisionDiff diff = review.diffBetween(original.id, overwritten, winner);
        QVERIFY(diff.valid);
        QCOMPARE(diff.fromSeq, overwritten);
        QCOMPARE(diff.toSeq, winner);
        QCOMPARE(diff.answers.size(), 1);
        QCOMPARE(diff.answers[0].questionId, QString("A6_checked"));
        QCOMPARE(diff.answers[0].before.toInt(), 41);
        QCOMPARE(diff.answers[0].after.toInt(), 45);
    }

    // Approving with 1 of 2 photos here: refused without confirmation (nothing stored), then
    // stored with it; the server keeps the confirmation and every later reader sees it.
    void aConfirmedApprovalKeepsItsCountsEverywhere()
    {
        SyncDevice tablet, supervisor, laterReader;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&laterReader, "xc-supervisor")); // the same supervisor, another desk
        const QString first = takePhoto(tablet, QColor(10, 90, 160));
        const QString second = takePhoto(tablet, QColor(160, 20, 90));
        const Record r = toiletRecord(deviceIdOf(tablet),
                                      {{"A1", true}, {"A2_photos", QJsonArray {first, second}}});
        QVERIFY(tablet.records().submit(r, uuid()));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        QVERIFY(fetchPhoto(supervisor, first)); // the second has not come yet

        const PhotoStore photos(supervisor.photoRoot());
        ReviewController review(supervisor.db.connection());
        review.setPhotoStore(&photos);
        QVERIFY(!review.decide(r.id, "approve", {}));
        QVERIFY2(review.lastError().contains("照片未到齐 (1/2)"), qPrintable(review.lastError()));
        QCOMPARE(OutboxRepository(supervisor.db.connection()).pendingCount(), 0);
        QVERIFY(supervisor.reviews().reviewsOf(r.id).isEmpty());
        QVERIFY(review.decide(r.id, "approve", {}, {}, true));
        QVERIFY(supervisor.sync().ok);
        const ReviewEvent stored = supervisor.reviews().reviewsOf(r.id).value(0);
        QVERIFY(stored.serverSeq > 0);
        QCOMPARE(stored.reviewer, QString("xc-supervisor"));
        QVERIFY(stored.photosIncompleteConfirmed);
        QCOMPARE(stored.photosSeen, 1);
        QCOMPARE(stored.photosTotal, 2);

        // Pulled from the server by the inspector and by another desk.
        for (SyncDevice *reader : {&tablet, &laterReader}) {
            QVERIFY(reader->sync().ok);
            const QList<ReviewEvent> reviews = reader->reviews().reviewsOf(r.id);
            QCOMPARE(reviews.size(), 1);
            QVERIFY(reviews[0].photosIncompleteConfirmed);
            QCOMPARE(reviews[0].photosSeen, 1);
            QCOMPARE(reviews[0].photosTotal, 2);
        }
        RecordViewController view(laterReader.db.connection(), nullptr);
        QVERIFY(view.open(r.id));
        QCOMPARE(view.history().value(0).photosConfirmation,
                 QString("照片未到齐 (1/2) 时确认通过"));
    }

    // Bad input: a confirmation that does not add up, counts without a confirmation, a
    // rejection that "confirms" photos, a negative device time. Each is refused with
    // INVALID_ARGUMENT and stores nothing.
    void malformedConfirmationsAndTimesAreRefused()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        const Record r = toiletRecord(deviceIdOf(tablet), {{"A1", true}});
        QVERIFY(tablet.records().submit(r, uuid()));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        const qint64 revision = supervisor.records().find(r.id)->serverSeq;
        const QString token = SyncMetaRepository(supervisor.db.connection())
                                  .value(QLatin1String(SyncMetaRepository::kAuthToken));
        supervisor.transport->setToken(token.toUtf8());

        auto push = [&](auto shape, qint64 deviceTimeMs = 0) {
            qingshui::v1::PushRequest request;
            request.set_device_id(deviceIdOf(supervisor).toStdString());
            request.set_device_time_ms(deviceTimeMs);
            qingshui::v1::Op *op = request.add_ops();
            op->set_op_id(uuid().toStdString());
            op->set_client_seq(1000);
            qingshui::v1::ReviewEvent *e = op->mutable_review();
            e->set_id(uuid().toStdString());
            e->set_record_id(r.id.toStdString());
            e->set_record_server_seq(revision);
            e->set_decision(qingshui::v1::REVIEW_DECISION_APPROVE);
            shape(e);
            qingshui::v1::PushResponse response;
            return supervisor.transport->push(request, &response);
        };
        using Event = qingshui::v1::ReviewEvent;
        const QList<std::function<void(Event *)>> bad {
            [](Event *e) { // 2 of 2 is not missing anything
                e->set_photos_incomplete_confirmed(true);
                e->set_photos_seen(2);
                e->set_photos_total(2);
            },
            [](Event *e) { // counts without a confirmation
                e->set_photos_seen(1);
                e->set_photos_total(2);
            },
            [](Event *e) { // a rejection confirms nothing
                e->set_decision(qingshui::v1::REVIEW_DECISION_REJECT);
                e->set_comment("照片不清楚");
                e->set_photos_incomplete_confirmed(true);
                e->set_photos_seen(0);
                e->set_photos_total(1);
            },
        };
        for (const auto &shape : bad) {
            QVERIFY(!push(shape));
            QCOMPARE(supervisor.transport->lastCode(), int(grpc::StatusCode::INVALID_ARGUMENT));
        }
        QVERIFY(!push([](Event *) {}, -5));
        QCOMPARE(supervisor.transport->lastCode(), int(grpc::StatusCode::INVALID_ARGUMENT));
        // Nothing of it was stored: the next pull brings no decision.
        QVERIFY(supervisor.sync().ok);
        QVERIFY(supervisor.reviews().reviewsOf(r.id).isEmpty());
        // The server still takes a good one.
        QVERIFY(push(
            [](Event *e) {
                e->set_photos_incomplete_confirmed(true);
                e->set_photos_seen(0);
                e->set_photos_total(3);
            },
            QDateTime::currentMSecsSinceEpoch()));
    }
};

QTEST_MAIN(TestReviewFlagSync)
#include "tst_reviewflagsync.moc"
