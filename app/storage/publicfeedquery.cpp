#include "publicfeedquery.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// QSqlQuery says nothing when the connection is closed under it.
QString whyUnread(const QSqlDatabase &db, const QSqlQuery &q)
{
    return QStringLiteral("cannot read the public records: %1")
        .arg(db.isOpen() ? q.lastError().text() : QStringLiteral("the store is not open"));
}

} // namespace

std::optional<QList<PublicFeedRow>> PublicFeedQuery::newestFirst() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT r.id, r.template_id, r.category, r.unit_code, "
                               "r.updated_at_ms, r.content, v.name FROM record r "
                               "LEFT JOIN village v ON v.code = r.village_code "
                               "ORDER BY r.updated_at_ms DESC, r.id"))) {
        m_error = whyUnread(m_db, q);
        return std::nullopt;
    }
    QList<PublicFeedRow> rows;
    while (q.next()) {
        PublicFeedRow row;
        row.recordId = q.value(0).toString();
        row.templateId = q.value(1).toString();
        row.category = q.value(2).toString();
        row.unitCode = q.value(3).toString();
        row.updatedAtMs = q.value(4).toLongLong();
        row.content = q.value(5).toByteArray();
        row.villageName = q.value(6).toString();
        rows << row;
    }
    // A step that failed part way (a corrupt page) ends the loop like the last row does.
    if (q.lastError().isValid()) {
        m_error = whyUnread(m_db, q);
        return std::nullopt;
    }
    return rows;
}
