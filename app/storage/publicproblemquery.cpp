#include "publicproblemquery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QStringList shas(const QString &joined)
{
    return joined.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

QList<PublicProblem> PublicProblemQuery::newestClosedFirst() const
{
    QList<PublicProblem> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT problem_id, village_code, category, raised_at_ms, closed_at_ms, "
            "before_photos, after_photos FROM public_problem ORDER BY closed_at_ms DESC"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        out << PublicProblem {q.value(0).toString(),      q.value(1).toString(),
                              q.value(2).toString(),      q.value(3).toLongLong(),
                              q.value(4).toLongLong(),    shas(q.value(5).toString()),
                              shas(q.value(6).toString())};
    }
    return out;
}

QList<ClosureTally> PublicProblemQuery::tallies() const
{
    QList<ClosureTally> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT unit_code, raised, closed FROM closure_tally ORDER BY unit_code"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << ClosureTally {q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt()};
    return out;
}
