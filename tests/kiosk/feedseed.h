#pragma once

#include "controllers/kioskdemodata.h"
#include "media/photostore.h"
#include "storage/database.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>
#include <QVariantMap>

// The feed tests' seed ("feedSeed" in QML): stores published public copies in the kiosk's
// store as a pull would, with real photo files, through a connection of its own.
class FeedSeed : public QObject {
    Q_OBJECT
public:
    FeedSeed(const QString &dbPath, QObject *parent)
        : QObject(parent), m_dbPath(dbPath), m_photos(PhotoStore::rootBeside(dbPath))
    {
    }

    // {recordId, listedPhotos, unlistedPhotos}; the caller reloads PublicFeed.
    Q_INVOKABLE QVariantMap addCopy(const QString &unitCode, const QString &category, int listed,
                                    int unlisted = 0)
    {
        if (!m_opened && !(m_opened = m_db.open(m_dbPath)))
            return {};
        const KioskDemoData::PublicCopy copy = KioskDemoData::addPublicCopy(
            m_db.connection(), m_photos, unitCode, category,
            QDateTime::currentMSecsSinceEpoch() + (++m_added) * 1000, listed, unlisted);
        return {{QStringLiteral("recordId"), copy.recordId},
                {QStringLiteral("listedPhotos"), copy.listedPhotos},
                {QStringLiteral("unlistedPhotos"), copy.unlistedPhotos}};
    }
    // The file name a photo has in the photo folder.
    Q_INVOKABLE QString photoUrl(const QString &sha256) const
    {
        return QUrl::fromLocalFile(m_photos.pathFor(sha256)).toString();
    }

private:
    QString m_dbPath;
    Database m_db;
    PhotoStore m_photos;
    bool m_opened = false;
    int m_added = 0;
};
