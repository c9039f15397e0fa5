#pragma once

#include "exportoutcome.h"
#include "storage/recordfilter.h"

#include <QSqlDatabase>
#include <QString>

// The photos of the selected records as one ZIP, each named <village>_<record id>_<n>.jpg
// (photozipnames.h), n in the order the record refers to them. A photo this device has not
// downloaded yet is counted in missingPhotos and left out; one that is there but cannot be
// read fails the export (nothing is written).
ExportOutcome exportPhotoZip(QSqlDatabase db, const RecordFilter &filter, const QString &photoRoot,
                             const QString &path);
