#include "scopecondition.h"

#include <QStringList>

QString scopeCondition(const Caller &caller, const char *column, QVariantList *binds)
{
    if (caller.role == Caller::Role::Admin)
        return QStringLiteral("1 = 1");
    if (caller.role == Caller::Role::Kiosk || caller.scopeCodes.isEmpty())
        return QStringLiteral("1 = 0");
    QStringList any;
    for (const QString &code : caller.scopeCodes) {
        any << QStringLiteral("substr(%1, 1, %2) = ?").arg(QLatin1String(column)).arg(code.size());
        *binds << code;
    }
    return QLatin1Char('(') + any.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

QString basemapScopeCondition(const Caller &caller, const char *column, QVariantList *binds)
{
    if (caller.role == Caller::Role::Admin)
        return QStringLiteral("1 = 1");
    if (caller.role == Caller::Role::Kiosk || caller.scopeCodes.isEmpty())
        return QStringLiteral("1 = 0");
    const QString c = QLatin1String(column);
    QStringList any;
    for (const QString &code : caller.scopeCodes) {
        any << QStringLiteral("substr(?, 1, length(%1)) = %1 OR substr(%1, 1, %2) = ?")
                   .arg(c)
                   .arg(code.size());
        *binds << code << code;
    }
    return QLatin1Char('(') + any.join(QLatin1String(" OR ")) + QLatin1Char(')');
}
