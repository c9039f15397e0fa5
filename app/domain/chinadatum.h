#pragma once

#include <QPointF>
#include <QString>

#include <optional>

// The datums Chinese basemaps are drawn in. GPS fixes are WGS-84; 天地图 and the national
// surveys use CGCS2000 (the same as WGS-84 to a few centimetres, nothing at map scale); most
// commercial maps use GCJ-02, WGS-84 shifted by a published obfuscation formula inside China
// (hundreds of metres). A basemap declares its datum in its metadata.
enum class ChinaDatum { Wgs84, Cgcs2000, Gcj02 };

// "WGS-84", "WGS84", "EPSG:4326", "CGCS2000", "EPSG:4490", "GCJ-02", "GCJ02" (any case).
std::optional<ChinaDatum> chinaDatumFromName(const QString &name);
// "WGS-84", "CGCS2000", "GCJ-02".
QString chinaDatumName(ChinaDatum datum);

// Where a basemap in this datum draws the place a WGS-84 fix names (x = lon, y = lat).
// GCJ-02 is the identity outside China, as the formula defines it.
QPointF fromWgs84(ChinaDatum datum, double lon, double lat);
// The inverse, by iteration (closer than 0.1 m): the WGS-84 place a point on the basemap names.
QPointF toWgs84(ChinaDatum datum, double lon, double lat);
