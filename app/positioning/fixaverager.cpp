#include "fixaverager.h"

#include <algorithm>

namespace {

constexpr double kEarthRadiusM = 6371008.8;
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

// Longitude difference folded into [-180, 180), so a run across the antimeridian averages right.
double lonDelta(double lon, double reference)
{
    return std::fmod(lon - reference + 540.0, 360.0) - 180.0;
}

} // namespace

void FixAverager::add(const GeoFix &fix)
{
    if (fix.isValid())
        m_fixes.append(fix);
}

GeoFix FixAverager::average() const
{
    if (m_fixes.isEmpty())
        return GeoFix();

    const GeoFix &first = m_fixes.first();
    double sumLat = 0, sumDLon = 0, sumAlt = 0, sumAcc = 0;
    int altCount = 0;
    bool accuracyKnown = true;
    for (const GeoFix &f : m_fixes) {
        sumLat += f.latitude;
        sumDLon += lonDelta(f.longitude, first.longitude);
        if (!std::isnan(f.altitude)) {
            sumAlt += f.altitude;
            ++altCount;
        }
        if (std::isnan(f.horizontalAccuracyM))
            accuracyKnown = false;
        else
            sumAcc += f.horizontalAccuracyM;
    }
    const int n = int(m_fixes.size());

    GeoFix out = m_fixes.last(); // fix time, source and satellites of the latest fix
    out.latitude = sumLat / n;
    out.longitude = first.longitude + sumDLon / n;
    if (out.longitude >= 180.0)
        out.longitude -= 360.0;
    else if (out.longitude < -180.0)
        out.longitude += 360.0;
    out.altitude = altCount > 0 ? sumAlt / altCount : NAN;
    out.fixesAveraged = n;
    out.overrideReason.clear();

    // Accuracy, conservatively. Consecutive GPS fixes share their satellites, atmosphere and
    // multipath, so their errors are strongly correlated and averaging N of them does NOT
    // shrink the error by sqrt(N). The triangle inequality still gives a bound that needs no
    // independence: |mean error| <= mean |error|, so the mean of the reported accuracies is
    // what we claim. If the fixes scatter more than they claim (the inspector walked, or the
    // receiver is optimistic), the RMS distance from the mean is used instead. One fix of
    // unknown accuracy makes the average unknown: it cannot be bounded.
    if (!accuracyKnown) {
        out.horizontalAccuracyM = NAN;
    } else {
        const double cosLat = std::cos(out.latitude * kDegToRad);
        double sumSq = 0;
        for (const GeoFix &f : m_fixes) {
            const double dy = (f.latitude - out.latitude) * kDegToRad * kEarthRadiusM;
            const double dx
                = lonDelta(f.longitude, out.longitude) * kDegToRad * kEarthRadiusM * cosLat;
            sumSq += dx * dx + dy * dy;
        }
        out.horizontalAccuracyM = std::max(sumAcc / n, std::sqrt(sumSq / n));
    }
    return out;
}
