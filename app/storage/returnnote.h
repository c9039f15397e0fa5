#pragma once

#include "domain/review.h"

#include <QSqlDatabase>
#include <optional>

// The supervisor's return an inspector has to answer: the latest decision on the record's
// current revision, while that decision is a return and the record is not resubmitted yet
// (still Returned, or a draft being edited from the returned revision).
class ReturnNoteRepository {
public:
    explicit ReturnNoteRepository(QSqlDatabase db) : m_db(db) { }

    // None when the record was never returned, or a later decision or a resubmission
    // answered the return.
    std::optional<ReviewEvent> returnNoteFor(const QString &recordId) const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
