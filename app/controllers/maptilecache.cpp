#include "maptilecache.h"

MapTileCache::MapTileCache(qint64 maxBytes)
{
    setMaxBytes(maxBytes);
}

bool MapTileCache::find(const QString &key, QImage *image) const
{
    QMutexLocker lock(&m_mutex);
    const QImage *cached = m_cache.object(key);
    if (!cached)
        return false;
    *image = *cached;
    return true;
}

void MapTileCache::insert(const QString &key, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    m_cache.insert(key, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
}

void MapTileCache::setMaxBytes(qint64 maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_cache.setMaxCost(qsizetype(maxBytes / 1024));
}

qint64 MapTileCache::maxBytes() const
{
    QMutexLocker lock(&m_mutex);
    return qint64(m_cache.maxCost()) * 1024;
}

qint64 MapTileCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return qint64(m_cache.totalCost()) * 1024;
}

int MapTileCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_cache.count());
}
