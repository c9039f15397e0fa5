#include "publicproblemquery.h"

#include "sqlproblem.h"

#include <QSqlError>
#include <QSqlQuery>

std::optional<QList<PublicProblem>> PublicProblemQuery::latestClosed(int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT problem_id, village_code, category, raised_at_ms, "
                             "closed_at_ms, before_photos, after_photos FROM public_problem "
                             "ORDER BY closed_at_ms DESC, problem_id LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    QList<PublicProblem> out;
    while (q.next()) {
        out << PublicProblem {q.value(0).toString(),   q.value(1).toString(),
                              q.value(2).toString(),   q.value(3).toLongLong(),
                              q.value(4).toLongLong(), splitList(q.value(5)),
                              splitList(q.value(6))};
    }
    return out;
}

std::optional<QList<ClosureTally>> PublicProblemQuery::tallies() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT unit_code, raised, closed FROM closure_tally ORDER BY unit_code"))) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    QList<ClosureTally> out;
    while (q.next())
        out << ClosureTally {q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt()};
    return out;
}
