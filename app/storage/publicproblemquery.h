#pragma once

#include "domain/publicproblem.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// What a kiosk's store holds of the ledger (schema 16): the closed problems a supervisor
// published, newest closed first, and the problems raised and closed per unit as the server
// counted them at the last pull.
class PublicProblemQuery {
public:
    explicit PublicProblemQuery(QSqlDatabase db) : m_db(db) { }

    QList<PublicProblem> newestClosedFirst() const;
    QList<ClosureTally> tallies() const; // by unit code
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
