#pragma once

#include "exportoutcome.h"
#include "exportwords.h"
#include "storage/recordfilter.h"

#include <QSqlDatabase>
#include <QString>

// The selected records as GeoJSON for QGIS (RFC 7946): one FeatureCollection, one Feature
// per record, a Point in WGS84 [lon, lat] (no "crs" member: RFC 7946 fixes WGS84), or
// "geometry": null for a record without a GPS point. Properties: the record's place, status
// and times, then every answer under its question id (yes/no as booleans, choices as their
// option values, multiple choices comma-joined, other GPS points as "lat,lon", photos as the
// ZIP of photos names them, space-separated); the answer that gave the point is the geometry.
// The status, the county and the template's title are in the app's language at export time
// (words); the keys and the answers' values are language-neutral.
ExportOutcome exportGeoJson(QSqlDatabase db, const RecordFilter &filter, const QString &path,
                            const ExportWords &words = {});
