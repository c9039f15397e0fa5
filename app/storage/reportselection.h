#pragma once

#include "recordfilter.h"
#include "recordfiltersql.h"

#include <QString>
#include <QVariantList>

// The records the dashboard and the exports see: the filter's, never drafts (a draft is no
// inspection yet). SQL on `record r`, always " WHERE ..."; binds go in order.
inline QString reportWhereClause(const RecordFilter &filter, QVariantList *binds)
{
    const QString where = recordFilterWhere(filter, binds);
    return where.isEmpty() ? QStringLiteral(" WHERE r.status <> 1")
                           : where + QStringLiteral(" AND r.status <> 1");
}
