#pragma once

#include "media/photostore.h"
#include "seedreview.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QUuid>
#include <QVariantMap>

// Stores what a supervisor's pull would bring (records of two inspectors, a stamped photo, a
// GPS point accepted with a reason, a return with comments) through the repository's pull
// path, into the store the QML test's services run on.
class ReviewSeed : public QObject {
    Q_OBJECT
public:
    ReviewSeed(Database *db, QString photoPath, QObject *parent = nullptr)
        : QObject(parent), m_db(db), m_photoPath(std::move(photoPath))
    {
    }

    // Returns the id of the record with the photo, GPS point and review; empty on failure.
    Q_INVOKABLE QString seed()
    {
        const auto photo = importPhoto(1764500000000);
        if (!photo)
            return {};
        PulledPage page;
        auto make = [&](const QString &author, const QJsonObject &answers, qint64 at) {
            Record r = pondRecord(author, answers);
            r.createdAtMs = r.updatedAtMs = at;
            r.serverSeq = page.records.size() + 1000;
            page.records << r;
            return r.id;
        };
        const QString reviewed
            = make("zhangwei",
                   QJsonObject {{"C1_numbered", true},
                                {"C1", "KT-07"},
                                {"C3",
                                 QJsonObject {{"lat", 32.981234},
                                              {"lon", 111.491234},
                                              {"accuracy_m", 18.5},
                                              {"source", "gps"},
                                              {"override_reason", "山谷里信号弱，已等待五分钟"}}},
                                {"C7", "weir"},
                                {"photos", QJsonArray {photo->sha256}},
                                {"note", "塘边有生活垃圾堆放，已通知村保洁员清运"}},
                   1764500000000);
        make("lina", QJsonObject {{"note", "水面清洁，无漂浮物"}}, 1764400000000);
        make("lina", QJsonObject {{"note", "Floating debris near the INTAKE"}}, 1764300000000);
        // At its current revision (1000): the record is returned.
        ReviewEvent back = pulledReview(reviewed, 1000, ReviewDecision::Return, "supervisor",
                                        1764510000000, 2000, "请补拍垃圾清运后的照片");
        back.questionComments << QuestionComment {"photos", "缺少清运后照片"};
        page.reviews << back;
        page.nextServerSeq = 2000;
        page.epoch = "qml-test";
        return RecordRepository(m_db->connection()).applyPulledPage(page) ? reviewed : QString();
    }

    // Fresh submitted records of one inspector, waiting for a decision; their ids.
    Q_INVOKABLE QStringList seedSubmitted(const QString &author, int count)
    {
        PulledPage page;
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            Record r = pondRecord(author,
                                  QJsonObject {{"C1_numbered", true},
                                               {"C1", QStringLiteral("KT-%1").arg(i)},
                                               {"C7", "pond"},
                                               {"note", author + " 的巡查"}});
            r.updatedAtMs = r.createdAtMs = 1764600000000 + i * 60000;
            page.records << r;
            ids << r.id;
        }
        return store(page) ? ids : QStringList();
    }

    // A record returned at one revision and resubmitted as the next: the pond number
    // changed, the point moved 0.0003° north, one photo replaced by another; the rest is
    // the same. Returns {id, before: {lat, lon}, after: {lat, lon}, removed, added}.
    Q_INVOKABLE QVariantMap seedResubmitted()
    {
        const auto oldPhoto = importPhoto(1764700000000);
        const auto newPhoto = importPhoto(1764790000000);
        if (!oldPhoto || !newPhoto || oldPhoto->sha256 == newPhoto->sha256)
            return {};
        const double lat = 32.975, lon = 111.482;
        auto content = [&](const QString &number, double atLat, const QString &photo) {
            return QJsonObject {
                {"C1_numbered", true},
                {"C1", number},
                {"C3",
                 QJsonObject {
                     {"lat", atLat}, {"lon", lon}, {"accuracy_m", 4.0}, {"source", "gps"}}},
                {"C7", "dam"},
                {"photos", QJsonArray {photo}},
                {"note", "坝塘已清淤"}};
        };
        Record first = pondRecord("zhaolei", content("KT-11", lat, oldPhoto->sha256));
        first.createdAtMs = first.updatedAtMs = 1764700000000;
        PulledPage returned;
        returned.records << first;
        returned.reviews << pulledReview(first.id, first.serverSeq, ReviewDecision::Return,
                                         "supervisor", 1764710000000, nextSeq(),
                                         "编号与台账不符，请核对");
        Record second = first;
        second.content
            = QJsonDocument(
                  QJsonObject {{"answers", content("KT-12", lat + 0.0003, newPhoto->sha256)}})
                  .toJson();
        second.updatedAtMs = 1764790000000;
        second.serverSeq = nextSeq();
        PulledPage resubmitted;
        resubmitted.records << second;
        if (!store(returned) || !store(resubmitted))
            return {};
        return {{"id", first.id},
                {"before", QVariantMap {{"lat", lat}, {"lon", lon}}},
                {"after", QVariantMap {{"lat", lat + 0.0003}, {"lon", lon}}},
                {"removed", oldPhoto->sha256},
                {"added", newPhoto->sha256}};
    }

    // What a sync does when the server refuses a queued decision for good: sets every
    // queued decision aside with the server's reason. Returns how many.
    Q_INVOKABLE int setAsideQueuedDecisions(const QString &reason)
    {
        OutboxRepository outbox(m_db->connection());
        int n = 0;
        for (const OutboxEntry &e : outbox.peek(1000)) {
            if (e.review && outbox.setAside(e.clientSeq, reason))
                ++n;
        }
        return n;
    }

    // Where tst_review_decide saves the supervisor window's picture of a resubmitted record
    // (docs/screenshots); empty in ctest, which takes no pictures.
    Q_INVOKABLE QString screenshotPath() const
    {
        return qEnvironmentVariable("QS_REVIEW_SCREENSHOT");
    }

private:
    // The test photo as the tablet's camera would have stamped it at atMs in 九重村.
    std::optional<StoredPhoto> importPhoto(qint64 atMs)
    {
        GeoFix fix;
        fix.latitude = 32.98;
        fix.longitude = 111.49;
        return PhotoStore(PhotoStore::rootBeside(m_db->path()))
            .importFile(m_photoPath, {QDateTime::fromMSecsSinceEpoch(atMs), fix, "九重村"});
    }

    Record pondRecord(const QString &author, const QJsonObject &answers)
    {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "sanitation.pond";
        r.templateVersion = 1;
        r.category = "sanitation";
        r.villageCode = "411326105200"; // 淅川县 丹阳镇 九重村
        r.status = RecordStatus::Submitted;
        r.createdAtMs = r.updatedAtMs = 1764600000000;
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = author + "-tablet";
        r.author = author;
        r.serverSeq = nextSeq();
        return r;
    }
    // Above seed()'s numbers (1000s, 2000): each pull brings newer revisions.
    qint64 nextSeq() { return ++m_seq; }
    bool store(PulledPage page)
    {
        page.nextServerSeq = m_seq;
        page.epoch = "qml-test";
        return RecordRepository(m_db->connection()).applyPulledPage(page);
    }

    qint64 m_seq = 3000;
    Database *m_db;
    QString m_photoPath;
};
