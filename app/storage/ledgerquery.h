#pragma once

#include "domain/problem.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// What the supervisor's ledger (整改台账) shows: one unit, category and state at a time.
struct LedgerFilter {
    QString unitCode; // county 6 or township 9 digits; empty: all
    QString category; // empty: all
    int state = 0; // 0: all, else a ProblemState
    bool overdueOnly = false;
    qint64 nowMs = 0; // what "overdue" is measured against; 0: the clock now
};

struct LedgerRow {
    QString id;
    QString villageCode;
    QString category;
    int severity = 1;
    ProblemState state = ProblemState::ToFix;
    QString responsibleName;
    QString responsibleCode;
    ResponsibleKind responsibleKind = ResponsibleKind::None;
    qint64 deadlineMs = 0;
    qint64 raisedAtMs = 0;
    qint64 closedAtMs = 0;
    bool overdue = false;
    QString description;
    int conflicts = 0;
    QString ledgerMonth;
    bool recheckPassed = false; // 待复查 with a passed re-check: ready for 销号
};

// A township's line in the ranking (激励先进、鞭策后进).
struct TownshipLedgerStats {
    QString townshipCode;
    QString townshipName; // from the reference regions; empty when the store lacks it
    int raised = 0;
    int closed = 0;
    int open = 0;
    int overdue = 0;
    double closureRate = 0; // closed / raised, 0..1
    double meanDaysToClose = 0; // from raised to closed, over the closed ones; 0: none closed
};

// The ledger over the problems this device holds (ProblemRepository keeps them folded).
class LedgerQuery {
public:
    explicit LedgerQuery(QSqlDatabase db) : m_db(db) { }

    // Overdue first, then by deadline (none last), then by when raised.
    QList<LedgerRow> page(const LedgerFilter &filter, int offset, int limit) const;
    int count(const LedgerFilter &filter) const;
    // Per township of the unit (county 6 or township 9 digits; empty: all) that has problems:
    // by closure rate, best first, then fewest overdue.
    QList<TownshipLedgerStats> ranking(const QString &unitCode, qint64 nowMs) const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
