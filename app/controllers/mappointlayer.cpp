#include "mappointlayer.h"

#include "mapmarkerset.h"
#include "mapviewport.h"

#include "domain/problem.h"
#include "domain/record.h"

#include <QPainter>
#include <QPainterPath>

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
    m_clusteredZoom = -1;
    if (m_viewport && m_markers && m_viewport->width() > 0) {
        const QRectF box = m_viewport->geoBox();
        // The view and a view's width and height around it: a pan of up to a screen in any
        // direction needs no new clustering.
        m_clusteredBox = box.adjusted(-box.width(), -box.height(), box.width(), box.height());
        m_clusteredZoom = int(std::floor(m_viewport->zoom()));
        m_clusters = m_markers->clusterer().clusters(m_clusteredZoom, m_clusteredBox);
    }
    emit clustered();
    update();
}

void MapPointLayer::paint(QPainter *painter)
{
    if (!m_viewport || !m_markers)
        return;
    const QList<MapMarker> &markers = m_markers->markers();
    const QRectF visible = boundingRect().adjusted(-40, -40, 40, 40);
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = painter->font();
    font.setPixelSize(13);
    painter->setFont(font);
    for (const MarkerCluster &c : std::as_const(m_clusters)) {
        const QPointF at = m_viewport->toScreen(c.lon, c.lat);
        if (!visible.contains(at))
            continue;
        if (c.count > 1) {
            const double r = clusterRadius(c.count);
            painter->setPen(QPen(Qt::white, 2));
            painter->setBrush(QColor(11, 110, 153, 220));
            painter->drawEllipse(at, r, r);
            painter->setPen(Qt::white);
            painter->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                              QString::number(c.count));
            continue;
        }
        const MapMarker &m = markers.at(c.markerIndex);
        switch (m.kind) {
        case MapMarker::Kind::Record:
            painter->setPen(QPen(Qt::white, 2));
            painter->setBrush(recordColour(m.status));
            painter->drawEllipse(at, kDotRadius, kDotRadius);
            break;
        case MapMarker::Kind::Problem:
            painter->setPen(QPen(Qt::white, 2));
            painter->setBrush(problemColour(m.status));
            painter->drawRect(
                QRectF(at.x() - kDotRadius, at.y() - kDotRadius, 2 * kDotRadius, 2 * kDotRadius));
            break;
        case MapMarker::Kind::Pond:
            painter->setPen(QPen(Qt::white, 2));
            painter->setBrush(QColor(0x0b6e99));
            painter->drawEllipse(at, kDotRadius, kDotRadius);
            break;
        case MapMarker::Kind::Village:
            painter->setPen(QPen(QColor(0x5a6b75), 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(at, kDotRadius + 2, kDotRadius + 2);
            break;
        }
        if (m_showLabels && !m.label.isEmpty()) {
            const QPointF textAt = at + QPointF(kDotRadius + 4, 5);
            painter->setPen(QPen(Qt::white, 3));
            QPainterPath path;
            path.addText(textAt, font, m.label);
            painter->strokePath(path, QPen(QColor(255, 255, 255, 220), 3));
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
    const MarkerCluster *nearest = nullptr;
    double best = 0;
    for (const MarkerCluster &c : std::as_const(m_clusters)) {
        const QPointF d = m_viewport->toScreen(c.lon, c.lat) - tap;
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
