#pragma once

#include "mapmarker.h"

#include <QList>
#include <QRectF>

#include <vector>

// One dot the map draws: a single marker (count 1, markerIndex its index) or a cluster of
// count markers at their mean position (markerIndex -1). lon/lat are WGS-84.
struct MarkerCluster {
    double lon = 0;
    double lat = 0;
    int count = 0;
    int markerIndex = -1;
};

// Groups markers that would overlap at a zoom: markers in the same square of radiusPx on the
// world's pixel grid become one cluster. The grid is fixed to the world, not to the view, so
// panning never regroups what stays on screen. setMarkers projects every marker once; a
// clustering is then one pass over the markers in the box (100,000 in a few milliseconds).
class PointClusterer {
public:
    void setMarkers(QList<MapMarker> markers);
    const QList<MapMarker> &markers() const { return m_markers; }

    // The clusters of the markers inside lonLatBox (WGS-84: x = west, y = south, width and
    // height in degrees) at an integer zoom.
    QList<MarkerCluster> clusters(int zoom, const QRectF &lonLatBox, double radiusPx = 48) const;

private:
    QList<MapMarker> m_markers;
    // Each marker's place on the unit square of Web Mercator (x east, y south), and its
    // indices sorted by x so that a box reads only its slice.
    std::vector<double> m_unitX;
    std::vector<double> m_unitY;
    std::vector<int> m_byX;
};
