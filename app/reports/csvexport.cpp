#include "csvexport.h"

#include "csvline.h"
#include "domain/answertext.h"
#include "domain/category.h"
#include "domain/photoreferences.h"
#include "exportfile.h"
#include "exportrecordfields.h"
#include "photozipnames.h"
#include "storage/recordexportquery.h"

namespace {

struct AnswerColumn {
    QString templateId;
    const Question *question; // of the template's newest version in the export
};

} // namespace

ExportOutcome exportCsv(QSqlDatabase db, const RecordFilter &filter, const QString &path,
                        const ExportWords &words)
{
    ExportOutcome out;
    out.path = path;
    const auto templates = ExportTemplates::load(db, filter, &out.error);
    if (!templates)
        return out;

    // One column per question id of each template; later versions add their new questions.
    QList<AnswerColumn> columns;
    QStringList templateIds;
    for (const FormTemplate &t : templates->all()) {
        if (!templateIds.contains(t.id))
            templateIds << t.id;
        for (const Question *q : t.allQuestions()) {
            const bool known = std::any_of(columns.begin(), columns.end(), [&](const auto &c) {
                return c.templateId == t.id && c.question->id == q->id;
            });
            if (!known)
                columns << AnswerColumn {t.id, q};
        }
    }
    QStringList header = words.csvHeader;
    const int baseColumns = int(header.size());
    for (const AnswerColumn &c : columns) {
        // With several checklists in one file the label says which one it belongs to.
        QString label = c.question->label.text();
        if (templateIds.size() > 1) {
            for (const FormTemplate &t : templates->all())
                if (t.id == c.templateId) {
                    label = t.title.text() + words.labelSeparator + label;
                    break;
                }
        }
        header << label;
    }

    // Numbers as a spreadsheet computes on them, photos by their names in the photo ZIP, a
    // point's accuracy left out (the record's point has a column of its own).
    const AnswerWords answerWords = words.answerWords();
    AnswerTextOptions options;
    options.numbers = AnswerTextOptions::Numbers::Plain;
    options.photos = AnswerTextOptions::Photos::FileNames;
    options.gpsAccuracy = false;
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    bool written = file.write(csvBom() + csvLine(header));
    RecordExportQuery query(db);
    const bool read = written && query.forEach(filter, [&](const ExportRow &row) {
        const Record &r = row.record;
        const QJsonObject answers = answersOf(r);
        const FormTemplate *form = templates->find(r.templateId, r.templateVersion);
        const auto point = recordPoint(answers, form);
        QStringList fields
            = {r.id,
               form ? form->title.text() : QString(),
               r.templateId,
               QString::number(r.templateVersion),
               categoryName(r.category),
               words.unit(row.unitName),
               row.townshipName,
               row.villageName,
               r.villageCode,
               words.status(r),
               localIsoTime(r.createdAtMs),
               localIsoTime(r.updatedAtMs),
               point ? QString::number(point->lat, 'f', 7) : QString(),
               point ? QString::number(point->lon, 'f', 7) : QString(),
               point && point->accuracyM ? QString::number(*point->accuracyM) : QString()};
        options.photoRefs = photoReferencesIn(r.content);
        options.photoNames.clear();
        for (int i = 0; i < options.photoRefs.size(); ++i)
            options.photoNames << photoZipName(row.villageName, r.id, i + 1);
        fields.reserve(baseColumns + columns.size());
        for (const AnswerColumn &c : columns) {
            fields << (c.templateId == r.templateId ? answerText(
                           c.question, answers.value(c.question->id), answerWords, options)
                                                    : QString());
        }
        ++out.records;
        written = file.write(csvLine(fields));
        return written;
    });
    file.finish(written, read, query.lastError(), &out);
    return out;
}
