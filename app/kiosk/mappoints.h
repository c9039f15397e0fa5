#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One row of app/data/kiosk/map_points.csv: a named place at a public longitude/latitude.
struct MapPoint {
    QString kind; // county_seat, beijing_district or landmark
    QString code;
    QString name;
    double lon = 0;
    double lat = 0;
};

// The rows that could be read, and a clear message for each one that could not.
struct MapPointsResult {
    QList<MapPoint> points;
    QStringList errors; // "line 7: latitude 'x' is not a number"
};

// Reads the map points CSV (header kind,code,name,lon,lat,...; RFC 4180 quoting). A bad row
// is skipped with an error naming its line, so one typo costs one marker, not the map.
MapPointsResult parseMapPoints(const QByteArray &csv);

// Reads a lon,lat[,note] outline (the reservoir's schematic shape), same error rules.
MapPointsResult parseOutline(const QByteArray &csv);
