#pragma once

#include "mapmarkerset.h"
#include "mapviewport.h"

#include "domain/pointclusterer.h"

#include <QHash>
#include <QImage>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

// Draws one MapMarkerSet over the map (QPainter, so it works with the software renderer): a
// single marker as a dot coloured by its kind and status, a cluster as a disc with its count.
// It clusters for the viewport's zoom over a box larger than the view, and clusters again only
// when the zoom changes or the view leaves that box: a pan only repaints. A tap on a marker
// says which; a tap on a cluster zooms in on it.
class MapPointLayer : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(MapViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(MapMarkerSet *markers READ markers WRITE setMarkers NOTIFY markersChanged)
    Q_PROPERTY(bool showLabels READ showLabels WRITE setShowLabels NOTIFY showLabelsChanged)
    Q_PROPERTY(int clusterCount READ clusterCount NOTIFY clustered)
public:
    explicit MapPointLayer(QQuickItem *parent = nullptr);

    MapViewport *viewport() const { return m_viewport; }
    void setViewport(MapViewport *viewport);
    MapMarkerSet *markers() const { return m_markers; }
    void setMarkers(MapMarkerSet *markers);
    bool showLabels() const { return m_showLabels; }
    void setShowLabels(bool show);
    int clusterCount() const { return int(m_clusters.size()); }

    // The map view hands its taps to its layers: true when this layer had a marker or a
    // cluster there (and said so by markerTapped or clusterTapped).
    Q_INVOKABLE bool tapAt(double x, double y);

    void paint(QPainter *painter) override;

signals:
    void viewportChanged();
    void markersChanged();
    void showLabelsChanged();
    void markerTapped(const QString &id, int kind);
    void clusterTapped(double lon, double lat);
    void clustered(); // the clusters were computed again (not on every pan)

private:
    void viewportMoved();
    void recluster();
    // Where each cluster is drawn on the world's pixel grid at zoom 0 (the datum applied once
    // per clustering), so that a pan only scales and shifts.
    QList<QPointF> m_drawnAt;
    // Where a cluster is on screen now.
    QPointF screenPoint(qsizetype cluster, QPointF centre, double scale) const;
    // A marker's dot, drawn once per colour and kind and then copied (far cheaper than an
    // antialiased ellipse per marker per frame).
    const QImage &sprite(const MapMarker &marker, qreal dpr);
    const QImage &clusterSprite(int radius, qreal dpr);
    QHash<quint64, QImage> m_sprites;

    QPointer<MapViewport> m_viewport;
    QPointer<MapMarkerSet> m_markers;
    bool m_showLabels = true;
    QList<MarkerCluster> m_clusters;
    int m_clusteredZoom = -1;
    QRectF m_clusteredBox;
};
