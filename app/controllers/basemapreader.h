#pragma once

#include "basemapinfo.h"

#include <QCoreApplication>
#include <QString>

// Opens an MBTiles file and says what the map view needs of it: the BasemapInfo filled from
// its metadata, or valid = false with error in the user's words (a corrupt or truncated file,
// not a basemap, no datum or an unknown one, a tile format this build cannot decode).
BasemapInfo readBasemapInfo(const QString &path);

class BasemapText {
    Q_DECLARE_TR_FUNCTIONS(BasemapText)
public:
    // The words for an MbtilesMetadata error code (see mbtilesfile.h); an unknown code is named.
    static QString describe(const QString &code);
};
