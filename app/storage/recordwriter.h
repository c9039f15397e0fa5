#pragma once

#include "common/sqlitestatement.h"
#include "domain/record.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

// Writes one record row and its search text, keeping the revision it overwrites (a row the
// server numbered) in record_revision: what a draft, a submission and a pulled page all do.
// Writes inside the caller's transaction.
class RecordWriter {
public:
    explicit RecordWriter(QSqlDatabase db) : m_db(db) { }

    bool upsert(const Record &record);

    QString lastError() const { return m_error; }

private:
    bool keepOverwrittenRevision(const Record &record);
    QString searchTextFor(const Record &record);
    QString placeNamesOf(const QString &villageCode);

    QSqlDatabase m_db;
    QString m_error;
    // Prepared once per writer: a pulled page upserts a thousand records in a row.
    std::optional<SqliteStatement> m_upsert;
    std::optional<SqliteStatement> m_upsertSearch;
    std::optional<SqliteStatement> m_revisionOverwritten;
    std::optional<SqliteStatement> m_keepRevision;
    std::optional<QSqlQuery> m_placeNames;
    QHash<QString, QString> m_placeNameCache;
};
