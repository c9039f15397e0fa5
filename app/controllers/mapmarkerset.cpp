#include "mapmarkerset.h"

MapMarkerSet::MapMarkerSet(QObject *parent) : QObject(parent)
{
}

void MapMarkerSet::setMarkers(QList<MapMarker> markers)
{
    m_clusterer.setMarkers(std::move(markers));
    emit changed();
}
