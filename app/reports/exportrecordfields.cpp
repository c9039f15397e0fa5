#include "exportrecordfields.h"

#include "storage/recordexportquery.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <cmath>

std::optional<ExportTemplates> ExportTemplates::load(QSqlDatabase db, const RecordFilter &filter,
                                                     QString *error)
{
    RecordExportQuery query(db);
    const auto used = query.templatesIn(filter);
    if (!used) {
        *error = query.lastError();
        return std::nullopt;
    }
    ExportTemplates out;
    TemplateRepository templates(db);
    for (const auto &[id, version] : *used) {
        if (auto form = templates.find(id, version))
            out.m_templates << *form;
    }
    return out;
}

const FormTemplate *ExportTemplates::find(const QString &id, int version) const
{
    for (const FormTemplate &t : m_templates)
        if (t.id == id && t.version == version)
            return &t;
    return nullptr;
}

QJsonObject answersOf(const Record &record)
{
    return QJsonDocument::fromJson(record.content)
        .object()
        .value(QLatin1String("answers"))
        .toObject();
}

std::optional<GeoPoint> pointFromAnswer(const QJsonValue &answer)
{
    const QJsonValue lat = answer[QLatin1String("lat")];
    const QJsonValue lon = answer[QLatin1String("lon")];
    if (!lat.isDouble() || !lon.isDouble())
        return std::nullopt;
    GeoPoint p;
    p.lat = lat.toDouble();
    p.lon = lon.toDouble();
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || std::abs(p.lat) > 90
        || std::abs(p.lon) > 180)
        return std::nullopt;
    if (answer[QLatin1String("accuracy_m")].isDouble())
        p.accuracyM = answer[QLatin1String("accuracy_m")].toDouble();
    return p;
}

std::optional<GeoPoint> recordPoint(const QJsonObject &answers, const FormTemplate *form)
{
    if (auto p = pointFromAnswer(answers.value(QLatin1String("location")))) {
        p->questionId = QStringLiteral("location");
        return p;
    }
    if (!form)
        return std::nullopt;
    for (const Question *q : form->allQuestions()) {
        if (q->type != QuestionType::GpsPoint)
            continue;
        if (auto p = pointFromAnswer(answers.value(q->id))) {
            p->questionId = q->id;
            return p;
        }
    }
    return std::nullopt;
}

QString localIsoTime(qint64 ms)
{
    // One offset for the whole export (China keeps no daylight saving): converting each
    // time through the system's time zone was a large part of a 100,000-record export.
    static const int offset = QDateTime::currentDateTime().offsetFromUtc();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offset).toString(Qt::ISODate);
}
