#pragma once

#include "domain/webmercator.h"

#include "testmbtiles.h"

#include <QList>
#include <QRectF>

#include <cmath>

// The tile ranges (XYZ) that cover a lon/lat box at zooms [minZoom, maxZoom]: what a test
// MBTiles holds for its bounds.
inline QList<TestMbtiles::Range> tileRangesFor(const QRectF &box, int minZoom, int maxZoom)
{
    QList<TestMbtiles::Range> ranges;
    for (int z = minZoom; z <= maxZoom; ++z) {
        const QPointF nw = WebMercator::worldPixel(box.left(), box.bottom(), z);
        const QPointF se = WebMercator::worldPixel(box.right(), box.top(), z);
        const int s = WebMercator::kTileSize;
        ranges.append({z, int(std::floor(nw.x() / s)), int(std::floor(se.x() / s)),
                       int(std::floor(nw.y() / s)), int(std::floor(se.y() / s))});
    }
    return ranges;
}

// The test basemap's box (testmbtiles.h's bounds) and its zooms.
inline const QRectF kTestBasemapBox(111.0, 32.5, 0.8, 0.7);
