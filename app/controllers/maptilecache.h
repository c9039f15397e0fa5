#pragma once

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QString>

// Decoded tiles, bounded in bytes: the least recently used go first. Shared by the threads
// that decode tiles and safe to use from any of them.
class MapTileCache {
public:
    explicit MapTileCache(qint64 maxBytes = 48 * 1024 * 1024);

    bool find(const QString &key, QImage *image) const;
    void insert(const QString &key, const QImage &image);
    void setMaxBytes(qint64 maxBytes);
    qint64 maxBytes() const;
    qint64 bytes() const; // what the cached tiles hold now
    int count() const;

private:
    mutable QMutex m_mutex;
    // Costs in KiB: QCache counts in qsizetype, and a tile is 256 KiB decoded.
    mutable QCache<QString, QImage> m_cache;
};
