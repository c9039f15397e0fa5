#pragma once

#include "domain/record.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

// Every revision of a record this device has seen: the past ones RecordRepository kept when
// the record row was overwritten, and the row itself. Read-only.
class RevisionHistory {
public:
    explicit RevisionHistory(QSqlDatabase db) : m_db(db) { }

    // Oldest first; the last is the record as it is now (also when it is an unsent edit,
    // whose serverSeq is still the revision it was edited from).
    QList<Record> revisionsOf(const QString &recordId) const;
    // The revision the server numbered serverSeq, current or past.
    std::optional<Record> revision(const QString &recordId, qint64 serverSeq) const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
