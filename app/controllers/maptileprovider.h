#pragma once

#include "maptilecache.h"

#include <QHash>
#include <QMutex>
#include <QQuickAsyncImageProvider>
#include <QSet>
#include <QThreadPool>

#include <memory>

class MbtilesFile;
class QQmlEngine;

// The map's tiles for QML Images: image://basemap/<z>/<x>/<y>/<path percent-encoded> (XYZ
// numbering). A tile is read and decoded on a thread of the provider's pool, never on the GUI
// thread, and kept decoded in a cache bounded in bytes. A tile the file lacks, or a file that
// cannot be read, answers a transparent tile: the map shows what it has, without a dialog
// (the basemap's own error is shown by the view, from readBasemapInfo). A newer package lives
// at another path, so a replaced file's tiles are never served.
class MapTileProvider : public QQuickAsyncImageProvider {
public:
    static constexpr const char *kId = "basemap";

    MapTileProvider();
    ~MapTileProvider() override;

    QQuickImageResponse *requestImageResponse(const QString &id,
                                              const QSize &requestedSize) override;

    // The Image source of a tile.
    static QString sourceFor(int z, int x, int y, const QString &path);
    // The provider an engine has under kId (nullptr if none or another kind); adds one when
    // add is true and the engine has none.
    static MapTileProvider *of(QQmlEngine *engine, bool add = false);

    MapTileCache &cache() { return m_cache; }
    // The decoded tile for z/x/y of the file (a transparent one when it has none); runs on
    // the calling thread.
    QImage tile(const QString &path, int z, int x, int y);

private:
    std::shared_ptr<MbtilesFile> file(const QString &path);

    MapTileCache m_cache;
    QThreadPool m_pool;
    QMutex m_filesMutex;
    QHash<QString, std::shared_ptr<MbtilesFile>> m_files; // open files, a few at most
    QSet<QString> m_damaged; // files whose tile read failed, logged once
};
