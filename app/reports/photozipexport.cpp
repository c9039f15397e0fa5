#include "photozipexport.h"

#include "domain/photoreferences.h"
#include "media/photostore.h"
#include "photozipnames.h"
#include "storage/recordexportquery.h"
#include "zipwriter.h"

#include <QFile>
#include <QFileInfo>

ExportOutcome exportPhotoZip(QSqlDatabase db, const RecordFilter &filter, const QString &photoRoot,
                             const QString &path)
{
    ExportOutcome out;
    out.path = path;
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    ZipWriter zip(&file);
    const PhotoStore photos(photoRoot);
    RecordExportQuery query(db);
    QString failure;
    const bool read = query.forEach(filter, [&](const ExportRow &row) {
        ++out.records;
        const QStringList refs = photoReferencesIn(row.record.content);
        for (int i = 0; i < refs.size(); ++i) {
            QFile photo(photos.pathFor(refs.at(i)));
            if (!photo.exists()) {
                ++out.missingPhotos;
                continue;
            }
            if (!photo.open(QIODevice::ReadOnly)) {
                failure = QStringLiteral("cannot read photo %1: %2")
                              .arg(photo.fileName(), photo.errorString());
                return false;
            }
            const QByteArray bytes = photo.readAll();
            if (photo.error() != QFileDevice::NoError) {
                failure = QStringLiteral("cannot read photo %1: %2")
                              .arg(photo.fileName(), photo.errorString());
                return false;
            }
            if (!zip.add(photoZipName(row.villageName, row.record.id, i + 1), bytes,
                         QFileInfo(photo).lastModified())) {
                failure = zip.error();
                return false;
            }
            ++out.photos;
        }
        return true;
    });
    if (!read) {
        out.error = failure.isEmpty() ? query.lastError() : failure;
        return out;
    }
    if (!zip.finish()) {
        out.error = zip.error();
        return out;
    }
    out.ok = file.commit(&out.error);
    return out;
}
