#pragma once

#include <QStringList>
#include <QVariantList>

// The SQL condition on the problem table (alias p) for scope codes: a county (6 digits), a
// township (9) or a village (12) each; none: every problem. Appends the values to bind.
inline QString problemScopeCondition(const QStringList &codes, QVariantList *binds)
{
    if (codes.isEmpty())
        return QStringLiteral("1");
    QStringList parts;
    for (const QString &code : codes) {
        switch (code.size()) {
        case 6:
            parts << QStringLiteral("p.county_code = ?");
            break;
        case 9:
            parts << QStringLiteral("p.township_code = ?");
            break;
        default:
            parts << QStringLiteral("p.village_code = ?");
            break;
        }
        *binds << code;
    }
    return QLatin1Char('(') + parts.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

// The ledger's order: overdue first (open, with a deadline already past), then by deadline
// (none last), then by when it was raised. Binds now once.
inline QString problemOrder(qint64 nowMs, QVariantList *binds)
{
    *binds << nowMs;
    return QStringLiteral("(p.state <> 4 AND p.deadline_ms > 0 AND p.deadline_ms < ?) DESC, "
                          "p.deadline_ms = 0, p.deadline_ms, p.raised_at_ms, p.id");
}
