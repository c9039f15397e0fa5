#include "mapviewport.h"

#include "maptileprovider.h"

#include "domain/webmercator.h"

#include <QQmlEngine>

#include <algorithm>
#include <cmath>

MapViewport::MapViewport(QObject *parent) : QObject(parent)
{
}

void MapViewport::classBegin()
{
    MapTileProvider::of(qmlEngine(this), true);
}

void MapViewport::componentComplete()
{
    MapTileProvider::of(qmlEngine(this), true);
}

double MapViewport::metresPerPixel() const
{
    return WebMercator::metresPerPixel(m_centerLat, m_zoom);
}

double MapViewport::clampZoom(double zoom) const
{
    return std::clamp(zoom, double(m_minZoom), double(std::max(m_minZoom, m_maxZoom)));
}

void MapViewport::setCenterLon(double lon)
{
    if (lon == m_centerLon || !std::isfinite(lon))
        return;
    m_centerLon = std::clamp(lon, -180.0, 180.0);
    emit changed();
}

void MapViewport::setCenterLat(double lat)
{
    if (lat == m_centerLat || !std::isfinite(lat))
        return;
    m_centerLat = std::clamp(lat, -WebMercator::kMaxLatitude, WebMercator::kMaxLatitude);
    emit changed();
}

void MapViewport::setZoom(double zoom)
{
    zoom = clampZoom(zoom);
    if (zoom == m_zoom || !std::isfinite(zoom))
        return;
    m_zoom = zoom;
    emit changed();
}

void MapViewport::setWidth(double width)
{
    if (width == m_width)
        return;
    m_width = width;
    emit changed();
}

void MapViewport::setHeight(double height)
{
    if (height == m_height)
        return;
    m_height = height;
    emit changed();
}

void MapViewport::setDatum(const QString &name)
{
    const ChinaDatum datum = chinaDatumFromName(name).value_or(ChinaDatum::Wgs84);
    if (datum == m_datum)
        return;
    m_datum = datum;
    emit changed();
}

void MapViewport::setMinZoom(int zoom)
{
    if (zoom == m_minZoom)
        return;
    m_minZoom = zoom;
    m_zoom = clampZoom(m_zoom);
    emit changed();
}

void MapViewport::setMaxZoom(int zoom)
{
    if (zoom == m_maxZoom)
        return;
    m_maxZoom = zoom;
    m_zoom = clampZoom(m_zoom);
    emit changed();
}

QPointF MapViewport::centerWorldPixel(double zoom) const
{
    const QPointF drawn = fromWgs84(m_datum, m_centerLon, m_centerLat);
    return WebMercator::worldPixel(drawn.x(), drawn.y(), zoom);
}

QPointF MapViewport::toScreen(double lon, double lat) const
{
    const QPointF drawn = fromWgs84(m_datum, lon, lat);
    return WebMercator::worldPixel(drawn.x(), drawn.y(), m_zoom) - centerWorldPixel(m_zoom)
        + QPointF(m_width / 2, m_height / 2);
}

QPointF MapViewport::toGeo(double x, double y) const
{
    const QPointF pixel = centerWorldPixel(m_zoom) + QPointF(x - m_width / 2, y - m_height / 2);
    const QPointF drawn = WebMercator::lonLat(pixel, m_zoom);
    return toWgs84(m_datum, drawn.x(), drawn.y());
}

QRectF MapViewport::geoBox() const
{
    const QPointF northWest = toGeo(0, 0);
    const QPointF southEast = toGeo(m_width, m_height);
    return QRectF(northWest.x(), southEast.y(), southEast.x() - northWest.x(),
                  northWest.y() - southEast.y());
}

void MapViewport::setCenterFromWorldPixel(QPointF pixel, double zoom)
{
    const double size = WebMercator::kTileSize * std::exp2(zoom);
    pixel.setX(std::clamp(pixel.x(), 0.0, size));
    pixel.setY(std::clamp(pixel.y(), 0.0, size));
    const QPointF drawn = WebMercator::lonLat(pixel, zoom);
    const QPointF wgs = toWgs84(m_datum, drawn.x(), drawn.y());
    m_centerLon = wgs.x();
    m_centerLat = wgs.y();
}

void MapViewport::panBy(double dx, double dy)
{
    if (dx == 0 && dy == 0)
        return;
    setCenterFromWorldPixel(centerWorldPixel(m_zoom) - QPointF(dx, dy), m_zoom);
    emit changed();
}

void MapViewport::zoomAround(double x, double y, double newZoom)
{
    newZoom = clampZoom(newZoom);
    if (newZoom == m_zoom || !std::isfinite(newZoom))
        return;
    const QPointF offset(x - m_width / 2, y - m_height / 2);
    const QPointF under = WebMercator::lonLat(centerWorldPixel(m_zoom) + offset, m_zoom);
    const QPointF centre = WebMercator::worldPixel(under.x(), under.y(), newZoom) - offset;
    m_zoom = newZoom;
    setCenterFromWorldPixel(centre, newZoom);
    emit changed();
}

void MapViewport::centerOn(double lon, double lat, double zoom)
{
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return;
    m_centerLon = std::clamp(lon, -180.0, 180.0);
    m_centerLat = std::clamp(lat, -WebMercator::kMaxLatitude, WebMercator::kMaxLatitude);
    if (zoom >= 0 && std::isfinite(zoom))
        m_zoom = clampZoom(zoom);
    emit changed();
}

void MapViewport::fitBox(double west, double south, double east, double north)
{
    const QPointF a = fromWgs84(m_datum, west, north), b = fromWgs84(m_datum, east, south);
    const QPointF nw = WebMercator::worldPixel(a.x(), a.y(), 0);
    const QPointF se = WebMercator::worldPixel(b.x(), b.y(), 0);
    const double w = std::max(se.x() - nw.x(), 1e-9), h = std::max(se.y() - nw.y(), 1e-9);
    // A margin of a tenth on each side so that points on the edge stay visible.
    const double fit = std::min(m_width * 0.8 / w, m_height * 0.8 / h);
    if (fit > 0)
        m_zoom = clampZoom(std::log2(fit));
    setCenterFromWorldPixel((nw + se) / 2 * std::exp2(m_zoom), m_zoom);
    emit changed();
}
