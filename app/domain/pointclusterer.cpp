#include "pointclusterer.h"

#include "webmercator.h"

#include <QtAlgorithms>
#include <algorithm>
#include <cmath>
#include <numeric>

void PointClusterer::setMarkers(QList<MapMarker> markers)
{
    m_markers = std::move(markers);
    const auto n = size_t(m_markers.size());
    m_unitX.resize(n);
    m_unitY.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const MapMarker &m = m_markers.at(qsizetype(i));
        const QPointF unit = WebMercator::worldPixel(m.lon, m.lat, 0) / WebMercator::kTileSize;
        m_unitX[i] = unit.x();
        m_unitY[i] = unit.y();
    }
    m_byX.resize(n);
    std::iota(m_byX.begin(), m_byX.end(), 0);
    std::sort(m_byX.begin(), m_byX.end(), [this](int a, int b) { return m_unitX[a] < m_unitX[b]; });
}

QList<MarkerCluster> PointClusterer::clusters(int zoom, const QRectF &box, double radiusPx) const
{
    if (m_markers.isEmpty() || box.isEmpty())
        return {};
    const double west = box.left(), east = box.right();
    const double south = box.top(), north = box.bottom();
    const QPointF topLeft = WebMercator::worldPixel(west, north, 0) / WebMercator::kTileSize;
    const QPointF bottomRight = WebMercator::worldPixel(east, south, 0) / WebMercator::kTileSize;
    const double cell = std::max(radiusPx, 1.0) / (WebMercator::kTileSize * std::exp2(zoom));

    struct Sum {
        double lon = 0, lat = 0;
        int count = 0;
        int first = -1;
    };
    std::vector<Sum> sums;
    auto from = std::lower_bound(m_byX.begin(), m_byX.end(), topLeft.x(),
                                 [this](int i, double x) { return m_unitX[i] < x; });
    auto to = std::upper_bound(from, m_byX.end(), bottomRight.x(),
                               [this](double x, int i) { return x < m_unitX[i]; });
    // Cells by an open-addressing table (linear probing) sized for every marker in the
    // slice: a QHash's node per cell costs more than the clustering itself.
    size_t capacity = 16;
    while (capacity < size_t(to - from) * 2)
        capacity *= 2;
    constexpr quint64 kEmpty = ~quint64(0);
    std::vector<quint64> keys(capacity, kEmpty);
    std::vector<int> cellSlots(capacity, -1);
    const int shift = 64 - int(qCountTrailingZeroBits(quint64(capacity)));
    for (auto it = from; it != to; ++it) {
        const int i = *it;
        const double y = m_unitY[i];
        if (y < topLeft.y() || y > bottomRight.y())
            continue;
        const auto cx = quint64(m_unitX[i] / cell), cy = quint64(y / cell);
        const quint64 key = (cx << 32) | cy;
        size_t h = size_t((key * 0x9E3779B97F4A7C15ull) >> shift);
        while (keys[h] != key && keys[h] != kEmpty)
            h = (h + 1) & (capacity - 1);
        if (keys[h] == kEmpty) {
            keys[h] = key;
            cellSlots[h] = int(sums.size());
            sums.push_back({});
            sums.back().first = i;
        }
        const int slot = cellSlots[h];
        Sum &s = sums[size_t(slot)];
        const MapMarker &m = m_markers.at(i);
        s.lon += m.lon;
        s.lat += m.lat;
        ++s.count;
    }
    QList<MarkerCluster> out;
    out.reserve(qsizetype(sums.size()));
    for (const Sum &s : sums) {
        out.append({s.lon / s.count, s.lat / s.count, s.count, s.count == 1 ? s.first : -1});
    }
    return out;
}
