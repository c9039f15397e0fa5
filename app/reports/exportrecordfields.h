#pragma once

#include "domain/formtemplate.h"
#include "domain/record.h"
#include "storage/recordfilter.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What every export says of a record besides its answers.

// The templates the selected records were filled with, as the store keeps them.
class ExportTemplates {
public:
    // Nullopt with *error set on an SQL error; a template the store lacks is simply absent.
    static std::optional<ExportTemplates> load(QSqlDatabase db, const RecordFilter &filter,
                                               QString *error);
    const FormTemplate *find(const QString &id, int version) const;
    const QList<FormTemplate> &all() const { return m_templates; }

private:
    QList<FormTemplate> m_templates; // by id, then version
};

struct GeoPoint {
    double lat = 0;
    double lon = 0;
    std::optional<double> accuracyM;
    QString questionId; // the answer it comes from
};

// The record's answers object ({} when the content is not JSON).
QJsonObject answersOf(const Record &record);
// Where the record was made: its "location" answer, else its template's first GPS answer
// (a pond's C3), else none. WGS84, as the GPS gives it.
std::optional<GeoPoint> recordPoint(const QJsonObject &answers, const FormTemplate *form);
std::optional<GeoPoint> pointFromAnswer(const QJsonValue &answer);
// ISO 8601 in local time with its offset, e.g. 2025-01-08T12:00:00+08:00.
QString localIsoTime(qint64 ms);
