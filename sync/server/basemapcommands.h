#pragma once

#include <QStringList>

// `qingshui-server basemap add FILE.mbtiles --scope CODE [--name NAME]`, `basemap list`,
// `basemap remove ID`: the administrator registers the basemap packages devices download
// (BasemapCatalog), run against the database and the blob folder directly.
// Returns the process exit code; prints what it did, or why not, in one line.
int runBasemapCommand(const QStringList &arguments);
