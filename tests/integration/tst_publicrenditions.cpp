// Public copies through a real qingshui-server process and real stores: the tablet's stamped
// photos (PhotoStore, as on the tablet) are uploaded, a supervisor publishes with one of two
// ticked, and a kiosk pulls a copy that lists one public rendition made by the server — not
// the original, whose caption carries coordinates — downloads exactly those bytes and may
// not ask for the original or the unticked photo. The category is the catalogue's, not the
// device's. A withdrawal ends the access; publishing again makes fresh rows. What cannot be
// published is refused with its code (a Refusal in the status details).
#include "common/publicrendition.h"
#include "controllers/publicfeed.h"
#include "controllers/recordviewcontroller.h"
#include "domain/captionband.h"
#include "media/photostore.h"
#include "serverprocess.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"

#include "qingshui/v1/blobs.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

namespace v1 = qingshui::v1;

namespace {

using Device = SyncDevice;

constexpr auto kXichuanVillage = "411326105200"; // 淅川县

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A picture a tablet might take; seed makes each one different.
QImage scene(int seed)
{
    QImage image(2048, 1536, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x]
                = qRgb((x / 8 + seed * 37) % 256, 60 + 195 * y / image.height(), (seed * 91) % 256);
    }
    return image;
}

// What the tablet stamps: the village, the time and the position to about a metre.
PhotoCaption tabletCaption()
{
    PhotoCaption c;
    c.time = QDateTime(QDate(2024, 5, 1), QTime(10, 23, 45), Qt::OffsetFromUTC, 8 * 3600);
    c.fix.latitude = 33.13782;
    c.fix.longitude = 111.49096;
    c.fix.horizontalAccuracyM = 4.2;
    c.villageName = QStringLiteral("青塘村");
    return c;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The SHA-256 of every photo file in a folder, by the hash of its bytes (not its name).
QStringList photoHashesIn(const QString &root)
{
    QStringList out;
    QDirIterator it(root, {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QLatin1String("/thumbs/")))
            out << shaOf(fileBytes(path));
    }
    return out;
}

// The markers before the first scan.
QList<int> markersOf(const QByteArray &jpeg)
{
    QList<int> markers;
    const auto byte = [&](qsizetype i) { return quint8(jpeg.at(i)); };
    qsizetype pos = 2;
    while (pos + 3 < jpeg.size() && byte(pos) == 0xFF) {
        markers << byte(pos + 1);
        if (byte(pos + 1) == 0xDA)
            break;
        pos += 2 + ((byte(pos + 2) << 8) | byte(pos + 3));
    }
    return markers;
}

std::string tokenOf(Device &device)
{
    return SyncMetaRepository(device.db.connection())
        .value(QLatin1String(SyncMetaRepository::kAuthToken))
        .toStdString();
}

grpc::StatusCode blobStatus(Device &device, const QString &sha)
{
    auto stub = v1::Blobs::NewStub(device.transport->channel());
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + tokenOf(device));
    v1::BlobStatusRequest request;
    request.set_sha256(sha.toStdString());
    v1::BlobStatusResponse response;
    return stub->BlobStatus(&context, request, &response).error_code();
}

// DownloadBlob from offset 0: the bytes, and the call's status.
QByteArray download(Device &device, const QString &sha, grpc::Status *status)
{
    auto stub = v1::Blobs::NewStub(device.transport->channel());
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + tokenOf(device));
    v1::DownloadBlobRequest request;
    request.set_sha256(sha.toStdString());
    auto reader = stub->DownloadBlob(&context, request);
    QByteArray bytes;
    v1::BlobChunk chunk;
    while (reader->Read(&chunk))
        bytes += QByteArray::fromStdString(chunk.data());
    *status = reader->Finish();
    return bytes;
}

// A supervisor's decision pushed on its own, straight through the Sync service.
grpc::Status pushReview(Device &supervisor, const v1::ReviewEvent &event)
{
    auto stub = v1::Sync::NewStub(supervisor.transport->channel());
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + tokenOf(supervisor));
    v1::PushRequest request;
    request.set_device_id(SyncMetaRepository(supervisor.db.connection()).deviceId().toStdString());
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid().toStdString());
    op->set_client_seq(1);
    *op->mutable_review() = event;
    v1::PushResponse response;
    return stub->Push(&context, request, &response);
}

v1::ReviewEvent publishEvent(const QString &recordId, qint64 revision, const QStringList &photos)
{
    v1::ReviewEvent e;
    e.set_id(uuid().toStdString());
    e.set_record_id(recordId.toStdString());
    e.set_record_server_seq(revision);
    e.set_decision(v1::REVIEW_DECISION_PUBLISH);
    for (const QString &photo : photos)
        e.add_published_photo_sha256(photo.toStdString());
    return e;
}

// The one photo a public copy's A2_photos lists (empty if not exactly one).
QString listedPhoto(const Record &copy)
{
    const QJsonArray photos = QJsonDocument::fromJson(copy.content)
                                  .object()
                                  .value("answers")
                                  .toObject()
                                  .value("A2_photos")
                                  .toArray();
    return photos.size() == 1 ? photos.at(0).toString() : QString();
}

v1::Refusal refusalOf(const grpc::Status &status)
{
    v1::Refusal refusal;
    refusal.ParseFromString(status.error_details());
    return refusal;
}

QStringList argsOf(const v1::Refusal &refusal)
{
    QStringList args;
    for (const std::string &arg : refusal.args())
        args << QString::fromStdString(arg);
    return args;
}

} // namespace

class TestPublicRenditions : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    bool openDevice(Device *device, const QString &user)
    {
        const QString folder = m_dir.filePath(user + uuid());
        QDir().mkpath(folder);
        QString error;
        if (device->open(folder + "/store.db", m_server->address(), user, &error))
            return true;
        qWarning() << error;
        return false;
    }

    static bool synced(Device &device)
    {
        const SyncResult result = device.sync();
        return result.ok;
    }

    // A submitted sanitation.toilet record of the tablet's with these answers (JSON).
    static Record submitted(Device &tablet, const QString &answers, int templateVersion = 1,
                            const QString &category = QStringLiteral("sanitation"))
    {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("sanitation.toilet");
        r.templateVersion = templateVersion;
        r.category = category;
        r.villageCode = QLatin1String(kXichuanVillage);
        r.content = QStringLiteral(R"({"answers":%1})").arg(answers).toUtf8();
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        if (!tablet.records().submit(r, uuid()))
            qWarning("not submitted");
        return r;
    }

    static bool decide(Device &supervisor, const QString &recordId, ReviewDecision decision,
                       const QStringList &photos = {})
    {
        ReviewEvent e;
        e.recordId = recordId;
        e.recordServerSeq = supervisor.records().find(recordId)->serverSeq;
        e.decision = decision;
        e.comment = decision == ReviewDecision::Return ? QStringLiteral("再查") : QString();
        e.publishedPhotos = photos;
        ReviewRepository decisions(supervisor.db.connection());
        if (!decisions.decide(e)) {
            qWarning() << decisions.lastError();
            return false;
        }
        return synced(supervisor);
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

    void theKioskGetsRenditionsOnly()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QString ticked = tablet.importPhoto(scene(1), tabletCaption());
        const QString unticked = tablet.importPhoto(scene(2), tabletCaption());
        QVERIFY(!ticked.isEmpty() && !unticked.isEmpty());
        const QByteArray original = fileBytes(PhotoStore(tablet.photoRoot()).pathFor(ticked));
        // The device says "ecology"; the catalogue's sanitation.toilet says sanitation.
        const Record r = submitted(
            tablet,
            QStringLiteral(R"({"A1":true,"A6_checked":40,"A6_sanitary":"38",)"
                           R"("A3_responsible":"王建国 13800000000","A2_photos":["%1","%2"],)"
                           R"("location":{"lat":33.13782,"lon":111.49096}})")
                .arg(ticked, unticked),
            1, QStringLiteral("ecology"));
        QVERIFY(synced(tablet));
        QVERIFY(synced(supervisor));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Approve));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Publish, {ticked}));
        QVERIFY(OutboxRepository(supervisor.db.connection()).setAsideReviews().isEmpty());

        const SyncResult result = kiosk.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        const std::optional<Record> copy = kiosk.records().find(r.id);
        QVERIFY(copy);
        QCOMPARE(copy->category, QStringLiteral("sanitation"));
        QCOMPARE(copy->templateId, QStringLiteral("sanitation.toilet"));
        const QJsonObject answers
            = QJsonDocument::fromJson(copy->content).object().value("answers").toObject();
        QCOMPARE(QStringList(answers.keys()), (QStringList {"A1", "A2_photos", "A6_checked"}));
        const QJsonArray photos = answers.value("A2_photos").toArray();
        QCOMPARE(photos.size(), 1);
        const QString rendition = photos.at(0).toString();
        QVERIFY(rendition != ticked && rendition != unticked);
        for (const QString &leak :
             {ticked, unticked, QStringLiteral("王建国"), QStringLiteral("13800000000"),
              QStringLiteral("33.13"), QStringLiteral("111.49"), QStringLiteral("\"38\""),
              SyncMetaRepository(tablet.db.connection()).deviceId()})
            QVERIFY2(!copy->content.contains(leak.toUtf8()), qPrintable(leak));

        // What the kiosk's record view and gallery bind to (RecordView, PublicFeed)
        // names nobody and no place finer than the village, and shows the rendition.
        const PhotoStore kioskPhotos(kiosk.photoRoot());
        RecordViewController view(kiosk.db.connection(), &kioskPhotos);
        QVERIFY2(view.open(r.id), qPrintable(view.error()));
        QVERIFY(view.author().isEmpty());
        QStringList onScreen {view.title(), view.place(), view.author(), view.updatedAt()};
        for (const RecordAnswer &a : view.answers()) {
            onScreen << a.label << a.text;
            QVERIFY(!a.hasGps);
            for (const AnswerPhoto &photo : a.photos) {
                QCOMPARE(photo.sha256, rendition);
                QVERIFY(!photo.url.isEmpty());
            }
        }
        const PublicFeed feed(kiosk.db.connection(), &kioskPhotos);
        // Every field the kiosk's QML can read of a record.
        const QMetaObject &fields = PublicRecord::staticMetaObject;
        for (const PublicRecord &entry : feed.records()) {
            for (int i = fields.propertyOffset(); i < fields.propertyCount(); ++i) {
                const QVariant value = fields.property(i).readOnGadget(&entry);
                onScreen << value.toStringList().join(' ') << value.toString();
            }
        }
        for (const QString &leak :
             {QStringLiteral("王建国"), QStringLiteral("13800000000"), QStringLiteral("33.13"),
              QStringLiteral("111.49"), QStringLiteral("xc-inspector"), ticked, unticked})
            QVERIFY2(!onScreen.join('\n').contains(leak), qPrintable(leak));

        // The kiosk holds exactly the rendition: the server's rendition of that original.
        QCOMPARE(result.publicPhotosFetched, 1);
        QCOMPARE(photoHashesIn(kiosk.photoRoot()), QStringList {rendition});
        const QByteArray shown = fileBytes(PhotoStore(kiosk.photoRoot()).pathFor(rendition));
        PublicRendition::Failure failure;
        QString why;
        const std::optional<PublicRendition> expected
            = PublicRendition::make(original, &failure, &why);
        QVERIFY2(expected, qPrintable(why));
        QCOMPARE(shown, expected->jpeg);
        const QImage picture = QImage::fromData(shown, "JPEG");
        QVERIFY(qMax(picture.width(), picture.height()) <= PublicRendition::kMaxLongEdge);
        QVERIFY(picture.height() < QImage::fromData(original).height()
                    - CaptionBand::height(QSize(2048, 1536), CaptionBand::kMaxLines));
        for (int marker : markersOf(shown))
            QVERIFY2(!(marker >= 0xE1 && marker <= 0xEF) && marker != 0xFE, "metadata");

        // The kiosk may ask for the rendition, never for the original or the unticked photo.
        QCOMPARE(blobStatus(kiosk, rendition), grpc::StatusCode::OK);
        QCOMPARE(blobStatus(kiosk, ticked), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(blobStatus(kiosk, unticked), grpc::StatusCode::PERMISSION_DENIED);
        grpc::Status status;
        QCOMPARE(download(kiosk, rendition, &status), shown);
        QVERIFY(status.ok());
        QVERIFY(download(kiosk, ticked, &status).isEmpty());
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        QVERIFY(download(kiosk, unticked, &status).isEmpty());
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        // The supervisor, who may see the original, is not given the rendition either: it is
        // the kiosks' alone (and the record's photos stay the originals there).
        QCOMPARE(blobStatus(supervisor, ticked), grpc::StatusCode::OK);
        QCOMPARE(blobStatus(supervisor, rendition), grpc::StatusCode::PERMISSION_DENIED);
    }

    // A return ends the kiosks' access to the copy's renditions; published again, the new
    // copy brings fresh rows and the access back.
    void aWithdrawalEndsAccessAndPublishingAgainRestoresIt()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QString photo = tablet.importPhoto(scene(3), tabletCaption());
        const Record r
            = submitted(tablet, QStringLiteral(R"({"A1":true,"A2_photos":["%1"]})").arg(photo));
        QVERIFY(synced(tablet));
        QVERIFY(synced(supervisor));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Approve));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Publish, {photo}));
        QVERIFY(synced(kiosk));
        const QString rendition = listedPhoto(*kiosk.records().find(r.id));
        QVERIFY(!rendition.isEmpty() && rendition != photo);
        const QString file = PhotoStore(kiosk.photoRoot()).pathFor(rendition);
        QCOMPARE(shaOf(fileBytes(file)), rendition);
        QCOMPARE(blobStatus(kiosk, rendition), grpc::StatusCode::OK);

        QVERIFY(decide(supervisor, r.id, ReviewDecision::Return));
        QCOMPARE(blobStatus(kiosk, rendition), grpc::StatusCode::PERMISSION_DENIED);
        grpc::Status status;
        QVERIFY(download(kiosk, rendition, &status).isEmpty());
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(r.id));
        QVERIFY(!QFile::exists(file));

        // The same photo in a new revision, approved and published again.
        QVERIFY(synced(tablet));
        Record edit = *tablet.records().find(r.id);
        edit.content
            = QStringLiteral(R"({"answers":{"A1":true,"A6_checked":3,"A2_photos":["%1"]}})")
                  .arg(photo)
                  .toUtf8();
        QVERIFY(tablet.records().saveDraft(edit) && tablet.records().submit(edit, uuid()));
        QVERIFY(synced(tablet));
        QVERIFY(synced(supervisor));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Approve));
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Publish, {photo}));
        QCOMPARE(blobStatus(kiosk, rendition), grpc::StatusCode::OK);
        QVERIFY(synced(kiosk));
        const Record again = *kiosk.records().find(r.id);
        QVERIFY(again.content.contains("\"A6_checked\":3"));
        QCOMPARE(listedPhoto(again), rendition); // the same bytes: renditions are deterministic
        QCOMPARE(shaOf(fileBytes(file)), rendition);
    }

    // The tablet has not sent the photo yet (its file went missing before the upload): a
    // publication with it ticked is refused with publish_photo_not_on_server and set aside
    // on the supervisor's device; once the photo arrives, publishing works.
    void aPhotoTheServerDoesNotHoldCannotBePublished()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QString photo = tablet.importPhoto(scene(4), tabletCaption());
        const PhotoStore tabletPhotos(tablet.photoRoot());
        const QByteArray bytes = fileBytes(tabletPhotos.pathFor(photo));
        QVERIFY(QFile::remove(tabletPhotos.pathFor(photo)));
        const Record r
            = submitted(tablet, QStringLiteral(R"({"A1":true,"A2_photos":["%1"]})").arg(photo));
        QVERIFY(!tablet.sync().ok); // the record went, the photo could not
        QVERIFY(synced(supervisor));
        QVERIFY(supervisor.records().find(r.id)->photosPending);
        QVERIFY(decide(supervisor, r.id, ReviewDecision::Approve));

        const qint64 revision = supervisor.records().find(r.id)->serverSeq;
        const grpc::Status refused = pushReview(supervisor, publishEvent(r.id, revision, {photo}));
        QCOMPARE(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        const v1::Refusal refusal = refusalOf(refused);
        QCOMPARE(refusal.code(), std::string("publish_photo_not_on_server"));
        QCOMPARE(argsOf(refusal), QStringList {photo});
        // Through the device's own sync: set aside with the server's words, nothing public.
        ReviewEvent publish;
        publish.recordId = r.id;
        publish.recordServerSeq = revision;
        publish.decision = ReviewDecision::Publish;
        publish.publishedPhotos << photo;
        QVERIFY(ReviewRepository(supervisor.db.connection()).decide(publish));
        const SyncResult result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.reviewsSetAside, 1);
        const QList<SetAsideReview> aside
            = OutboxRepository(supervisor.db.connection()).setAsideReviews();
        QCOMPARE(aside.size(), 1);
        QVERIFY2(aside[0].error.contains("not on the server"), qPrintable(aside[0].error));
        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(r.id));

        // The file is back on the tablet (same picture, same caption: same bytes): it goes up.
        QCOMPARE(tablet.importPhoto(scene(4), tabletCaption()), photo);
        QCOMPARE(fileBytes(tabletPhotos.pathFor(photo)), bytes);
        QVERIFY(synced(tablet));
        QVERIFY(pushReview(supervisor, publishEvent(r.id, revision, {photo})).ok());
        QVERIFY(synced(kiosk));
        const QString rendition = listedPhoto(*kiosk.records().find(r.id));
        QVERIFY(!rendition.isEmpty() && rendition != photo);
        QCOMPARE(shaOf(fileBytes(PhotoStore(kiosk.photoRoot()).pathFor(rendition))), rendition);
    }

    // Each other reason a publication cannot go through has its code and arguments; nothing
    // is stored for any of them.
    void everyRefusalCarriesItsCode()
    {
        Device tablet, supervisor, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        const QString photo = tablet.importPhoto(scene(5), tabletCaption());
        const QByteArray notAPicture = "these bytes were uploaded as a photo but are no JPEG";
        QVERIFY(tablet.putPhoto(notAPicture));
        const QString broken = shaOf(notAPicture);
        const Record good = submitted(
            tablet, QStringLiteral(R"({"A1":true,"A2_photos":["%1","%2"]})").arg(photo, broken));
        // Filled with a version of the checklist the server's catalogue does not hold.
        const Record unknownVersion = submitted(tablet, QStringLiteral(R"({"A1":true})"), 7);
        QVERIFY(synced(tablet));
        QVERIFY(synced(supervisor));
        const qint64 revision = supervisor.records().find(good.id)->serverSeq;

        grpc::Status s = pushReview(supervisor, publishEvent(good.id, revision, {photo}));
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("publish_not_approved"));
        QCOMPARE(argsOf(refusalOf(s)), (QStringList {good.id, QString::number(revision)}));

        QVERIFY(decide(supervisor, good.id, ReviewDecision::Approve));
        const QString stranger(64, 'e');
        s = pushReview(supervisor, publishEvent(good.id, revision, {photo, stranger}));
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("publish_photo_not_in_revision"));
        QCOMPARE(argsOf(refusalOf(s)), (QStringList {stranger, QString::number(revision)}));

        s = pushReview(supervisor, publishEvent(good.id, revision, {photo, broken}));
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("publish_photo_unusable"));
        QCOMPARE(argsOf(refusalOf(s)), QStringList {broken});

        QVERIFY(decide(supervisor, unknownVersion.id, ReviewDecision::Approve));
        const qint64 unknownRevision = supervisor.records().find(unknownVersion.id)->serverSeq;
        s = pushReview(supervisor, publishEvent(unknownVersion.id, unknownRevision, {}));
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("publish_template_unknown"));
        QCOMPARE(argsOf(refusalOf(s)), (QStringList {"sanitation.toilet", "7"}));

        // None of them left a copy.
        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(good.id));
        QVERIFY(!kiosk.records().find(unknownVersion.id));
        // The good photo alone goes through.
        QVERIFY(pushReview(supervisor, publishEvent(good.id, revision, {photo})).ok());
        QVERIFY(synced(kiosk));
        QVERIFY(!listedPhoto(*kiosk.records().find(good.id)).isEmpty());
    }

    // A server file from before schema 9 holds a copy that lists an original (with the
    // coordinates stamped into it): the new server withdraws it, and a kiosk that holds the
    // copy deletes it at its next pull.
    void copiesPublishedBeforeSchema9AreWithdrawn()
    {
        const QString path = m_dir.filePath("schema6.db");
        const QString recordId = uuid();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "schema6");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            for (int v = 1; v <= 6; ++v) {
                QFile migration(QStringLiteral(QS_SERVER_MIGRATIONS_DIR "/%1.sql")
                                    .arg(v, 3, 10, QLatin1Char('0')));
                QVERIFY(migration.open(QIODevice::ReadOnly));
                QStringList lines = QString::fromUtf8(migration.readAll()).split('\n');
                lines.removeIf([](const QString &l) { return l.trimmed().startsWith("--"); });
                for (const QString &sql : lines.join('\n').split(';')) {
                    QSqlQuery q(db);
                    QVERIFY2(sql.trimmed().isEmpty() || q.exec(sql), qPrintable(sql));
                }
            }
            v1::Record old;
            old.set_id(recordId.toStdString());
            old.set_village_code(kXichuanVillage);
            old.add_photo_sha256(std::string(64, 'a'));
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA user_version = 6"));
            QVERIFY(q.exec("INSERT INTO server_meta (key, value) VALUES ('epoch', 'schema6')"));
            QVERIFY(q.exec("UPDATE server_meta SET value = '5' WHERE key = 'last_seq'"));
            QVERIFY(q.prepare("INSERT INTO public_record (server_seq, record_id, village_code, "
                              "record) VALUES (5, ?, ?, ?)"));
            q.addBindValue(recordId);
            q.addBindValue(QString::fromLatin1(kXichuanVillage));
            q.addBindValue(QByteArray::fromStdString(old.SerializeAsString()));
            QVERIFY(q.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase("schema6");

        TestBackend::keepSqliteFile(path); // schema 6 was only ever SQLite's
        ServerProcess server(path);
        QVERIFY(server.addUser("kiosk-old", "kiosk"));
        QVERIFY(server.start());
        QCOMPARE(server.epoch(), QStringLiteral("schema6"));
        Device kiosk;
        const QString folder = m_dir.filePath("kiosk-old");
        QDir().mkpath(folder);
        QString error;
        QVERIFY2(kiosk.open(folder + "/store.db", server.address(), "kiosk-old", &error),
                 qPrintable(error));
        kiosk.readOnly = true;
        // The copy as the kiosk pulled it from the old server, at the old server's cursor.
        Record held;
        held.id = recordId;
        held.templateId = QStringLiteral("sanitation.toilet");
        held.category = QStringLiteral("sanitation");
        held.villageCode = QLatin1String(kXichuanVillage);
        held.content = R"({"answers":{"A1":true}})";
        held.serverSeq = 5;
        PulledPage page;
        page.records << held;
        page.nextServerSeq = 5;
        page.epoch = QStringLiteral("schema6");
        QVERIFY(kiosk.pages().apply(page));
        QVERIFY(kiosk.records().find(recordId));

        QVERIFY(synced(kiosk));
        QVERIFY(!kiosk.records().find(recordId));
        Device fresh;
        const QString freshFolder = m_dir.filePath("kiosk-old-fresh");
        QDir().mkpath(freshFolder);
        QVERIFY(fresh.open(freshFolder + "/store.db", server.address(), "kiosk-old", &error));
        fresh.readOnly = true;
        QVERIFY(synced(fresh));
        QCOMPARE(fresh.records().count(), 0);
    }
};

QTEST_MAIN(TestPublicRenditions)
#include "tst_publicrenditions.moc"
