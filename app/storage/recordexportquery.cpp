#include "recordexportquery.h"

#include "reportselection.h"
#include "sqlrecord.h"

#include <QSqlError>
#include <QSqlQuery>

std::optional<QList<std::pair<QString, int>>>
RecordExportQuery::templatesIn(const RecordFilter &filter) const
{
    QVariantList binds;
    const QString where = reportWhereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT r.template_id, r.template_version FROM record r%1 "
                             "ORDER BY 1, 2")
                  .arg(where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        m_error
            = QStringLiteral("cannot list the exported templates: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    QList<std::pair<QString, int>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt()});
    return out;
}

bool RecordExportQuery::forEach(const RecordFilter &filter,
                                const std::function<bool(const ExportRow &)> &visit) const
{
    QVariantList binds;
    const QString where = reportWhereClause(filter, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, u.name, t.name, v.name FROM record r "
                             "LEFT JOIN village v ON v.code = r.village_code "
                             "LEFT JOIN township t ON t.code = v.township_code "
                             "LEFT JOIN paired_unit u ON u.code = r.unit_code%2 "
                             "ORDER BY r.updated_at_ms DESC, r.id")
                  .arg(QLatin1String(kRecordColumns), where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        m_error = QStringLiteral("cannot read the exported records: %1").arg(q.lastError().text());
        return false;
    }
    constexpr int names = kRecordColumnCount;
    while (q.next()) {
        ExportRow row;
        row.record = readRecord(q);
        row.unitName = q.value(names).toString();
        row.townshipName = q.value(names + 1).toString();
        row.villageName = q.value(names + 2).toString();
        if (!visit(row))
            return false;
    }
    if (q.lastError().isValid()) {
        m_error = QStringLiteral("cannot read the exported records: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}
