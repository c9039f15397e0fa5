#pragma once

#include <QPointF>

// Spherical Web Mercator (EPSG:3857), the projection of every raster tile pyramid: the world
// is a square of kTileSize * 2^zoom pixels, x from the antimeridian eastwards, y from the
// north edge (85.0511°) southwards. Fractional zooms scale continuously.
namespace WebMercator {
constexpr int kTileSize = 256;
constexpr double kMaxLatitude = 85.0511287798066;

QPointF worldPixel(double lon, double lat, double zoom);
// The inverse: x = lon, y = lat (degrees).
QPointF lonLat(QPointF worldPixel, double zoom);
// Ground metres one pixel spans at a latitude (the scale bar, the accuracy circle).
double metresPerPixel(double lat, double zoom);
} // namespace WebMercator
