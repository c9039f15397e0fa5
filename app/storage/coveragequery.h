#pragma once

#include "domain/region.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A village counts as covered when it was visited within this many days (issue 16).
inline constexpr int kDefaultCoverageDays = 90;

// A village's visits: the last record of any category, and the last of each category. A
// visit is a record made there (its created time); drafts are not inspections yet.
struct VillageVisits {
    QString villageCode;
    qint64 lastVisitMs = 0; // 0: never visited
    QHash<QString, qint64> lastByCategory; // category -> created time of its last record
};

struct TownshipCoverage {
    QString townshipCode;
    QString townshipName;
    int villages = 0;
    int visited = 0; // within the period
    double rate = 0; // visited / villages, 0..1
    QList<Village> notVisited; // by code
};

// Village coverage over the reference regions the store holds (4,252 villages bundled) and
// the records it holds.
class CoverageQuery {
public:
    explicit CoverageQuery(QSqlDatabase db) : m_db(db) { }

    std::optional<VillageVisits> village(const QString &villageCode) const;
    // Per township of a paired unit (county 6 digits, or 武当山特区's 9; empty: all), by
    // township code: its villages, those visited in the days before nowMs, and those not.
    QList<TownshipCoverage> townships(const QString &unitCode, qint64 nowMs,
                                      int days = kDefaultCoverageDays) const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
