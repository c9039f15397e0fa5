#include "mapprojection.h"

#include <QtMath>

MapProjection::MapProjection(const QRectF &geo, const QRectF &canvas) : m_geo(geo)
{
    const double middleLat = geo.y() + geo.height() / 2;
    m_lonFactor = qCos(qDegreesToRadians(middleLat));
    const double geoWidth = geo.width() * m_lonFactor;
    m_scale = qMin(canvas.width() / geoWidth, canvas.height() / geo.height());
    const double usedWidth = geoWidth * m_scale;
    const double usedHeight = geo.height() * m_scale;
    m_origin = QPointF(canvas.x() + (canvas.width() - usedWidth) / 2,
                       canvas.y() + (canvas.height() - usedHeight) / 2);
}

QPointF MapProjection::project(double lon, double lat) const
{
    const double north = m_geo.y() + m_geo.height();
    return QPointF(m_origin.x() + (lon - m_geo.x()) * m_lonFactor * m_scale,
                   m_origin.y() + (north - lat) * m_scale);
}

bool MapProjection::contains(double lon, double lat) const
{
    return lon >= m_geo.left() && lon <= m_geo.right() && lat >= m_geo.top()
        && lat <= m_geo.bottom();
}
