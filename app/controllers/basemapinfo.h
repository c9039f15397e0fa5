#pragma once

#include <QObject>
#include <QRectF>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A basemap the map view can draw: an MBTiles file on this device and what its metadata says.
// valid is false when there is none to draw, and error then says why in the user's words
// (a corrupt file, no datum, an unknown datum, a tile format Qt cannot decode).
struct BasemapInfo {
    Q_GADGET
    QML_VALUE_TYPE(basemapInfo)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(QString path MEMBER path CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString datum MEMBER datum CONSTANT)
    Q_PROPERTY(QString format MEMBER format CONSTANT)
    Q_PROPERTY(int minZoom MEMBER minZoom CONSTANT)
    Q_PROPERTY(int maxZoom MEMBER maxZoom CONSTANT)
    Q_PROPERTY(QRectF bounds MEMBER bounds CONSTANT)
    Q_PROPERTY(double centerLon MEMBER centerLon CONSTANT)
    Q_PROPERTY(double centerLat MEMBER centerLat CONSTANT)
    Q_PROPERTY(int centerZoom MEMBER centerZoom CONSTANT)
    Q_PROPERTY(QString attribution MEMBER attribution CONSTANT)
    Q_PROPERTY(QString error MEMBER error CONSTANT)
public:
    bool valid = false;
    QString path; // absolute path of the .mbtiles file
    QString name;
    QString datum; // "WGS-84", "CGCS2000" or "GCJ-02" (ChinaDatum's names)
    QString format; // "png" or "jpg"
    int minZoom = 0;
    int maxZoom = 0;
    QRectF bounds; // in the basemap's datum: x = west, y = south, width/height in degrees
    double centerLon = 0;
    double centerLat = 0;
    int centerZoom = 0;
    QString attribution;
    QString error;
};
