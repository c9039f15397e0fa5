#include "dashboardrepository.h"

#include "common/sqlitestatement.h"
#include "domain/answerscan.h"
#include "reportselection.h"

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QSqlError>

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
    // SQLite numbers each record's Monday-based local week (1970-01-01 was a Thursday, so
    // day + 3 starts weeks on Mondays) from the index alone, which covers unit, category,
    // status and time; the rows are summed here: GROUP BY would sort all 100,000 of them
    // first. The offset is today's: the app's users are in China, which keeps no daylight
    // saving.
    const qint64 offsetMs = qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000;
    QVariantList binds {offsetMs};
    const QString where = reportWhereClause(filter, &binds);
    SqliteStatement q(m_db,
                      QStringLiteral("SELECT r.unit_code, r.category, "
                                     "((r.updated_at_ms + ?) / %1 + 3) / 7 FROM record r%2")
                          .arg(kDayMs)
                          .arg(where)
                          .toUtf8()
                          .constData());
    q.bindAll(binds);
    // The rows come by unit and category (the index's order): one week table per pair.
    QMap<std::pair<QString, QString>, QMap<qint64, int>> weeks;
    QString unit;
    QString category;
    QMap<qint64, int> *current = nullptr;
    while (q.step()) {
        const QString u = q.columnText(0);
        const QString c = q.columnText(1);
        if (!current || u != unit || c != category) {
            unit = u;
            category = c;
            current = &weeks[{unit, category}];
        }
        ++(*current)[q.columnInt64(2)];
    }
    if (q.hasError()) {
        m_error = QStringLiteral("cannot count records: %1").arg(q.error());
        return false;
    }
    const QDate epoch(1970, 1, 1);
    for (auto pair = weeks.cbegin(); pair != weeks.cend(); ++pair) {
        for (auto week = pair->cbegin(); week != pair->cend(); ++week) {
            WeeklyCount count;
            count.unitCode = pair.key().first;
            count.category = pair.key().second;
            // The week's Monday names its ISO year and week.
            count.isoWeek = epoch.addDays(week.key() * 7 - 3).weekNumber(&count.isoYear);
            count.count = week.value();
            out->counts << count;
        }
    }
    return true;
}

bool DashboardRepository::loadIndicators(const RecordFilter &filter, DashboardFigures *out) const
{
    // The three sanitation indicators, from the answers of their checklists
    // (app/data/templates):
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
    // Answers are read by answerscan.h, not json_extract: SQLite's full parse of each record
    // was most of the dashboard's time. Content that is not JSON counts nowhere.
    QVariantList binds;
    const QString where = reportWhereClause(filter, &binds);
    SqliteStatement q(m_db,
                      QStringLiteral("SELECT r.template_id, r.content FROM record r%1 "
                                     "AND r.template_id IN ('sanitation.toilet', "
                                     "'sanitation.sewage', 'sanitation.pond')")
                          .arg(where)
                          .toUtf8()
                          .constData());
    q.bindAll(binds);
    IndicatorTally toilet {QStringLiteral("sanitary_toilet"), 0, 0};
    IndicatorTally water {QStringLiteral("black_water_treated"), 0, 0};
    IndicatorTally ponds {QStringLiteral("pond_chief_numbered"), 0, 0};
    while (q.step()) {
        const QString templateId = q.columnText(0);
        const QByteArray content = q.columnBlob(1);
        bool a1 = false, b3 = false, treated = false, c5 = false, numbered = false;
        const bool wellFormed = scanAnswers(content, [&](QByteArrayView id, QByteArrayView v) {
            const bool yes = v == "true";
            if (id == "A1")
                a1 = yes;
            else if (id == "B3")
                b3 = yes;
            else if (id == "B5")
                treated = v == "\"treated\"";
            else if (id == "C5")
                c5 = yes;
            else if (id == "C1_numbered")
                numbered = yes;
        });
        if (!wellFormed)
            continue;
        if (templateId == QLatin1String("sanitation.toilet")) {
            ++toilet.denominator;
            toilet.numerator += a1;
        } else if (templateId == QLatin1String("sanitation.sewage") && b3) {
            ++water.denominator;
            water.numerator += treated;
        } else if (templateId == QLatin1String("sanitation.pond")) {
            ++ponds.denominator;
            ponds.numerator += c5 && numbered;
        }
    }
    if (q.hasError()) {
        m_error = QStringLiteral("cannot compute the indicators: %1").arg(q.error());
        return false;
    }
    out->indicators = {toilet, water, ponds};
    return true;
}
