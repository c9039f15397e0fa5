#include "maptilegrid.h"

#include "maptileprovider.h"
#include "mapviewport.h"

#include "domain/webmercator.h"

#include <algorithm>
#include <cmath>

namespace {
// Beyond this many tiles (a huge window, a zoom far below the basemap's) none are shown.
constexpr int kMaxTiles = 600;
// How far the plane's origin may drift from the view before it is reset (float precision of
// the scene graph).
constexpr int kMaxOriginDrift = 64;
} // namespace

MapTileGrid::MapTileGrid(QObject *parent) : QAbstractListModel(parent)
{
}

void MapTileGrid::setViewport(MapViewport *viewport)
{
    if (viewport == m_viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &MapViewport::changed, this, &MapTileGrid::update);
    emit viewportChanged();
    update();
}

void MapTileGrid::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    beginResetModel();
    m_tiles.clear();
    m_tileZoom = -1;
    endResetModel();
    emit sourceChanged();
    update();
}

void MapTileGrid::setMinZoom(int zoom)
{
    if (zoom == m_minZoom)
        return;
    m_minZoom = zoom;
    emit sourceChanged();
    update();
}

void MapTileGrid::setMaxZoom(int zoom)
{
    if (zoom == m_maxZoom)
        return;
    m_maxZoom = zoom;
    emit sourceChanged();
    update();
}

void MapTileGrid::setLevelsBelow(int levels)
{
    if (levels == m_levelsBelow)
        return;
    m_levelsBelow = levels;
    emit sourceChanged();
    update();
}

void MapTileGrid::update()
{
    if (!m_viewport || m_path.isEmpty() || m_viewport->width() <= 0 || m_viewport->height() <= 0) {
        if (!m_tiles.isEmpty()) {
            beginResetModel();
            m_tiles.clear();
            endResetModel();
        }
        return;
    }
    const double zoom = m_viewport->zoom();
    const int tileZoom = std::clamp(int(std::lround(zoom)) - m_levelsBelow, m_minZoom,
                                    std::max(m_minZoom, m_maxZoom));
    const double scale = std::exp2(zoom - tileZoom);
    const QPointF centre = m_viewport->centerWorldPixel(tileZoom);
    const double halfW = m_viewport->width() / 2 / scale, halfH = m_viewport->height() / 2 / scale;
    const int last = (1 << tileZoom) - 1;
    const int x0 = std::max(0, int(std::floor((centre.x() - halfW) / WebMercator::kTileSize)));
    const int x1 = std::min(last, int(std::floor((centre.x() + halfW) / WebMercator::kTileSize)));
    const int y0 = std::max(0, int(std::floor((centre.y() - halfH) / WebMercator::kTileSize)));
    const int y1 = std::min(last, int(std::floor((centre.y() + halfH) / WebMercator::kTileSize)));

    QSet<Tile> wanted;
    if (x1 >= x0 && y1 >= y0 && qint64(x1 - x0 + 1) * (y1 - y0 + 1) <= kMaxTiles) {
        for (int x = x0; x <= x1; ++x)
            for (int y = y0; y <= y1; ++y)
                wanted.insert({x, y});
    }

    if (tileZoom != m_tileZoom || std::abs(x0 - m_originX) > kMaxOriginDrift
        || std::abs(y0 - m_originY) > kMaxOriginDrift) {
        beginResetModel();
        m_tileZoom = tileZoom;
        m_originX = x0;
        m_originY = y0;
        m_tiles = QList<Tile>(wanted.cbegin(), wanted.cend());
        endResetModel();
    } else {
        for (int row = int(m_tiles.size()) - 1; row >= 0; --row) {
            if (!wanted.remove(m_tiles.at(row))) {
                beginRemoveRows({}, row, row);
                m_tiles.removeAt(row);
                endRemoveRows();
            }
        }
        if (!wanted.isEmpty()) {
            beginInsertRows({}, int(m_tiles.size()), int(m_tiles.size() + wanted.size() - 1));
            for (const Tile &t : std::as_const(wanted))
                m_tiles.append(t);
            endInsertRows();
        }
    }

    const double originX = double(m_originX) * WebMercator::kTileSize;
    const double originY = double(m_originY) * WebMercator::kTileSize;
    m_planeScale = scale;
    m_planeX = m_viewport->width() / 2 - (centre.x() - originX) * scale;
    m_planeY = m_viewport->height() / 2 - (centre.y() - originY) * scale;
    emit planeChanged();
}

int MapTileGrid::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QVariant MapTileGrid::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tiles.size())
        return {};
    const Tile &t = m_tiles.at(index.row());
    switch (role) {
    case SourceRole:
        return MapTileProvider::sourceFor(m_tileZoom, t.x, t.y, m_path);
    case TileXRole:
        return (t.x - m_originX) * WebMercator::kTileSize;
    case TileYRole:
        return (t.y - m_originY) * WebMercator::kTileSize;
    }
    return {};
}

QHash<int, QByteArray> MapTileGrid::roleNames() const
{
    return {{SourceRole, "tileSource"}, {TileXRole, "tileX"}, {TileYRole, "tileY"}};
}
