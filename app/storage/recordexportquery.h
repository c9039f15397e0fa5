#pragma once

#include "domain/record.h"
#include "recordfilter.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <optional>
#include <utility>

// One record as the exports write it, with the names of its places.
struct ExportRow {
    Record record;
    QString unitName;
    QString townshipName;
    QString villageName;
};

// The records an export writes (reportselection.h: the filter's, never drafts), read in one
// pass, newest first, without holding them all in memory.
class RecordExportQuery {
public:
    explicit RecordExportQuery(QSqlDatabase db) : m_db(db) { }

    // The templates (id, version) the selected records were filled with, by id and version.
    std::optional<QList<std::pair<QString, int>>> templatesIn(const RecordFilter &filter) const;
    // Calls visit for every selected record; stops when it returns false. False on an SQL
    // error (lastError) or when visit stopped.
    bool forEach(const RecordFilter &filter,
                 const std::function<bool(const ExportRow &)> &visit) const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
