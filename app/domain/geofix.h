#pragma once

#include <QString>
#include <cmath>

// One position fix as captured for a record. A GeoFix that is not valid (no latitude or
// longitude) from a PositionProvider means the receiver reports no fix at all.
struct GeoFix {
    double latitude = NAN;
    double longitude = NAN;
    double altitude = NAN;
    double horizontalAccuracyM = NAN; // NaN when the source does not report it
    qint64 fixTimeMs = 0;
    QString source; // "gps", "nmea-replay", ...
    int fixesAveraged = 1;
    int satellitesInUse = -1; // -1 when the source does not report it
    // Why the inspector accepted this point although it failed the accuracy gate; empty when
    // it passed.
    QString overrideReason;

    bool isValid() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};
