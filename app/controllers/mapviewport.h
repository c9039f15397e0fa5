#pragma once

#include "domain/chinadatum.h"

#include <QObject>
#include <QPointF>
#include <QQmlParserStatus>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

// What part of the world a map view shows: its centre (WGS-84, as fixes are), its zoom (Web
// Mercator, fractional) and its size in pixels, over a basemap drawn in `datum`. Everything
// that draws on the map converts through it, so a WGS-84 fix lands where the basemap draws
// that place, whatever the basemap's datum. When QML makes it (classBegin, before any tile
// Image of its view completes and asks for its tile; componentComplete again) it gives its
// engine the `basemap` tile provider if the engine has none, so every engine that makes a map
// can draw it.
class MapViewport : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(double centerLon READ centerLon WRITE setCenterLon NOTIFY changed)
    Q_PROPERTY(double centerLat READ centerLat WRITE setCenterLat NOTIFY changed)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY changed)
    Q_PROPERTY(double width READ width WRITE setWidth NOTIFY changed)
    Q_PROPERTY(double height READ height WRITE setHeight NOTIFY changed)
    Q_PROPERTY(QString datum READ datum WRITE setDatum NOTIFY changed)
    Q_PROPERTY(int minZoom READ minZoom WRITE setMinZoom NOTIFY changed)
    Q_PROPERTY(int maxZoom READ maxZoom WRITE setMaxZoom NOTIFY changed)
    Q_PROPERTY(double metresPerPixel READ metresPerPixel NOTIFY changed)
public:
    explicit MapViewport(QObject *parent = nullptr);

    double centerLon() const { return m_centerLon; }
    double centerLat() const { return m_centerLat; }
    double zoom() const { return m_zoom; }
    double width() const { return m_width; }
    double height() const { return m_height; }
    QString datum() const { return chinaDatumName(m_datum); }
    ChinaDatum chinaDatum() const { return m_datum; }
    int minZoom() const { return m_minZoom; }
    int maxZoom() const { return m_maxZoom; }
    double metresPerPixel() const;

    void setCenterLon(double lon);
    void setCenterLat(double lat);
    void setZoom(double zoom);
    void setWidth(double width);
    void setHeight(double height);
    void setDatum(const QString &datum); // an unknown name draws as WGS-84
    void setMinZoom(int zoom);
    void setMaxZoom(int zoom);

    // WGS-84 in, view pixels out (the datum shift applied).
    Q_INVOKABLE QPointF toScreen(double lon, double lat) const;
    // View pixels in, WGS-84 out: x = lon, y = lat.
    Q_INVOKABLE QPointF toGeo(double x, double y) const;
    // The view's WGS-84 box: x = west, y = south, width and height in degrees.
    Q_INVOKABLE QRectF geoBox() const;
    // The map moves with a finger that moved by (dx, dy).
    Q_INVOKABLE void panBy(double dx, double dy);
    // A new zoom that keeps the place under (x, y) where it is (a pinch, a wheel).
    Q_INVOKABLE void zoomAround(double x, double y, double newZoom);
    // zoom < 0 keeps the zoom.
    Q_INVOKABLE void centerOn(double lon, double lat, double zoom = -1);
    // The largest zoom that shows the box (WGS-84 degrees), centred.
    Q_INVOKABLE void fitBox(double west, double south, double east, double north);

    // The centre's place on the basemap's world pixel grid at a zoom (the tile layer's anchor).
    QPointF centerWorldPixel(double zoom) const;

    void classBegin() override;
    void componentComplete() override;

signals:
    void changed();

private:
    void setCenterFromWorldPixel(QPointF pixel, double zoom);
    double clampZoom(double zoom) const;

    double m_centerLon = 111.49;
    double m_centerLat = 33.14;
    double m_zoom = 10;
    double m_width = 0;
    double m_height = 0;
    ChinaDatum m_datum = ChinaDatum::Wgs84;
    int m_minZoom = 0;
    int m_maxZoom = 20;
};
