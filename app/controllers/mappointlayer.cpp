#include "mappointlayer.h"

#include "mapmarkerset.h"
#include "mapviewport.h"

#include "domain/problem.h"
#include "domain/record.h"
#include "domain/webmercator.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QQuickWindow>

#include <cmath>

namespace {

constexpr double kDotRadius = 7;
constexpr double kTapRadius = 24;

// The list's status chips' colours (QsRecordDelegate's statusTint, Theme's palette).
QColor recordColour(int status)
{
    switch (ListStatus(status)) {
    case ListStatus::Draft:
        return QColor(0x5a6b75);
    case ListStatus::Pending:
        return QColor(0xc77700);
    case ListStatus::Returned:
    case ListStatus::Rejected:
        return QColor(0xb3261e);
    default:
        return QColor(0x2e9d5b);
    }
}

QColor problemColour(int state)
{
    switch (ProblemState(state)) {
    case ProblemState::ToFix:
    case ProblemState::Rework:
        return QColor(0xb3261e);
    case ProblemState::Fixing:
        return QColor(0xc77700);
    case ProblemState::ToRecheck:
        return QColor(0x7b3fa0);
    default:
        return QColor(0x2e9d5b);
    }
}

double clusterRadius(int count)
{
    return 12 + 4 * std::log10(double(count));
}

} // namespace

MapPointLayer::MapPointLayer(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void MapPointLayer::setViewport(MapViewport *viewport)
{
    if (viewport == m_viewport)
        return;
    if (m_viewport)
        disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    if (m_viewport)
        connect(m_viewport, &MapViewport::changed, this, &MapPointLayer::viewportMoved);
    emit viewportChanged();
    recluster();
}

void MapPointLayer::setMarkers(MapMarkerSet *markers)
{
    if (markers == m_markers)
        return;
    if (m_markers)
        disconnect(m_markers, nullptr, this, nullptr);
    m_markers = markers;
    if (m_markers)
        connect(m_markers, &MapMarkerSet::changed, this, &MapPointLayer::recluster);
    emit markersChanged();
    recluster();
}

void MapPointLayer::setShowLabels(bool show)
{
    if (show == m_showLabels)
        return;
    m_showLabels = show;
    emit showLabelsChanged();
    update();
}

void MapPointLayer::viewportMoved()
{
    if (!m_viewport)
        return;
    const int zoom = int(std::floor(m_viewport->zoom()));
    if (zoom != m_clusteredZoom || !m_clusteredBox.contains(m_viewport->geoBox()))
        recluster();
    else
        update();
}

void MapPointLayer::recluster()
{
    m_clusters.clear();
    m_drawnAt.clear();
    m_clusteredZoom = -1;
    if (m_viewport && m_markers && m_viewport->width() > 0) {
        const QRectF box = m_viewport->geoBox();
        // The view and a view's width and height around it: a pan of up to a screen in any
        // direction needs no new clustering.
        m_clusteredBox = box.adjusted(-box.width(), -box.height(), box.width(), box.height());
        m_clusteredZoom = int(std::floor(m_viewport->zoom()));
        m_clusters = m_markers->clusterer().clusters(m_clusteredZoom, m_clusteredBox);
        const ChinaDatum datum = m_viewport->chinaDatum();
        m_drawnAt.resize(m_clusters.size());
        for (qsizetype i = 0; i < m_clusters.size(); ++i) {
            const QPointF drawn = fromWgs84(datum, m_clusters[i].lon, m_clusters[i].lat);
            m_drawnAt[i] = WebMercator::worldPixel(drawn.x(), drawn.y(), 0);
        }
    }
    emit clustered();
    update();
}

QPointF MapPointLayer::screenPoint(qsizetype cluster, QPointF centre, double scale) const
{
    return m_drawnAt.at(cluster) * scale - centre;
}

const QImage &MapPointLayer::sprite(const MapMarker &m, qreal dpr)
{
    const quint64 key = (quint64(m.kind) << 32) | quint32(m.status);
    auto found = m_sprites.constFind(key);
    if (found != m_sprites.constEnd() && found->devicePixelRatio() == dpr)
        return *found;
    const int side = int(2 * (kDotRadius + 4));
    QImage image(QSize(side, side) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF at(side / 2.0, side / 2.0);
    switch (m.kind) {
    case MapMarker::Kind::Record:
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(recordColour(m.status));
        p.drawEllipse(at, kDotRadius, kDotRadius);
        break;
    case MapMarker::Kind::Problem:
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(problemColour(m.status));
        p.drawRect(
            QRectF(at.x() - kDotRadius, at.y() - kDotRadius, 2 * kDotRadius, 2 * kDotRadius));
        break;
    case MapMarker::Kind::Pond:
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(QColor(0x0b6e99));
        p.drawEllipse(at, kDotRadius, kDotRadius);
        break;
    case MapMarker::Kind::Village:
        p.setPen(QPen(QColor(0x5a6b75), 3));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(at, kDotRadius + 1.5, kDotRadius + 1.5);
        break;
    }
    p.end();
    return *m_sprites.insert(key, image);
}

const QImage &MapPointLayer::clusterSprite(int radius, qreal dpr)
{
    const quint64 key = (quint64(0xff) << 32) | quint32(radius);
    auto found = m_sprites.constFind(key);
    if (found != m_sprites.constEnd() && found->devicePixelRatio() == dpr)
        return *found;
    const int side = 2 * radius + 4;
    QImage image(QSize(side, side) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(QColor(11, 110, 153, 220));
    p.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius);
    p.end();
    return *m_sprites.insert(key, image);
}

void MapPointLayer::paint(QPainter *painter)
{
    if (!m_viewport || !m_markers || m_drawnAt.size() != m_clusters.size())
        return;
    const QList<MapMarker> &markers = m_markers->markers();
    const QRectF visible = boundingRect().adjusted(-40, -40, 40, 40);
    const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    const double zoom = m_viewport->zoom();
    const double scale = std::exp2(zoom);
    const QPointF centre = m_viewport->centerWorldPixel(zoom)
        - QPointF(m_viewport->width() / 2, m_viewport->height() / 2);
    QFont font = painter->font();
    font.setPixelSize(13);
    painter->setFont(font);
    for (qsizetype i = 0; i < m_clusters.size(); ++i) {
        const QPointF at = screenPoint(i, centre, scale);
        if (!visible.contains(at))
            continue;
        const MarkerCluster &c = m_clusters.at(i);
        if (c.count > 1) {
            const int r = int(clusterRadius(c.count));
            const QImage &disc = clusterSprite(r, dpr);
            const double half = (2 * r + 4) / 2.0;
            painter->drawImage(at - QPointF(half, half), disc);
            painter->setPen(Qt::white);
            painter->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                              QString::number(c.count));
            continue;
        }
        const MapMarker &m = markers.at(c.markerIndex);
        const double half = kDotRadius + 4;
        painter->drawImage(at - QPointF(half, half), sprite(m, dpr));
        if (m_showLabels && !m.label.isEmpty()) {
            const QPointF textAt = at + QPointF(kDotRadius + 4, 5);
            const QRectF box = QFontMetricsF(font).boundingRect(m.label).translated(textAt);
            painter->fillRect(box.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 200));
            painter->setPen(QColor(0x1b2a33));
            painter->drawText(textAt, m.label);
        }
    }
}

bool MapPointLayer::tapAt(double x, double y)
{
    if (!m_viewport || !m_markers)
        return false;
    const QPointF tap(x, y);
    const double scale = std::exp2(m_viewport->zoom());
    const QPointF centre = m_viewport->centerWorldPixel(m_viewport->zoom())
        - QPointF(m_viewport->width() / 2, m_viewport->height() / 2);
    const MarkerCluster *nearest = nullptr;
    double best = 0;
    for (qsizetype i = 0; i < m_clusters.size() && i < m_drawnAt.size(); ++i) {
        const MarkerCluster &c = m_clusters.at(i);
        const QPointF d = screenPoint(i, centre, scale) - tap;
        const double distance = std::hypot(d.x(), d.y());
        const double reach
            = c.count > 1 ? std::max(kTapRadius, clusterRadius(c.count)) : kTapRadius;
        if (distance <= reach && (!nearest || distance < best)) {
            nearest = &c;
            best = distance;
        }
    }
    if (!nearest)
        return false;
    if (nearest->count == 1) {
        const MapMarker &m = m_markers->markers().at(nearest->markerIndex);
        emit markerTapped(m.id, int(m.kind));
    } else {
        const double lon = nearest->lon, lat = nearest->lat;
        emit clusterTapped(lon, lat);
        m_viewport->centerOn(lon, lat, std::floor(m_viewport->zoom()) + 2);
    }
    return true;
}
