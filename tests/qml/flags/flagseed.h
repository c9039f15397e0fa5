#pragma once

#include "media/photostore.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncsession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QUuid>
#include <QVariantMap>

#include <map>
#include <memory>

// The records of reviewflags_test.qml, brought the real way: each inspector's own tablet store
// (logged in to the real server) takes its photos, submits and syncs; the supervisor's app
// pulls them with its own sync (Sync, from the test). Nothing is written into the
// supervisor's store or photo folder by hand: a photo reaches it only by the app's own photo
// fetch (Photos), which the test waits for.
class FlagSeed : public QObject {
    Q_OBJECT
public:
    FlagSeed(QString address, QString folder, QObject *parent = nullptr)
        : QObject(parent), m_address(std::move(address)), m_folder(std::move(folder))
    {
    }

    // A toilet inspection by `user` with `photos` photos of which only the first `uploaded`
    // reach the server (the others' files are gone from the tablet). Its id.
    Q_INVOKABLE QString seedPhotos(const QString &user, int photos, int uploaded)
    {
        SyncDevice *tablet = device(user);
        if (!tablet)
            return {};
        QJsonArray shas;
        QStringList away;
        for (int i = 0; i < photos; ++i) {
            const QString sha
                = takePhoto(*tablet, QColor::fromHsv((i * 70 + m_hue) % 360, 160, 200));
            if (sha.isEmpty())
                return {};
            shas << sha;
            if (i >= uploaded)
                away << PhotoStore(tablet->photoRoot()).pathFor(sha);
        }
        m_hue += 37;
        for (const QString &path : std::as_const(away))
            QFile::rename(path, path + QStringLiteral(".away"));
        const QString id = submit(*tablet,
                                  {{"A1", true},
                                   {"A2_photos", shas},
                                   {"A3_responsible", user + QStringLiteral(" 的巡查")}});
        // A photo that is not there fails the tablet's sync after the record went.
        const SyncResult result = tablet->sync();
        return !id.isEmpty() && result.pushed == 1 ? id : QString();
    }

    // The same record edited from the same revision on two tablets; the second tablet's
    // edit lands last and overwrites the first's. {id, overwrittenSeq, winnerSeq}.
    Q_INVOKABLE QVariantMap seedConflict()
    {
        SyncDevice *first = device(QStringLiteral("insp-conflict-a"));
        SyncDevice *second = device(QStringLiteral("insp-conflict-b"));
        if (!first || !second)
            return {};
        const QString id = submit(*first, {{"A1", true}, {"A6_checked", 40}});
        if (id.isEmpty() || !first->sync().ok || !second->sync().ok)
            return {};
        auto edit = [&](SyncDevice &tablet, int checked, const QString &note) {
            std::optional<Record> r = tablet.records().find(id);
            if (!r)
                return false;
            r->content = QJsonDocument(QJsonObject {{"answers",
                                                     QJsonObject {{"A1", true},
                                                                  {"A6_checked", checked},
                                                                  {"A3_responsible", note}}}})
                             .toJson(QJsonDocument::Compact);
            r->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
            return tablet.records().submit(*r, uuid()) && tablet.sync().ok;
        };
        if (!edit(*first, 41, QStringLiteral("甲：补查一户")))
            return {};
        const qint64 overwritten = first->records().find(id)->serverSeq;
        if (!edit(*second, 45, QStringLiteral("乙：按台账更正")))
            return {};
        return {{"id", id},
                {"overwrittenSeq", overwritten},
                {"winnerSeq", second->records().find(id)->serverSeq}};
    }

    // A record whose GPS point was accepted below the accuracy gate, fixed two hours before
    // it was saved, pushed by a tablet whose clock runs two hours fast. Its id.
    Q_INVOKABLE QString seedFlags()
    {
        SyncDevice *tablet = device(QStringLiteral("insp-flags"));
        if (!tablet)
            return {};
        const qint64 fast = 2 * 60 * 60 * 1000;
        const qint64 savedAt = QDateTime::currentMSecsSinceEpoch() + fast;
        const QString id = submit(
            *tablet,
            {{"A1", true},
             {"location",
              QJsonObject {{"lat", 32.9812},
                           {"lon", 111.4912},
                           {"accuracy_m", 18.5},
                           {"fix_time_ms", double(savedAt - fast)},
                           {"source", "gps"},
                           {"override_reason", QStringLiteral("山谷里信号弱，已等待五分钟")}}}},
            savedAt);
        SyncSession session(tablet->db.connection(), *tablet->transport);
        session.setClock([fast] { return QDateTime::currentMSecsSinceEpoch() + fast; });
        return !id.isEmpty() && session.run().ok ? id : QString();
    }

    // The folder the test saves the supervisor window's pictures in (docs/screenshots);
    // empty in ctest, which takes no pictures.
    Q_INVOKABLE QString screenshotPath() const { return qEnvironmentVariable("QS_SCREENSHOT_DIR"); }

private:
    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // Each inspector's own tablet: a store (and so a photo folder) of its own, logged in to
    // the server.
    SyncDevice *device(const QString &user)
    {
        auto it = m_devices.find(user);
        if (it != m_devices.end())
            return it->second.get();
        auto d = std::make_unique<SyncDevice>();
        QString error;
        if (!d->open(QDir(m_folder).filePath(user + QStringLiteral("/store.db")), m_address, user,
                     &error)) {
            qWarning("cannot open the tablet of %s: %s", qPrintable(user), qPrintable(error));
            return nullptr;
        }
        return m_devices.emplace(user, std::move(d)).first->second.get();
    }

    // A photo as the tablet's camera makes it: imported into the tablet's own photo store.
    static QString takePhoto(SyncDevice &tablet, const QColor &colour)
    {
        QImage image(800, 600, QImage::Format_RGB32);
        image.fill(colour);
        GeoFix fix;
        fix.latitude = 32.98;
        fix.longitude = 111.49;
        const auto stored = PhotoStore(tablet.photoRoot())
                                .importImage(image, {QDateTime::currentDateTime(), fix, "九重村"});
        return stored ? stored->sha256 : QString();
    }

    static QString submit(SyncDevice &tablet, const QJsonObject &answers, qint64 savedAtMs = 0)
    {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("sanitation.toilet");
        r.templateVersion = 1;
        r.category = QStringLiteral("sanitation");
        r.villageCode = QStringLiteral("411326105200"); // 淅川县 丹阳镇 九重村
        r.createdAtMs = r.updatedAtMs
            = savedAtMs > 0 ? savedAtMs : QDateTime::currentMSecsSinceEpoch();
        r.content
            = QJsonDocument(QJsonObject {{"answers", answers}}).toJson(QJsonDocument::Compact);
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        return tablet.records().submit(r, uuid()) ? r.id : QString();
    }

    QString m_address;
    QString m_folder;
    std::map<QString, std::unique_ptr<SyncDevice>> m_devices;
    int m_hue = 0;
};
