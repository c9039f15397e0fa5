#pragma once

#include <QList>
#include <QString>

// A photo of the selection the ZIP could not hold: which record, village and question.
struct MissingPhoto {
    QString recordId;
    QString villageName;
    QString questionLabel; // the question's label in the template version the record used
    QString sha256;
    QString reason; // why, in the user's words (filled by the caller that fetched)
};

// What an export did: it wrote the whole file, or nothing at all and says why.
struct ExportOutcome {
    bool ok = false;
    int records = 0;
    int photos = 0; // ZIP: photos written
    int missingPhotos = 0; // ZIP: referenced, but not on this device (listed in `missing`)
    QList<MissingPhoto> missing;
    QString path;
    QString error;
};
