#pragma once

#include "domain/formtemplate.h"
#include "domain/geofix.h"
#include "domain/record.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

// The problems a record raises in the rectification ledger: by hand on any answer (the
// inspector filling it, a supervisor reviewing it), and by itself, at submission, on each shown
// answer its template marks as failing the standard (Question::problem) that has none yet.
// A raised problem carries the record's village, its checklist (template id) as category, its
// photos as the "before" and its GPS point (else the tablet's).
class RecordProblems {
public:
    explicit RecordProblems(QSqlDatabase db) : m_db(db) { }

    // Question ids of the record a problem was raised on already.
    QSet<QString> raisedOn(const QString &recordId) const;

    // question id → the standard's words, for each shown answer that fails a marked standard.
    static QVariantMap failing(const FormTemplate &form, const QJsonObject &answers);

    // Raises one problem on the record (questionId may be empty: the record as a whole).
    // False with *error in the user's words.
    bool raise(const Record &record, const FormTemplate &form, const QJsonObject &answers,
               const QString &questionId, const QString &description, int severity,
               const GeoFix &fallbackPoint, QString *error);

    // Raises a problem on every failing marked answer that has none yet; how many it raised,
    // -1 with *error when one could not be stored.
    int raiseFailing(const Record &record, const FormTemplate &form, const QJsonObject &answers,
                     const GeoFix &fallbackPoint, QString *error);

private:
    QSqlDatabase m_db;
};
