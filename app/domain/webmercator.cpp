#include "webmercator.h"

#include <algorithm>
#include <cmath>

namespace WebMercator {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadius = 6378137.0; // WGS-84 semi-major axis, as EPSG:3857 uses

double worldSize(double zoom)
{
    return kTileSize * std::exp2(zoom);
}
} // namespace

QPointF worldPixel(double lon, double lat, double zoom)
{
    const double size = worldSize(zoom);
    const double phi = std::clamp(lat, -kMaxLatitude, kMaxLatitude) * kPi / 180.0;
    const double x = (lon + 180.0) / 360.0 * size;
    const double y = (1.0 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / kPi) / 2.0 * size;
    return {x, y};
}

QPointF lonLat(QPointF pixel, double zoom)
{
    const double size = worldSize(zoom);
    const double lon = pixel.x() / size * 360.0 - 180.0;
    const double n = kPi * (1.0 - 2.0 * pixel.y() / size);
    const double lat = std::atan(std::sinh(n)) * 180.0 / kPi;
    return {lon, lat};
}

double metresPerPixel(double lat, double zoom)
{
    const double phi = std::clamp(lat, -kMaxLatitude, kMaxLatitude) * kPi / 180.0;
    return std::cos(phi) * 2.0 * kPi * kEarthRadius / worldSize(zoom);
}

} // namespace WebMercator
