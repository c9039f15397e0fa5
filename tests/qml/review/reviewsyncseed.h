#pragma once

#include "controllers/reviewcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "serverprocess.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncengine.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QUuid>
#include <QVariantMap>
#include <map>
#include <memory>

// What the supervisor's review pages are tested on, brought the way it comes in the field:
// inspectors' tablets (each its own store and photo folder) submit records with photos taken
// on them and sync to a real qingshui-server; the supervisor's app (the services the QML
// test runs on) syncs, decides through its review controller and fetches the photos itself;
// another supervisor's desk decides on the server too. Nothing is written into the
// supervisor's store or photo folder by hand.
class ReviewSyncSeed : public QObject {
    Q_OBJECT
public:
    ReviewSyncSeed(ServiceHost *host, ServerProcess *server, QString workDir, QString photoPath,
                   QObject *parent = nullptr)
        : QObject(parent)
        , m_host(host)
        , m_server(server)
        , m_workDir(std::move(workDir))
        , m_photoPath(std::move(photoPath))
    {
    }

    // Records of two inspectors (a stamped photo, a GPS point accepted with a reason), synced,
    // and the first returned by the supervisor with a comment on the record and on its
    // photos. Returns that record's id; empty on failure.
    Q_INVOKABLE QString seed()
    {
        SyncDevice *zhangwei = tablet("zhangwei");
        SyncDevice *lina = tablet("lina");
        const auto photo = takePhoto(zhangwei, 1764500000000);
        if (!zhangwei || !lina || !photo)
            return {};
        const QString reviewed
            = submit(zhangwei,
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
        submit(lina, QJsonObject {{"note", "水面清洁，无漂浮物"}}, 1764400000000);
        submit(lina, QJsonObject {{"note", "Floating debris near the INTAKE"}}, 1764300000000);
        if (reviewed.isEmpty() || !synced(zhangwei) || !synced(lina) || !syncSupervisor())
            return {};
        if (!services()->review->decide(reviewed, "return", "请补拍垃圾清运后的照片",
                                        {{"photos", "缺少清运后照片"}})
            || !syncSupervisor())
            return {};
        return reviewed;
    }

    // Fresh pond inspections of one inspector (no photos), submitted on their tablet,
    // synced, and pulled by the supervisor: waiting for a decision. Their ids; empty on
    // failure.
    Q_INVOKABLE QStringList seedSubmitted(const QString &author, int count)
    {
        SyncDevice *inspector = tablet(author);
        QStringList ids;
        for (int i = 0; inspector && i < count; ++i) {
            ids << submit(inspector,
                          QJsonObject {{"C1_numbered", true},
                                       {"C1", QStringLiteral("KT-%1").arg(i)},
                                       {"C7", "pond"},
                                       {"note", author + " 的巡查"}},
                          1764600000000 + i * 60000);
        }
        if (ids.size() != count || ids.contains(QString()) || !synced(inspector)
            || !syncSupervisor())
            return {};
        return ids;
    }

    // Records the supervisor's app approved (through its review controller) and sent; the
    // server took the approvals. Their ids; empty on failure.
    Q_INVOKABLE QStringList seedApproved(const QString &author, int count)
    {
        const QStringList ids = seedSubmitted(author, count);
        for (const QString &id : ids) {
            if (!services()->review->decide(id, "approve", QString()))
                return {};
        }
        return !ids.isEmpty() && syncSupervisor() ? ids : QStringList();
    }

    // Another supervisor (zhaomin, at her own desk) pulls the record and returns it: on the
    // server its approval is no longer the latest decision, though this supervisor's app
    // does not know yet.
    Q_INVOKABLE bool returnAtAnotherDesk(const QString &recordId, const QString &comment)
    {
        SyncDevice *desk = device(QStringLiteral("zhaomin"), QStringLiteral("supervisor"));
        return synced(desk)
            && ReviewController(desk->db.connection()).decide(recordId, "return", comment)
            && synced(desk);
    }

    // A record returned at one revision and resubmitted as the next: the pond number
    // changed, the point moved 0.0003° north, one photo replaced by another; the rest is
    // the same. Returns {id, before: {lat, lon}, after: {lat, lon}, removed, added}.
    Q_INVOKABLE QVariantMap seedResubmitted()
    {
        SyncDevice *zhaolei = tablet("zhaolei");
        const auto oldPhoto = takePhoto(zhaolei, 1764700000000);
        const auto newPhoto = takePhoto(zhaolei, 1764790000000);
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
        const QString id = submit(zhaolei, content("KT-11", lat, oldPhoto->sha256), 1764700000000);
        if (id.isEmpty() || !synced(zhaolei) || !syncSupervisor()
            || !services()->review->decide(id, "return", "编号与台账不符，请核对")
            || !syncSupervisor() || !synced(zhaolei))
            return {};
        // The inspector fixes it on the tablet and sends the new revision.
        Record edit = *zhaolei->records().find(id);
        edit.content
            = QJsonDocument(
                  QJsonObject {{"answers", content("KT-12", lat + 0.0003, newPhoto->sha256)}})
                  .toJson(QJsonDocument::Compact);
        edit.updatedAtMs = 1764790000000;
        if (!zhaolei->records().saveDraft(edit) || !zhaolei->records().submit(edit, uuid())
            || !synced(zhaolei) || !syncSupervisor())
            return {};
        return {{"id", id},
                {"before", QVariantMap {{"lat", lat}, {"lon", lon}}},
                {"after", QVariantMap {{"lat", lat + 0.0003}, {"lon", lon}}},
                {"removed", oldPhoto->sha256},
                {"added", newPhoto->sha256}};
    }

    // A record whose photo reaches the server only after the supervisor's pull: the tablet
    // had lost the file and sends it once it has it again. Returns {id, sha256}.
    Q_INVOKABLE QVariantMap seedLateUpload()
    {
        SyncDevice *wangfang = tablet("wangfang");
        // The photo as the camera will store it again: the same picture and caption give the
        // same bytes, hence the same name.
        const qint64 at = 1764880000000;
        const auto photo
            = PhotoStore(m_workDir + "/camera-roll").importFile(m_photoPath, caption(at));
        if (!wangfang || !photo)
            return {};
        const QString id = submit(wangfang,
                                  QJsonObject {{"C1_numbered", false},
                                               {"C7", "pond"},
                                               {"photos", QJsonArray {photo->sha256}},
                                               {"note", "照片稍后上传"}},
                                  at);
        // The tablet cannot send the photo yet: the record goes, "photos pending".
        if (id.isEmpty() || wangfang->sync().pushed != 1 || !syncSupervisor())
            return {};
        const auto again = takePhoto(wangfang, at);
        if (!again || again->sha256 != photo->sha256 || !synced(wangfang))
            return {};
        return {{"id", id}, {"sha256", photo->sha256}};
    }

    // A record whose photo is damaged on the server's disk after the upload (same size, other
    // bytes); the supervisor has pulled it. Returns {id, sha256}.
    Q_INVOKABLE QVariantMap seedDamagedPhoto()
    {
        SyncDevice *sunyan = tablet("sunyan");
        const qint64 at = 1764890000000;
        const auto photo = takePhoto(sunyan, at);
        if (!sunyan || !photo)
            return {};
        const QString id = submit(sunyan,
                                  QJsonObject {{"C1_numbered", true},
                                               {"C1", "KT-30"},
                                               {"C7", "pond"},
                                               {"photos", QJsonArray {photo->sha256}}},
                                  at);
        if (id.isEmpty() || !synced(sunyan))
            return {};
        QFile blob(serverBlob(photo->sha256));
        if (!blob.open(QIODevice::ReadWrite))
            return {};
        m_damaged.insert(photo->sha256, blob.readAll());
        if (!blob.seek(2000) || blob.write(QByteArray(64, 'x')) != 64)
            return {};
        blob.close();
        if (!syncSupervisor())
            return {};
        return {{"id", id}, {"sha256", photo->sha256}};
    }

    // Puts the damaged blob's bytes back on the server's disk.
    Q_INVOKABLE bool repairOnServer(const QString &sha256)
    {
        QFile blob(serverBlob(sha256));
        const QByteArray bytes = m_damaged.value(sha256);
        return !bytes.isEmpty() && blob.open(QIODevice::WriteOnly)
            && blob.write(bytes) == bytes.size();
    }

    // The supervisor's photo is byte for byte the one the inspector's tablet took.
    Q_INVOKABLE bool sameAsTablet(const QString &sha256) const
    {
        const QString supervisorPath
            = PhotoStore(PhotoStore::rootBeside(m_host->database()->path())).pathFor(sha256);
        QFile mine(supervisorPath);
        if (!mine.open(QIODevice::ReadOnly))
            return false;
        const QByteArray bytes = mine.readAll();
        for (const auto &entry : m_devices) {
            QFile theirs(PhotoStore(entry.second->photoRoot()).pathFor(sha256));
            if (theirs.open(QIODevice::ReadOnly))
                return theirs.readAll() == bytes && shaOf(bytes) == sha256;
        }
        return false;
    }

    // One sync of the supervisor's app (its SyncEngine, as the sync button does), waited for.
    Q_INVOKABLE bool syncSupervisor()
    {
        SyncEngine *engine = services()->sync;
        QSignalSpy finished(engine, &SyncEngine::finished);
        engine->syncNow();
        // A decision may have started one already: the one asked for now runs after it.
        while (finished.isEmpty() || engine->state() == SyncEngine::Syncing) {
            if (!finished.wait(60000))
                return false;
        }
        services()->records->reload();
        return finished.last().at(0).toBool();
    }

    // Where the photo tests save their pictures (QS_SCREENSHOT_DIR, set when docs/screenshots
    // are made under Xvfb); empty otherwise.
    Q_INVOKABLE QString screenshotIn(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
    }

private:
    Services *services() const { return m_host->services(); }

    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // The inspector's tablet, logged in once, its store and photos in a folder of its own.
    SyncDevice *tablet(const QString &user) { return device(user, QStringLiteral("inspector")); }

    // A device of one user of that role in 淅川县, logged in once, with a store of its own.
    SyncDevice *device(const QString &user, const QString &role)
    {
        auto found = m_devices.find(user);
        if (found != m_devices.end())
            return found->second.get();
        auto device = std::make_unique<SyncDevice>();
        QString error;
        if (!m_server->addUser(user, role, QStringLiteral("411326"))
            || !device->open(m_workDir + "/" + user + "/store.db", m_server->address(), user,
                             &error)) {
            qWarning("device %s: %s %s", qPrintable(user), qPrintable(error),
                     qPrintable(m_server->adminOutput()));
            return nullptr;
        }
        return m_devices.emplace(user, std::move(device)).first->second.get();
    }

    static PhotoCaption caption(qint64 atMs)
    {
        GeoFix fix;
        fix.latitude = 32.98;
        fix.longitude = 111.49;
        return {QDateTime::fromMSecsSinceEpoch(atMs), fix, "九重村"};
    }

    // The test photo as the tablet's camera stamps and stores it at atMs in 九重村.
    std::optional<StoredPhoto> takePhoto(SyncDevice *tablet, qint64 atMs)
    {
        if (!tablet)
            return std::nullopt;
        return PhotoStore(tablet->photoRoot()).importFile(m_photoPath, caption(atMs));
    }

    // A pond inspection in 淅川县 丹阳镇 九重村, submitted on the tablet at atMs.
    QString submit(SyncDevice *tablet, const QJsonObject &answers, qint64 atMs)
    {
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.pond";
        r.templateVersion = 1;
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.createdAtMs = r.updatedAtMs = atMs;
        r.content
            = QJsonDocument(QJsonObject {{"answers", answers}}).toJson(QJsonDocument::Compact);
        r.authorDeviceId = SyncMetaRepository(tablet->db.connection()).deviceId();
        return tablet->records().submit(r, uuid()) ? r.id : QString();
    }

    static bool synced(SyncDevice *tablet) { return tablet && tablet->sync().ok; }

    QString serverBlob(const QString &sha256) const
    {
        return m_workDir + "/server.db.blobs/" + sha256.left(2) + "/" + sha256;
    }

    ServiceHost *m_host;
    ServerProcess *m_server;
    QString m_workDir;
    QString m_photoPath;
    std::map<QString, std::unique_ptr<SyncDevice>> m_devices;
    QHash<QString, QByteArray> m_damaged;
};
