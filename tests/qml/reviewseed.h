#pragma once

#include "media/photostore.h"
#include "storage/database.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QUuid>

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
        PhotoStore photos(PhotoStore::rootBeside(m_db->path()));
        GeoFix fix;
        fix.latitude = 32.98;
        fix.longitude = 111.49;
        const auto photo = photos.importFile(
            m_photoPath, {QDateTime::fromMSecsSinceEpoch(1764500000000), fix, "九重村"});
        if (!photo)
            return {};
        PulledPage page;
        auto make = [&](const QString &author, const QJsonObject &answers, qint64 at) {
            Record r;
            r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.templateId = "sanitation.pond";
            r.templateVersion = 1;
            r.category = "sanitation";
            r.villageCode = "411326105200"; // 淅川县 丹阳镇 九重村
            r.status = RecordStatus::Submitted;
            r.createdAtMs = r.updatedAtMs = at;
            r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
            r.authorDeviceId = author + "-tablet";
            r.author = author;
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
        ReviewEvent back;
        back.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        back.recordId = reviewed;
        back.recordServerSeq = 1000; // its current revision: the record is returned
        back.decision = ReviewDecision::Return;
        back.comment = "请补拍垃圾清运后的照片";
        back.questionComments << QuestionComment {"photos", "缺少清运后照片"};
        back.createdAtMs = 1764510000000;
        back.reviewer = "supervisor";
        back.serverSeq = 2000;
        page.reviews << back;
        page.nextServerSeq = 2000;
        page.epoch = "qml-test";
        return RecordRepository(m_db->connection()).applyPulledPage(page) ? reviewed : QString();
    }

private:
    Database *m_db;
    QString m_photoPath;
};
