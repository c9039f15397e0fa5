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
    QString nameEn; // its English name (name_en), empty if the file has none
    double lon = 0;
    double lat = 0;
};

// The rows that could be read, and a clear message for each one that could not.
struct MapPointsResult {
    QList<MapPoint> points;
    QStringList errors; // "line 7: latitude 'x' is not a number"
};

// One row of app/data/kiosk/place_names.csv: a region the kiosk names but does not draw (a
// province or a prefecture), with its English name.
struct PlaceName {
    QString kind;
    QString code;
    QString name;
    QString nameEn;
};

struct PlaceNamesResult {
    QList<PlaceName> names;
    QStringList errors;
};

// Reads the map points CSV (RFC 4180 quoting). Columns are found by the header's names:
// kind, code, name, lon and lat are needed, name_en is read when there, others are ignored.
// A bad row is skipped with an error naming its line, so one typo costs one marker, not the
// map.
MapPointsResult parseMapPoints(const QByteArray &csv);

// Reads a lon,lat[,note] outline (the reservoir's schematic shape), same error rules.
MapPointsResult parseOutline(const QByteArray &csv);

// Reads the place names CSV (kind, code, name and name_en needed), same error rules.
PlaceNamesResult parsePlaceNames(const QByteArray &csv);
