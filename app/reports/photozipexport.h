#pragma once

#include "exportoutcome.h"
#include "storage/recordfilter.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>

// The photos the selection's records refer to, each once, in the order the ZIP writes them:
// what an export fetches before it writes. Empty with *error set when the store cannot be read.
QStringList photoZipPhotos(QSqlDatabase db, const RecordFilter &filter, QString *error);

// The photos of the selected records as one ZIP, each named <village>_<record id>_<n>.jpg
// (photozipnames.h), n in the order the record refers to them. A photo this device does not
// hold is left out and named in out.missing (record, village, question); when there are any,
// missingList (if given) makes one more entry, name and bytes, that lists them inside the
// ZIP, so the gap travels with the file. A photo that is there but cannot be read fails the
// export (nothing is written).
using MissingPhotoList = std::function<std::pair<QString, QByteArray>(const QList<MissingPhoto> &)>;
ExportOutcome exportPhotoZip(QSqlDatabase db, const RecordFilter &filter, const QString &photoRoot,
                             const QString &path, const MissingPhotoList &missingList = {});
