#pragma once

#include "recordfilter.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// Records of one paired unit (county) and category in one ISO week.
struct WeeklyCount {
    QString unitCode;
    QString category;
    int isoYear = 0;
    int isoWeek = 0;
    int count = 0;
};

// A share counted from checklist answers: numerator of denominator records.
struct IndicatorTally {
    QString indicatorId; // as in app/data/targets/sanitation_2025.json
    qint64 numerator = 0;
    qint64 denominator = 0;
};

struct DashboardFigures {
    QList<WeeklyCount> counts; // by unit, category, year, week
    QList<IndicatorTally> indicators; // sanitary_toilet, black_water_treated, pond_chief_numbered
};

// The supervisor's dashboard over the records a filter selects. Drafts never count: they
// are not inspections yet. A record's week is the ISO week of its last change in local time,
// the clock the filter's dates use too.
class DashboardRepository {
public:
    explicit DashboardRepository(QSqlDatabase db) : m_db(db) { }

    std::optional<DashboardFigures> figures(const RecordFilter &filter) const;
    QString lastError() const { return m_error; }

private:
    bool loadCounts(const RecordFilter &filter, DashboardFigures *out) const;
    bool loadIndicators(const RecordFilter &filter, DashboardFigures *out) const;

    QSqlDatabase m_db;
    mutable QString m_error;
};
