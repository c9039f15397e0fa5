#pragma once

#include <QString>

// What an export did: it wrote the whole file, or nothing at all and says why.
struct ExportOutcome {
    bool ok = false;
    int records = 0;
    int photos = 0; // ZIP: photos written
    int missingPhotos = 0; // ZIP: referenced, but not on this device yet
    QString path;
    QString error;
};
