#include "geojsonexport.h"

#include "domain/photoreferences.h"
#include "domain/region.h"
#include "exportfile.h"
#include "exportrecordfields.h"
#include "photozipnames.h"
#include "storage/recordexportquery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// An answer as one property value a GIS can hold (no nested objects or arrays).
QJsonValue propertyValue(const Question *q, const QJsonValue &a, const QStringList &refs,
                         const QStringList &photoNames)
{
    if (a.isArray()) {
        // Photos by their names in the ZIP of photos; other lists (multiple choice) by value.
        const bool photos = q ? q->type == QuestionType::Photos
                              : !a.toArray().isEmpty() && refs.contains(a[0].toString());
        QStringList parts;
        for (const QJsonValue &v : a.toArray()) {
            const qsizetype i = photos ? refs.indexOf(v.toString()) : -1;
            parts << (i >= 0 ? photoNames.at(i) : v.toVariant().toString());
        }
        return parts.join(photos ? QStringLiteral(" ") : QStringLiteral(","));
    }
    if (a.isObject()) {
        if (const auto p = pointFromAnswer(a))
            return QStringLiteral("%1,%2").arg(p->lat, 0, 'f', 7).arg(p->lon, 0, 'f', 7);
        return QString::fromUtf8(QJsonDocument(a.toObject()).toJson(QJsonDocument::Compact));
    }
    return a;
}

} // namespace

ExportOutcome exportGeoJson(QSqlDatabase db, const RecordFilter &filter, const QString &path)
{
    ExportOutcome out;
    out.path = path;
    const auto templates = ExportTemplates::load(db, filter, &out.error);
    if (!templates)
        return out;
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    bool written = file.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    RecordExportQuery query(db);
    const bool read = written && query.forEach(filter, [&](const ExportRow &row) {
        const Record &r = row.record;
        const QJsonObject answers = answersOf(r);
        const FormTemplate *form = templates->find(r.templateId, r.templateVersion);
        const auto point = recordPoint(answers, form);
        QJsonObject properties {
            {QStringLiteral("record_id"), r.id},
            {QStringLiteral("template_id"), r.templateId},
            {QStringLiteral("template_version"), r.templateVersion},
            {QStringLiteral("template"), form ? form->title.text() : QString()},
            {QStringLiteral("category"), r.category},
            {QStringLiteral("unit_code"), pairedUnitCodeOfVillage(r.villageCode)},
            {QStringLiteral("unit"), row.unitName},
            {QStringLiteral("township"), row.townshipName},
            {QStringLiteral("village"), row.villageName},
            {QStringLiteral("village_code"), r.villageCode},
            {QStringLiteral("status"), statusName(r)},
            {QStringLiteral("created_at"), localIsoTime(r.createdAtMs)},
            {QStringLiteral("updated_at"), localIsoTime(r.updatedAtMs)}};
        if (point && point->accuracyM)
            properties.insert(QStringLiteral("accuracy_m"), *point->accuracyM);
        const QStringList refs = photoReferencesIn(r.content);
        QStringList photoNames;
        for (int i = 0; i < refs.size(); ++i)
            photoNames << photoZipName(row.villageName, r.id, i + 1);
        for (auto it = answers.begin(); it != answers.end(); ++it) {
            // A question id never overrides the record's own fields; the point is the geometry.
            if (properties.contains(it.key()) || (point && it.key() == point->questionId))
                continue;
            const Question *q = form ? form->question(it.key()) : nullptr;
            properties.insert(it.key(), propertyValue(q, it.value(), refs, photoNames));
        }
        QJsonObject feature {{QStringLiteral("type"), QStringLiteral("Feature")},
                             {QStringLiteral("id"), r.id},
                             {QStringLiteral("properties"), properties}};
        feature.insert(QStringLiteral("geometry"),
                       point ? QJsonValue(QJsonObject {
                           {QStringLiteral("type"), QStringLiteral("Point")},
                           {QStringLiteral("coordinates"), QJsonArray {point->lon, point->lat}}})
                             : QJsonValue(QJsonValue::Null));
        QByteArray bytes = out.records > 0 ? ",\n" : "";
        bytes += QJsonDocument(feature).toJson(QJsonDocument::Compact);
        ++out.records;
        written = file.write(bytes);
        return written;
    });
    written = written && file.write("\n]}\n");
    if (!written) {
        out.error = file.writeError();
        return out;
    }
    if (!read) {
        out.error = query.lastError();
        return out;
    }
    out.ok = file.commit(&out.error);
    return out;
}
