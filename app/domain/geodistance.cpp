#include "geodistance.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr double kEarthRadiusM = 6371008.8;
constexpr double kRad = M_PI / 180.0;
} // namespace

double haversineMetres(double lat1, double lon1, double lat2, double lon2)
{
    const double dLat = (lat2 - lat1) * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

double initialBearingDegrees(double lat1, double lon1, double lat2, double lon2)
{
    const double phi1 = lat1 * kRad;
    const double phi2 = lat2 * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double y = std::sin(dLon) * std::cos(phi2);
    const double x
        = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dLon);
    const double degrees = std::atan2(y, x) / kRad;
    return std::fmod(degrees + 360.0, 360.0);
}
