#include "recordfiltersql.h"

#include "searchindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

QString recordFilterWhere(const RecordFilter &f, QVariantList *binds)
{
    QStringList where;
    if (!f.statuses.isEmpty()) {
        QStringList any;
        for (ListStatus s : f.statuses) {
            switch (s) {
            case ListStatus::Draft:
                any << QStringLiteral("r.status = 1");
                break;
            case ListStatus::Pending:
                any << QStringLiteral("(r.status = 2 AND r.sync_state <> 2)");
                break;
            case ListStatus::Synced:
                any << QStringLiteral("(r.status = 2 AND r.sync_state = 2)");
                break;
            case ListStatus::Returned:
                any << QStringLiteral("r.status = 3");
                break;
            case ListStatus::Approved:
                any << QStringLiteral("r.status = 4");
                break;
            case ListStatus::Rejected:
                any << QStringLiteral("r.status = 5");
                break;
            }
        }
        where << QLatin1Char('(') + any.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        where << QStringLiteral("r.%1 = ?").arg(QLatin1String(column));
        *binds << value;
    };
    equals("unit_code", f.unitCode);
    if (!f.townshipCode.isEmpty()) {
        // Village codes are the township's nine digits and three more.
        where << QStringLiteral("r.village_code BETWEEN ? AND ?");
        *binds << f.townshipCode + QLatin1String("000") << f.townshipCode + QLatin1String("999");
    }
    equals("village_code", f.villageCode);
    equals("category", f.category);
    equals("author", f.author);
    if (f.fromMs > 0) {
        where << QStringLiteral("r.updated_at_ms >= ?");
        *binds << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("r.updated_at_ms < ?");
        *binds << f.toMs;
    }
    const QString search = f.search.trimmed();
    if (!search.isEmpty()) {
        where << SearchIndex::condition(search, binds);
    }
    if (!f.recordIds.isEmpty()) {
        // One bind however many: a selection may hold more records than SQLite has variables.
        where << QStringLiteral("r.id IN (SELECT value FROM json_each(?))");
        *binds << QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(f.recordIds)).toJson(QJsonDocument::Compact));
    }
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
}
