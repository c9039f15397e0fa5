#include "geojsonexport.h"

#include "domain/answerscan.h"
#include "domain/answertext.h"
#include "domain/photoreferences.h"
#include "domain/region.h"
#include "exportfile.h"
#include "exportrecordfields.h"
#include "photozipnames.h"
#include "storage/recordexportquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

// Written as text, feature by feature: the answers' JSON is copied from the record as it is
// (booleans, numbers and strings are already JSON), and only lists and GPS points, which a
// GIS property cannot hold, are parsed. Building a QJsonObject per record took twice as long.

namespace {

using RawAnswers = QList<std::pair<QByteArrayView, QByteArrayView>>; // id, JSON text

void appendString(QByteArray *out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out->append('"');
    for (const char ch : utf8) {
        switch (ch) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        case '\t':
            out->append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20)
                out->append(
                    QStringLiteral("\\u%1").arg(int(ch), 4, 16, QLatin1Char('0')).toLatin1());
            else
                out->append(ch);
        }
    }
    out->append('"');
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

QByteArrayView rawOf(const RawAnswers &answers, QByteArrayView id)
{
    for (const auto &[key, value] : answers)
        if (key == id)
            return value;
    return {};
}

std::optional<GeoPoint> pointIn(QByteArrayView raw, const QString &questionId)
{
    if (raw.isEmpty() || raw[0] != '{')
        return std::nullopt;
    auto p = pointFromAnswer(QJsonDocument::fromJson(raw.toByteArray()).object());
    if (p)
        p->questionId = questionId;
    return p;
}

// As recordPoint (exportrecordfields.h), on the raw answers.
std::optional<GeoPoint> rawPoint(const RawAnswers &answers, const FormTemplate *form)
{
    if (auto p = pointIn(rawOf(answers, "location"), QStringLiteral("location")))
        return p;
    if (!form)
        return std::nullopt;
    for (const Question *q : form->allQuestions()) {
        if (q->type != QuestionType::GpsPoint)
            continue;
        if (auto p = pointIn(rawOf(answers, q->id.toUtf8()), q->id))
            return p;
    }
    return std::nullopt;
}

// An answer as one property value a GIS can hold (no nested objects or arrays): lists and
// points as text, the rest copied as it is.
void appendProperty(QByteArray *out, const Question *q, QByteArrayView raw,
                    const AnswerWords &words, const AnswerTextOptions &options)
{
    if (raw[0] == '[') {
        // Photos by their names in the ZIP of photos; other lists (multiple choice) by value.
        auto listOf = [](QuestionType type) {
            Question q;
            q.type = type;
            return q;
        };
        static const Question photoList = listOf(QuestionType::Photos);
        static const Question valueList = listOf(QuestionType::MultiChoice);
        const QJsonArray a = QJsonDocument::fromJson(raw.toByteArray()).array();
        const bool photos = q ? q->type == QuestionType::Photos
                              : !a.isEmpty() && options.photoRefs.contains(a[0].toString());
        appendString(out, answerText(photos ? &photoList : &valueList, a, words, options));
    } else if (raw[0] == '{') {
        if (pointIn(raw, QString()))
            appendString(out,
                         answerText(nullptr, QJsonDocument::fromJson(raw.toByteArray()).object(),
                                    words, options));
        else
            appendString(out, QString::fromUtf8(raw.toByteArray()));
    } else {
        out->append(raw.data(), raw.size()); // true, false, null, a number or a string
    }
}

} // namespace

ExportOutcome exportGeoJson(QSqlDatabase db, const RecordFilter &filter, const QString &path,
                            const ExportWords &words)
{
    ExportOutcome out;
    out.path = path;
    const auto templates = ExportTemplates::load(db, filter, &out.error);
    if (!templates)
        return out;
    // Choices by their stored values, photos by name, points as "lat,lon" to the geometry's
    // precision: values a GIS filters and joins on.
    AnswerWords answerWords;
    answerWords.listSeparator = QStringLiteral(",");
    AnswerTextOptions options;
    options.choices = AnswerTextOptions::Choices::StoredValues;
    options.photos = AnswerTextOptions::Photos::FileNames;
    options.gpsAccuracy = false;
    options.gpsDecimals = 7;
    options.coordinateSeparator = QStringLiteral(",");
    ExportFile file(path);
    if (!file.open(&out.error))
        return out;
    bool written = file.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    RecordExportQuery query(db);
    QByteArray bytes;
    const bool read = written && query.forEach(filter, [&](const ExportRow &row) {
        const Record &r = row.record;
        RawAnswers answers;
        if (!scanAnswers(r.content, [&](QByteArrayView id, QByteArrayView value) {
                answers.append({id, value});
            }))
            answers.clear(); // content that is no JSON has no answers to show
        const FormTemplate *form = templates->find(r.templateId, r.templateVersion);
        const auto point = rawPoint(answers, form);

        bytes.clear();
        if (out.records > 0)
            bytes += ",\n";
        bytes += "{\"type\":\"Feature\",\"id\":";
        appendString(&bytes, r.id);
        bytes += ",\"geometry\":";
        if (point)
            bytes += "{\"type\":\"Point\",\"coordinates\":[" + number(point->lon) + ','
                + number(point->lat) + "]}";
        else
            bytes += "null";
        bytes += ",\"properties\":{";
        const std::pair<const char *, QString> fields[]
            = {{"record_id", r.id},
               {"template_id", r.templateId},
               {"template", form ? form->title.text() : QString()},
               {"category", r.category},
               {"unit_code", pairedUnitCodeOfVillage(r.villageCode)},
               {"unit", words.unit(row.unitName)},
               {"township", row.townshipName},
               {"village", row.villageName},
               {"village_code", r.villageCode},
               {"status", words.status(r)},
               {"created_at", localIsoTime(r.createdAtMs)},
               {"updated_at", localIsoTime(r.updatedAtMs)}};
        for (const auto &[name, value] : fields) {
            bytes += '"';
            bytes += name;
            bytes += "\":";
            appendString(&bytes, value);
            bytes += ',';
        }
        bytes += "\"template_version\":" + QByteArray::number(r.templateVersion);
        if (point && point->accuracyM)
            bytes += ",\"accuracy_m\":" + number(*point->accuracyM);
        options.photoRefs = photoReferencesIn(r.content);
        options.photoNames.clear();
        for (int i = 0; i < options.photoRefs.size(); ++i)
            options.photoNames << photoZipName(row.villageName, r.id, i + 1);
        for (const auto &[id, raw] : answers) {
            // A question id never overrides the record's own fields; the point is the geometry.
            const bool own = std::any_of(std::begin(fields), std::end(fields),
                                         [&](const auto &f) { return id == f.first; })
                || id == "template_version" || id == "accuracy_m";
            if (own || raw.isEmpty() || (point && id == point->questionId.toUtf8()))
                continue;
            bytes += ",\"";
            bytes.append(id.data(), id.size()); // as it was in the record's JSON
            bytes += "\":";
            const Question *q
                = form ? form->question(QString::fromUtf8(id.toByteArray())) : nullptr;
            appendProperty(&bytes, q, raw, answerWords, options);
        }
        bytes += "}}";
        ++out.records;
        written = file.write(bytes);
        return written;
    });
    written = written && file.write("\n]}\n");
    file.finish(written, read, query.lastError(), &out);
    return out;
}
