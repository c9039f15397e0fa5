#pragma once

#include <QString>
#include <cmath>

// One position fix as captured for a record.
struct GeoFix {
    double latitude = NAN;
    double longitude = NAN;
    double altitude = NAN;
    double horizontalAccuracyM = NAN; // NaN when the source does not report it
    qint64 fixTimeMs = 0;
    QString source; // "gps", "nmea-replay", ...
    int fixesAveraged = 1;

    bool isValid() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};
