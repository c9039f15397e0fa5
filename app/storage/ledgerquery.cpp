#include "ledgerquery.h"

#include "problemscopesql.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

#include <algorithm>

namespace {

constexpr double kMsPerDay = 24.0 * 3600 * 1000;

qint64 nowOf(const LedgerFilter &filter)
{
    return filter.nowMs > 0 ? filter.nowMs : QDateTime::currentMSecsSinceEpoch();
}

// The WHERE clause of a filter on the problem table (alias p), its values appended.
QString whereOf(const LedgerFilter &filter, QVariantList *binds)
{
    QStringList parts;
    if (!filter.unitCode.isEmpty())
        parts << problemScopeCondition({filter.unitCode}, binds);
    if (!filter.category.isEmpty()) {
        parts << QStringLiteral("p.category = ?");
        *binds << filter.category;
    }
    if (filter.state > 0) {
        parts << QStringLiteral("p.state = ?");
        *binds << filter.state;
    }
    if (filter.overdueOnly) {
        parts << QStringLiteral("p.state <> 4 AND p.deadline_ms > 0 AND p.deadline_ms < ?");
        *binds << nowOf(filter);
    }
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QLatin1String(" AND "));
}

} // namespace

QList<LedgerRow> LedgerQuery::page(const LedgerFilter &filter, int offset, int limit) const
{
    QList<LedgerRow> out;
    QVariantList binds;
    const qint64 now = nowOf(filter);
    const QString where = whereOf(filter, &binds);
    const QString order = problemOrder(now, &binds);
    binds << limit << offset;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT p.id, p.village_code, p.category, p.severity, p.state, "
                  "p.responsible_name, p.responsible_code, p.responsible_kind, p.deadline_ms, "
                  "p.raised_at_ms, p.closed_at_ms, p.description, p.conflicts, p.ledger_month, "
                  "p.recheck_passed FROM problem p WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?")
                  .arg(where, order));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        LedgerRow row;
        row.id = q.value(0).toString();
        row.villageCode = q.value(1).toString();
        row.category = q.value(2).toString();
        row.severity = q.value(3).toInt();
        row.state = static_cast<ProblemState>(q.value(4).toInt());
        row.responsibleName = q.value(5).toString();
        row.responsibleCode = q.value(6).toString();
        row.responsibleKind = static_cast<ResponsibleKind>(q.value(7).toInt());
        row.deadlineMs = q.value(8).toLongLong();
        row.raisedAtMs = q.value(9).toLongLong();
        row.closedAtMs = q.value(10).toLongLong();
        row.description = q.value(11).toString();
        row.conflicts = q.value(12).toInt();
        row.ledgerMonth = q.value(13).toString();
        row.recheckPassed = q.value(14).toBool();
        row.overdue
            = row.state != ProblemState::Closed && row.deadlineMs > 0 && now > row.deadlineMs;
        out << row;
    }
    return out;
}

int LedgerQuery::count(const LedgerFilter &filter) const
{
    QVariantList binds;
    const QString where = whereOf(filter, &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM problem p WHERE %1").arg(where));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.value(0).toInt();
}

QList<TownshipLedgerStats> LedgerQuery::ranking(const QString &unitCode, qint64 nowMs) const
{
    QList<TownshipLedgerStats> out;
    QVariantList binds {nowMs};
    const QString scope
        = unitCode.isEmpty() ? QStringLiteral("1") : problemScopeCondition({unitCode}, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT p.township_code, coalesce(t.name, ''), count(*), "
                             "sum(p.state = 4), "
                             "sum(p.state <> 4 AND p.deadline_ms > 0 AND p.deadline_ms < ?), "
                             "avg(CASE WHEN p.state = 4 THEN p.closed_at_ms - p.raised_at_ms END) "
                             "FROM problem p LEFT JOIN township t ON t.code = p.township_code "
                             "WHERE %1 GROUP BY p.township_code")
                  .arg(scope));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        TownshipLedgerStats s;
        s.townshipCode = q.value(0).toString();
        s.townshipName = q.value(1).toString();
        s.raised = q.value(2).toInt();
        s.closed = q.value(3).toInt();
        s.open = s.raised - s.closed;
        s.overdue = q.value(4).toInt();
        s.closureRate = s.raised > 0 ? double(s.closed) / s.raised : 0;
        s.meanDaysToClose = q.value(5).isNull() ? 0 : q.value(5).toDouble() / kMsPerDay;
        out << s;
    }
    std::sort(out.begin(), out.end(),
              [](const TownshipLedgerStats &a, const TownshipLedgerStats &b) {
                  if (a.closureRate != b.closureRate)
                      return a.closureRate > b.closureRate;
                  if (a.overdue != b.overdue)
                      return a.overdue < b.overdue;
                  return a.townshipCode < b.townshipCode;
              });
    return out;
}
