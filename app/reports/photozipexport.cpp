#include "photozipexport.h"

#include "domain/formtemplate.h"
#include "domain/photoreferences.h"
#include "exportzip.h"
#include "media/photostore.h"
#include "photozipnames.h"
#include "storage/recordexportquery.h"
#include "storage/templaterepository.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

// Which question each photo answers, by its label in the record's template version (the
// question id when the store lacks that version). Parsed only for a record with a missing
// photo: the rare case.
class QuestionLabels {
public:
    explicit QuestionLabels(QSqlDatabase db) : m_templates(db) { }

    QHash<QString, QString> of(const Record &record)
    {
        const QString key
            = record.templateId + QLatin1Char('@') + QString::number(record.templateVersion);
        if (!m_labels.contains(key)) {
            QHash<QString, QString> labels;
            if (const auto form = m_templates.find(record.templateId, record.templateVersion)) {
                for (const Question *q : form->allQuestions())
                    labels.insert(q->id, q->label.text());
            }
            m_labels.insert(key, labels);
        }
        const QHash<QString, QString> &labels = m_labels[key];
        QHash<QString, QString> out;
        const QJsonObject answers = QJsonDocument::fromJson(record.content)
                                        .object()
                                        .value(QLatin1String("answers"))
                                        .toObject();
        for (auto it = answers.begin(); it != answers.end(); ++it) {
            for (const QJsonValue &v : it.value().toArray()) {
                if (v.isString() && isPhotoReference(v.toString()))
                    out.insert(v.toString(), labels.value(it.key(), it.key()));
            }
        }
        return out;
    }

private:
    TemplateRepository m_templates;
    QHash<QString, QHash<QString, QString>> m_labels;
};

} // namespace

QStringList photoZipPhotos(QSqlDatabase db, const RecordFilter &filter, QString *error)
{
    QStringList out;
    QSet<QString> seen;
    RecordExportQuery query(db);
    const bool read = query.forEach(filter, [&](const ExportRow &row) {
        for (const QString &sha : photoReferencesIn(row.record.content)) {
            if (!seen.contains(sha)) {
                seen.insert(sha);
                out << sha;
            }
        }
        return true;
    });
    if (!read && error)
        *error = query.lastError();
    return read ? out : QStringList();
}

ExportOutcome exportPhotoZip(QSqlDatabase db, const RecordFilter &filter, const QString &photoRoot,
                             const QString &path, const MissingPhotoList &missingList)
{
    ExportOutcome out;
    out.path = path;
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    ExportZip zip(&file);
    const PhotoStore photos(photoRoot);
    RecordExportQuery query(db);
    QuestionLabels questions(db);
    QString failure;
    const bool read = query.forEach(filter, [&](const ExportRow &row) {
        ++out.records;
        const QStringList refs = photoReferencesIn(row.record.content);
        QHash<QString, QString> labelOf;
        for (int i = 0; i < refs.size(); ++i) {
            QFile photo(photos.pathFor(refs.at(i)));
            if (!photo.exists()) {
                if (labelOf.isEmpty())
                    labelOf = questions.of(row.record);
                ++out.missingPhotos;
                // The reason is the fetching caller's to word.
                out.missing << MissingPhoto {
                    row.record.id, row.villageName, labelOf.value(refs.at(i)), refs.at(i), {}};
                continue;
            }
            // The ZIP reads the photo only when it is written, with every other: a photo that
            // cannot be read stops the export here, before anything is written.
            if (!photo.open(QIODevice::ReadOnly)) {
                failure = QStringLiteral("cannot read photo %1: %2")
                              .arg(photo.fileName(), photo.errorString());
                return false;
            }
            photo.close();
            if (!zip.addFile(photoZipName(row.villageName, row.record.id, i + 1),
                             photo.fileName())) {
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
    if (!out.missing.isEmpty() && missingList) {
        const auto [name, bytes] = missingList(out.missing);
        if (!zip.addBytes(name, bytes)) {
            out.error = zip.error();
            return out;
        }
    }
    if (!zip.close()) {
        out.error = zip.error();
        return out;
    }
    out.ok = file.commit(&out.error);
    return out;
}
