#pragma once

#include <QPointF>
#include <QRectF>

// Longitude/latitude to canvas pixels for a schematic map: equirectangular with the longitude
// shrunk by cos(middle latitude), so shapes are not stretched at 33° N; the geographic box is
// fitted into the canvas box keeping its aspect and centred. North is up.
class MapProjection {
public:
    MapProjection() = default;
    // geo: x = west longitude, y = south latitude, width/height in degrees.
    MapProjection(const QRectF &geo, const QRectF &canvas);

    QPointF project(double lon, double lat) const;
    bool contains(double lon, double lat) const; // inside the geographic box
    double pixelsPerDegreeLat() const { return m_scale; }

private:
    QRectF m_geo;
    double m_lonFactor = 1;
    double m_scale = 1;
    QPointF m_origin; // canvas point of (west, north)
};
