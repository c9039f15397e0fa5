#pragma once

#include "domain/geofix.h"

#include <QList>

// Averages a run of fixes taken at one spot into one point. Pure: no clock, no signals.
class FixAverager {
public:
    // Invalid fixes (no latitude/longitude) are ignored.
    void add(const GeoFix &fix);
    void clear() { m_fixes.clear(); }
    int count() const { return int(m_fixes.size()); }
    bool isEmpty() const { return m_fixes.isEmpty(); }

    // The mean point; an invalid GeoFix when nothing was added. See the .cpp for how the
    // accuracy is chosen.
    GeoFix average() const;

private:
    QList<GeoFix> m_fixes;
};
