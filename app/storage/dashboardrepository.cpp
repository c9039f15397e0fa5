#include "dashboardrepository.h"

#include "reportselection.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace {

constexpr qint64 kDayMs = 86400000;

} // namespace

std::optional<DashboardFigures> DashboardRepository::figures(const RecordFilter &filter) const
{
    DashboardFigures out;
    // Both reads see the same snapshot of the store.
    QSqlDatabase db = m_db;
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return std::nullopt;
    }
    const bool ok = loadCounts(filter, &out) && loadIndicators(filter, &out);
    db.rollback(); // read only
    if (!ok)
        return std::nullopt;
    return out;
}

bool DashboardRepository::loadCounts(const RecordFilter &filter, DashboardFigures *out) const
{
    // SQLite groups by local day (the index covers unit, category, status and time, so the
    // table itself is never read); days fold into ISO weeks here, where QDate knows them.
    // The offset is today's: the app's users are in China, which keeps no daylight saving.
    const qint64 offsetMs = qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000;
    QVariantList binds {offsetMs};
    const QString where = reportWhereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT r.unit_code, r.category, (r.updated_at_ms + ?) / %1, "
                             "count(*) FROM record r%2 GROUP BY 1, 2, 3")
                  .arg(kDayMs)
                  .arg(where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        m_error = QStringLiteral("cannot count records: %1").arg(q.lastError().text());
        return false;
    }
    const QDate epoch(1970, 1, 1);
    QHash<QString, int> indexOf; // unit, category, year, week -> position in out->counts
    while (q.next()) {
        WeeklyCount c;
        c.unitCode = q.value(0).toString();
        c.category = q.value(1).toString();
        c.isoWeek = epoch.addDays(q.value(2).toLongLong()).weekNumber(&c.isoYear);
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                .arg(c.unitCode, c.category)
                                .arg(c.isoYear)
                                .arg(c.isoWeek);
        const int n = q.value(3).toInt();
        auto found = indexOf.constFind(key);
        if (found != indexOf.constEnd()) {
            out->counts[*found].count += n;
            continue;
        }
        c.count = n;
        indexOf.insert(key, int(out->counts.size()));
        out->counts << c;
    }
    std::sort(out->counts.begin(), out->counts.end(),
              [](const WeeklyCount &a, const WeeklyCount &b) {
                  return std::tie(a.unitCode, a.category, a.isoYear, a.isoWeek)
                      < std::tie(b.unitCode, b.category, b.isoYear, b.isoWeek);
              });
    return true;
}

bool DashboardRepository::loadIndicators(const RecordFilter &filter, DashboardFigures *out) const
{
    // The three sanitation indicators, from the answers of their checklists
    // (app/data/templates; JSON true reads as 1 in SQLite):
    // - sanitary_toilet, 厕所革命 (sanitation.toilet): every record is one inspected household
    //   (入户检查), the denominator; those answering A1 (has a harmless sanitary toilet) yes
    //   are the numerator. The village tally A6 is not summed: each household's record
    //   repeats its village's tally.
    // - black_water_treated, 黑臭水体 (sanitation.sewage): records answering B3 (black-odorous
    //   water present) yes are the denominator, one water body each (the template asks for a
    //   record per water body); of those, B5 = "treated" (已治理) is the numerator.
    // - pond_chief_numbered, 坑塘整治 (sanitation.pond): every record is one pond, the
    //   denominator; those with a pond chief (C5 yes) and a number (C1_numbered yes) are the
    //   numerator.
    QVariantList binds;
    const QString where = reportWhereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT "
                  "sum(t = 'sanitation.toilet'), "
                  "sum(t = 'sanitation.toilet' AND json_extract(c, '$.answers.A1') = 1), "
                  "sum(t = 'sanitation.sewage' AND json_extract(c, '$.answers.B3') = 1), "
                  "sum(t = 'sanitation.sewage' AND json_extract(c, '$.answers.B3') = 1 "
                  "    AND json_extract(c, '$.answers.B5') = 'treated'), "
                  "sum(t = 'sanitation.pond'), "
                  "sum(t = 'sanitation.pond' AND json_extract(c, '$.answers.C5') = 1 "
                  "    AND json_extract(c, '$.answers.C1_numbered') = 1) "
                  "FROM (SELECT r.template_id AS t, CAST(r.content AS TEXT) AS c FROM record r%1 "
                  "      AND r.template_id IN ('sanitation.toilet', 'sanitation.sewage', "
                  "                            'sanitation.pond')) "
                  "WHERE json_valid(c)")
                  .arg(where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        m_error = QStringLiteral("cannot compute the indicators: %1").arg(q.lastError().text());
        return false;
    }
    auto value = [&](int column) { return q.value(column).toLongLong(); }; // NULL (none) is 0
    out->indicators = {
        {QStringLiteral("sanitary_toilet"), value(1), value(0)},
        {QStringLiteral("black_water_treated"), value(3), value(2)},
        {QStringLiteral("pond_chief_numbered"), value(5), value(4)},
    };
    return true;
}
