#pragma once

#include "domain/mapmarker.h"
#include "domain/pointclusterer.h"

#include <QList>
#include <QObject>
#include <QtQml/qqmlregistration.h>

// One layer's markers (records, villages, ponds or problems), handed to QML by the controller
// that fills it and drawn by a MapPointLayer. It keeps them projected and ready to cluster.
class MapMarkerSet : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Filled in C++ (MapLayerController) and handed to QML")
    Q_PROPERTY(int count READ count NOTIFY changed)
public:
    explicit MapMarkerSet(QObject *parent = nullptr);

    void setMarkers(QList<MapMarker> markers);
    const QList<MapMarker> &markers() const { return m_clusterer.markers(); }
    const PointClusterer &clusterer() const { return m_clusterer; }
    int count() const { return int(m_clusterer.markers().size()); }

signals:
    void changed();

private:
    PointClusterer m_clusterer;
};
