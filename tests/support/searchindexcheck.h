#pragma once

#include "storage/searchindex.h"

#include <QSqlDatabase>
#include <QSqlQuery>

// What the full-text index holds against the search texts it has indexed: each text at or
// below its high-water mark is found, by all of its trigrams, under its own row id.
struct SearchIndexCheck {
    int texts = -1;
    int indexed = -1; // texts at or below the high-water mark
    int foundByTheirText = -1;
};

inline SearchIndexCheck checkSearchIndex(QSqlDatabase db)
{
    SearchIndexCheck c;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, text, id <= (SELECT indexed_through FROM "
                               "search.search_progress) FROM record_search")))
        return c;
    c.texts = c.indexed = c.foundByTheirText = 0;
    while (q.next()) {
        ++c.texts;
        if (!q.value(2).toBool())
            continue;
        ++c.indexed;
        QSqlQuery match(db);
        match.prepare(QStringLiteral(
            "SELECT count(*) FROM search.record_fts WHERE record_fts MATCH ? AND rowid = ?"));
        match.addBindValue(SearchIndex::indexQuery(q.value(1).toString()));
        match.addBindValue(q.value(0));
        if (match.exec() && match.next() && match.value(0).toInt() == 1)
            ++c.foundByTheirText;
    }
    return c;
}
