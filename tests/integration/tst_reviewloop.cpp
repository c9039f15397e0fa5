// The review loop through a real qingshui-server process and real local stores: the
// inspector submits, the supervisor pulls and returns it with comments, the tablet shows
// them, the inspector resubmits a new revision, the supervisor holds both revisions and sees
// the right diff, approves and publishes; a kiosk store pulls only the redacted copy (no
// names, no GPS, only the ticked photo as the server's public rendition) and may ask for that
// rendition only, never an original; a supervisor of
// another county sees none of it. A later return or rejection withdraws the public copy from
// the kiosks. A decision the server refuses for good is set aside and does not block the
// rest of the outbox.
#include "common/publicrendition.h"
#include "domain/recorddiff.h"
#include "media/photostore.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/revisionhistory.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncdevice.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include "qingshui/v1/blobs.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace {

using Device = SyncDevice;

constexpr auto kXichuanVillage = "411326105200"; // 淅川县
// Photo bytes and their names (SHA-256), as the tablet's photo store holds them (stamped
// with village, time and position); made in initTestCase.
QByteArray photoBytesA, photoBytesB, photoBytesC;
QString photoA, photoB, photoC;
// sanitation.toilet answers: a person's name (A3_responsible), photos, a GPS point.
QByteArray firstContent()
{
    return QStringLiteral(
               R"({"answers":{"A1":true,"A3":true,"A3_responsible":"王建国 13800000000",)"
               R"("A6_checked":40,"A2_photos":["%1","%2"],"location":{"lat":32.9,"lon":111.5}}})")
        .arg(photoA, photoB)
        .toUtf8();
}
// The fix: one household more, photo a replaced by c, the point moved.
QByteArray secondContent()
{
    return QStringLiteral(
               R"({"answers":{"A1":true,"A3":true,"A3_responsible":"王建国 13800000000",)"
               R"("A6_checked":41,"A2_photos":["%1","%2"],"location":{"lat":32.901,"lon":111.5}}})")
        .arg(photoB, photoC)
        .toUtf8();
}

// A photo of picture `seed` as the tablet's PhotoStore makes it: its JPEG bytes.
QByteArray tabletPhoto(int seed)
{
    QTemporaryDir dir;
    QImage picture(1600, 1200, QImage::Format_RGB32);
    picture.fill(QColor::fromHsv(seed * 70 % 360, 120, 220));
    PhotoCaption caption;
    caption.time = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    caption.fix.latitude = 32.9;
    caption.fix.longitude = 111.5;
    caption.villageName = QStringLiteral("青塘村");
    const std::optional<StoredPhoto> photo = PhotoStore(dir.path()).importImage(picture, caption);
    QFile file(photo ? photo->path : QString());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The public rendition the server makes of a photo: its name.
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

} // namespace

class TestReviewLoop : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    bool openDevice(Device *device, const QString &user)
    {
        QString error;
        const bool ok = device->open(m_dir.filePath(user + uuid() + ".db"), m_server->address(),
                                     user, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }

    grpc::StatusCode kioskBlobStatus(Device &kiosk, const QString &sha)
    {
        auto stub = qingshui::v1::Blobs::NewStub(kiosk.transport->channel());
        const QString token = SyncMetaRepository(kiosk.db.connection())
                                  .value(QLatin1String(SyncMetaRepository::kAuthToken));
        grpc::ClientContext context;
        context.AddMetadata("authorization", "Bearer " + token.toStdString());
        qingshui::v1::BlobStatusRequest request;
        request.set_sha256(sha.toStdString());
        qingshui::v1::BlobStatusResponse response;
        return stub->BlobStatus(&context, request, &response).error_code();
    }

private slots:
    void initTestCase()
    {
        photoBytesA = tabletPhoto(1); // the toilet before
        photoBytesB = tabletPhoto(2); // the septic tank
        photoBytesC = tabletPhoto(3); // the toilet after the fix
        photoA = shaOf(photoBytesA);
        photoB = shaOf(photoBytesB);
        photoC = shaOf(photoBytesC);
        QVERIFY(!photoBytesA.isEmpty() && !photoBytesB.isEmpty() && !photoBytesC.isEmpty());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("yx-supervisor", "supervisor", "420322"));
        QVERIFY(m_server->addUser("kiosk-xichuan", "kiosk", "411326"));
        QVERIFY(m_server->start());
    }

    void theWholeLoop()
    {
        Device tablet, supervisor, otherCounty, kiosk;
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&otherCounty, "yx-supervisor"));

        // The inspector submits.
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = kXichuanVillage;
        for (const QByteArray &bytes : {photoBytesA, photoBytesB, photoBytesC})
            QVERIFY(tablet.putPhoto(bytes));
        r.content = firstContent();
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        QVERIFY(tablet.records().submit(r, uuid()));
        SyncResult result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));

        // The supervisor pulls it and returns it with comments.
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        const std::optional<Record> pulled = supervisor.records().find(r.id);
        QVERIFY(pulled);
        const qint64 firstRevision = pulled->serverSeq;
        QVERIFY(firstRevision > 0);
        ReviewEvent back;
        back.recordId = r.id;
        back.recordServerSeq = firstRevision;
        back.decision = ReviewDecision::Return;
        back.comment = "请补充照片";
        back.questionComments << QuestionComment {"A6", "数量与台账不符"};
        ReviewRepository decisions(supervisor.db.connection());
        QVERIFY2(decisions.decide(back), qPrintable(decisions.lastError()));
        QCOMPARE(supervisor.records().find(r.id)->status, RecordStatus::Returned);
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 1);
        QCOMPARE(OutboxRepository(supervisor.db.connection()).pendingCount(), 0);
        // The server numbered the decision and named the reviewer.
        QList<ReviewEvent> reviews = supervisor.reviews().reviewsOf(r.id);
        QCOMPARE(reviews.size(), 1);
        QVERIFY(reviews[0].serverSeq > firstRevision);
        QCOMPARE(reviews[0].reviewer, QString("xc-supervisor"));

        // The tablet shows the return and its comments.
        result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        Record onTablet = *tablet.records().find(r.id);
        QCOMPARE(onTablet.status, RecordStatus::Returned);
        reviews = tablet.reviews().reviewsOf(r.id);
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews[0].comment, QString("请补充照片"));
        QCOMPARE(reviews[0].questionComments.value(0).questionId, QString("A6"));
        QCOMPARE(reviews[0].questionComments.value(0).comment, QString("数量与台账不符"));

        // The inspector fixes it and resubmits: a new revision.
        onTablet.content = secondContent();
        QVERIFY(tablet.records().saveDraft(onTablet));
        QVERIFY(tablet.records().submit(onTablet, uuid()));
        result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        const qint64 secondRevision = tablet.records().find(r.id)->serverSeq;
        QVERIFY(secondRevision > reviews[0].serverSeq);

        // The supervisor holds both revisions: the returned one and the fix.
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<Record> revisions
            = RevisionHistory(supervisor.db.connection()).revisionsOf(r.id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions[0].serverSeq, firstRevision);
        QCOMPARE(revisions[0].content, firstContent());
        QCOMPARE(revisions[1].serverSeq, secondRevision);
        QCOMPARE(revisions[1].content, secondContent());
        // The right diff against the returned revision.
        const std::optional<FormTemplate> toilet
            = TemplateRepository(supervisor.db.connection()).find("sanitation.toilet", 1);
        QVERIFY(toilet);
        const RecordDiff diff = diffRevisions(*toilet, revisions[0].content, revisions[1].content);
        QCOMPARE(diff.answers.size(), 1);
        QCOMPARE(diff.answers[0].questionId, QString("A6_checked"));
        QCOMPARE(diff.answers[0].before.toInt(), 40);
        QCOMPARE(diff.answers[0].after.toInt(), 41);
        QCOMPARE(diff.photos.size(), 1);
        QCOMPARE(diff.photos[0].added, QStringList {photoC});
        QCOMPARE(diff.photos[0].removed, QStringList {photoA});
        QCOMPARE(diff.gps.size(), 1);
        QVERIFY(qAbs(diff.gps[0].metres - 111.195) < 0.01);
        QCOMPARE(supervisor.records().find(r.id)->status, RecordStatus::Submitted);

        // Approves; the tablet sees it.
        ReviewEvent approve;
        approve.recordId = r.id;
        approve.recordServerSeq = secondRevision;
        approve.decision = ReviewDecision::Approve;
        QVERIFY2(decisions.decideAll({approve}), qPrintable(decisions.lastError()));
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(tablet.records().find(r.id)->status, RecordStatus::Approved);
        QCOMPARE(tablet.reviews().reviewsOf(r.id).size(), 2);

        // Published with one of its two photos ticked.
        QVERIFY(supervisor.sync().ok); // the approval is numbered here
        QCOMPARE(supervisor.records().find(r.id)->status, RecordStatus::Approved);
        ReviewEvent publish;
        publish.recordId = r.id;
        publish.recordServerSeq = secondRevision;
        publish.decision = ReviewDecision::Publish;
        publish.publishedPhotos << photoC;
        QVERIFY2(decisions.decide(publish), qPrintable(decisions.lastError()));
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(OutboxRepository(supervisor.db.connection()).setAsideReviews().isEmpty());

        // The kiosk's store holds only the redacted copy.
        result = kiosk.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(kiosk.records().count(), 1);
        const Record shown = *kiosk.records().find(r.id);
        QCOMPARE(shown.villageCode, QString(kXichuanVillage));
        QVERIFY(shown.authorDeviceId.isEmpty());
        QVERIFY(kiosk.reviews().reviewsOf(r.id).isEmpty()); // no reviewer names either
        const QJsonObject answers
            = QJsonDocument::fromJson(shown.content).object().value("answers").toObject();
        QCOMPARE(answers.value("A6_checked").toInt(), 41);
        QCOMPARE(answers.value("A1").toBool(), true);
        QVERIFY(!answers.contains("A3_responsible")); // a name and a phone number
        QVERIFY(!answers.contains("location")); // the village only
        // The ticked photo as its public rendition (caption band with the coordinates cropped).
        const QString renditionC = renditionOf(photoBytesC);
        QVERIFY(!renditionC.isEmpty() && renditionC != photoC);
        QCOMPARE(answers.value("A2_photos").toArray().size(), 1);
        QCOMPARE(answers.value("A2_photos").toArray().at(0).toString(), renditionC);
        for (const char *absent : {"王建国", "13800000000", "32.9", "111.5"})
            QVERIFY2(!shown.content.contains(absent), absent);
        for (const QString &original : {photoA, photoB, photoC})
            QVERIFY(!shown.content.contains(original.toUtf8()));
        QVERIFY(!shown.content.contains(
            SyncMetaRepository(tablet.db.connection()).deviceId().toUtf8()));
        // The kiosk may ask for exactly the ticked photo's rendition, never an original.
        QCOMPARE(kioskBlobStatus(kiosk, renditionC), grpc::StatusCode::OK);
        QCOMPARE(kioskBlobStatus(kiosk, photoC), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(kioskBlobStatus(kiosk, photoB), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(kioskBlobStatus(kiosk, photoA), grpc::StatusCode::PERMISSION_DENIED);

        // Another county's supervisor sees none of it.
        result = otherCounty.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!otherCounty.records().find(r.id));
        QVERIFY(otherCounty.reviews().reviewsOf(r.id).isEmpty());
        QCOMPARE(otherCounty.records().count(), 0);
    }

    // A published record that a later decision returns or rejects leaves the kiosks: the
    // kiosk's store drops its copy and the photo the copy listed is no longer the kiosk's;
    // published again, it comes back.
    void aLaterReturnOrRejectionWithdrawsThePublicCopy()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        const QByteArray photoBytes = tabletPhoto(4); // a toilet that is shown, then withdrawn
        const QString photo = shaOf(photoBytes);
        const QString rendition = renditionOf(photoBytes); // what the kiosks may see of it
        QVERIFY(!rendition.isEmpty());
        QVERIFY(tablet.putPhoto(photoBytes));
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = kXichuanVillage;
        r.content = QStringLiteral(R"({"answers":{"A1":true,"A6_checked":7,"A2_photos":["%1"]}})")
                        .arg(photo)
                        .toUtf8();
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        QVERIFY(tablet.records().submit(r, uuid()));
        auto synced = [](Device &device) {
            const SyncResult result = device.sync();
            if (!result.ok)
                qWarning() << result.error;
            return result.ok;
        };
        QVERIFY(synced(tablet));
        QVERIFY(synced(supervisor));

        ReviewRepository decisions(supervisor.db.connection());
        auto decide = [&](ReviewDecision decision, const QString &comment = {}) {
            ReviewEvent e;
            e.recordId = r.id;
            e.recordServerSeq = supervisor.records().find(r.id)->serverSeq;
            e.decision = decision;
            e.comment = comment;
            if (decision == ReviewDecision::Publish)
                e.publishedPhotos << photo;
            if (!decisions.decide(e))
                qWarning() << decisions.lastError();
            return synced(supervisor); // pushed and numbered
        };
        // The inspector sends a new revision with A6_checked = checked (one more than now).
        auto resubmit = [&](int checked) {
            if (!synced(tablet))
                return false;
            Record edit = *tablet.records().find(r.id);
            edit.content.replace(QByteArray("\"A6_checked\":") + QByteArray::number(checked - 1),
                                 QByteArray("\"A6_checked\":") + QByteArray::number(checked));
            return tablet.records().saveDraft(edit) && tablet.records().submit(edit, uuid())
                && synced(tablet) && synced(supervisor)
                && supervisor.records().find(r.id)->content.contains(QByteArray("\"A6_checked\":")
                                                                     + QByteArray::number(checked));
        };

        QVERIFY(decide(ReviewDecision::Approve));
        QVERIFY(decide(ReviewDecision::Publish));
        QVERIFY(synced(kiosk));
        QVERIFY(kiosk.records().find(r.id));
        QCOMPARE(kioskBlobStatus(kiosk, rendition), grpc::StatusCode::OK);

        // A new revision alone leaves the published copy where it is ...
        QVERIFY(resubmit(8));
        QVERIFY(synced(kiosk));
        QVERIFY(kiosk.records().find(r.id));
        // ... the supervisor returning it withdraws the copy.
        QVERIFY(decide(ReviewDecision::Return, "数量与台账不符"));
        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(r.id));
        QCOMPARE(kioskBlobStatus(kiosk, rendition), grpc::StatusCode::PERMISSION_DENIED);
        QVERIFY(synced(kiosk)); // nothing comes back by itself
        QVERIFY(!kiosk.records().find(r.id));

        // Fixed, approved and published again: back on the kiosk, the new revision.
        QVERIFY(resubmit(9));
        QVERIFY(decide(ReviewDecision::Approve));
        QVERIFY(decide(ReviewDecision::Publish));
        QVERIFY(synced(kiosk));
        const std::optional<Record> shown = kiosk.records().find(r.id);
        QVERIFY(shown);
        QVERIFY(shown->content.contains("\"A6_checked\":9"));
        QCOMPARE(kioskBlobStatus(kiosk, rendition), grpc::StatusCode::OK);

        // A rejection of the published revision itself withdraws it too.
        QVERIFY(decide(ReviewDecision::Reject, "照片与村庄不符"));
        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(r.id));
        QCOMPARE(kioskBlobStatus(kiosk, rendition), grpc::StatusCode::PERMISSION_DENIED);
        // A kiosk that never saw the record pulls no trace of it.
        Device lateKiosk;
        QVERIFY(openDevice(&lateKiosk, "kiosk-xichuan"));
        QVERIFY(synced(lateKiosk));
        QVERIFY(!lateKiosk.records().find(r.id));
    }

    void aDecisionTheServerCannotPlaceIsSetAside()
    {
        Device tablet, supervisor;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = kXichuanVillage;
        r.content = R"({"answers":{"A6":1}})";
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        QVERIFY(tablet.records().submit(r, uuid()));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);

        // A record this server does not hold (as after a restore from an old backup): stored
        // here as if pulled, keeping the cursor where it is.
        SyncMetaRepository meta(supervisor.db.connection());
        Record lost = r;
        lost.id = uuid();
        lost.serverSeq = 900000;
        PulledPage page;
        page.records << lost;
        page.nextServerSeq = meta.pullCursor();
        page.epoch = meta.serverEpoch();
        QVERIFY(supervisor.pages().apply(page));

        const qint64 revision = supervisor.records().find(r.id)->serverSeq;
        ReviewRepository decisions(supervisor.db.connection());
        ReviewEvent onLost {};
        onLost.recordId = lost.id;
        onLost.recordServerSeq = lost.serverSeq;
        onLost.decision = ReviewDecision::Approve;
        ReviewEvent onReal {};
        onReal.recordId = r.id;
        onReal.recordServerSeq = revision;
        onReal.decision = ReviewDecision::Approve;
        // The unplaceable one first: it must not hold back the one after it.
        QVERIFY(decisions.decide(onLost));
        QVERIFY(decisions.decide(onReal));

        const SyncResult result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.reviewsSetAside, 1);
        OutboxRepository outbox(supervisor.db.connection());
        QCOMPARE(outbox.pendingCount(), 0);
        const QList<SetAsideReview> aside = outbox.setAsideReviews();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside[0].recordId, lost.id);
        QVERIFY2(aside[0].error.contains("no such record"), qPrintable(aside[0].error));
        // The other went through and reached the tablet.
        QVERIFY(tablet.sync().ok);
        QCOMPARE(tablet.records().find(r.id)->status, RecordStatus::Approved);
        // And the next sync does not try the set-aside one again.
        const SyncResult again = supervisor.sync();
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.reviewsSetAside, 0);
        QCOMPARE(again.pushed, 0);
    }
};

QTEST_MAIN(TestReviewLoop)
#include "tst_reviewloop.moc"
