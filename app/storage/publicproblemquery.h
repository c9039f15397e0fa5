#pragma once

#include "domain/publicproblem.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What a kiosk's store holds of the ledger (pulled: PulledPageWriter): closed problems'
// public copies and the closure tallies per county and township, read for its screens.
class PublicProblemQuery {
public:
    explicit PublicProblemQuery(QSqlDatabase db) : m_db(db) { }

    // The most recently closed first (ties by id); nullopt on an SQL error (lastError).
    std::optional<QList<PublicProblem>> latestClosed(int limit) const;
    // By unit code; nullopt on an SQL error.
    std::optional<QList<ClosureTally>> tallies() const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
