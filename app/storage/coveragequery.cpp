#include "coveragequery.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;

} // namespace

std::optional<VillageVisits> CoverageQuery::village(const QString &villageCode) const
{
    QSqlQuery q(m_db);
    // status <> 1: not a draft (record_village_visits holds the status).
    q.prepare(QStringLiteral("SELECT category, max(created_at_ms) FROM record "
                             "WHERE village_code = ? AND status <> 1 GROUP BY category"));
    q.addBindValue(villageCode);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    VillageVisits out;
    out.villageCode = villageCode;
    while (q.next()) {
        const qint64 at = q.value(1).toLongLong();
        out.lastByCategory.insert(q.value(0).toString(), at);
        out.lastVisitMs = std::max(out.lastVisitMs, at);
    }
    return out;
}

QList<TownshipCoverage> CoverageQuery::townships(const QString &unitCode, qint64 nowMs,
                                                 int days) const
{
    QList<TownshipCoverage> out;
    const qint64 since = nowMs - days * kMsPerDay;
    // The unit's codes as a range (codes are digits, and ':' follows '9'); all when none is
    // given. Never a null string: that binds as NULL and matches nothing.
    const QString low = unitCode.isEmpty() ? QStringLiteral("") : unitCode;
    const QString high = low + QLatin1Char(':');
    // The villages visited since then: one pass over the partial index, no table reads.
    QSet<QString> visited;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT village_code FROM record WHERE status <> 1 AND village_code >= ? "
        "AND village_code < ? GROUP BY village_code HAVING max(created_at_ms) >= ?"));
    q.addBindValue(low);
    q.addBindValue(high);
    q.addBindValue(since);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        visited.insert(q.value(0).toString());

    q.prepare(QStringLiteral("SELECT v.code, v.name, v.township_code, coalesce(t.name, '') "
                             "FROM village v LEFT JOIN township t ON t.code = v.township_code "
                             "WHERE v.code >= ? AND v.code < ? ORDER BY v.township_code, v.code"));
    q.addBindValue(low);
    q.addBindValue(high);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        const Village v {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
        if (out.isEmpty() || out.constLast().townshipCode != v.townshipCode)
            out << TownshipCoverage {v.townshipCode, q.value(3).toString(), 0, 0, 0, {}};
        TownshipCoverage &t = out.last();
        ++t.villages;
        if (visited.contains(v.code))
            ++t.visited;
        else
            t.notVisited << v;
    }
    for (TownshipCoverage &t : out)
        t.rate = t.villages > 0 ? double(t.visited) / t.villages : 0;
    return out;
}
