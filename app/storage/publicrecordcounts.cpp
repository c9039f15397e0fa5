#include "publicrecordcounts.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

bool countBy(QSqlDatabase db, const char *column, QHash<QString, int> *out, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1, COUNT(*) FROM record GROUP BY %1")
                    .arg(QLatin1String(column)))) {
        *error = QStringLiteral("cannot count public records: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next())
        out->insert(q.value(0).toString(), q.value(1).toInt());
    return true;
}

} // namespace

bool countPublicRecords(QSqlDatabase db, PublicRecordCounts *counts, QString *error)
{
    PublicRecordCounts c;
    if (!countBy(db, "category", &c.byCategory, error)
        || !countBy(db, "unit_code", &c.byUnit, error))
        return false;
    for (int n : std::as_const(c.byCategory))
        c.total += n;
    *counts = c;
    return true;
}
