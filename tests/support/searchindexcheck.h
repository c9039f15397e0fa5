#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

// What the full-text index holds against the search texts it indexes: after catching up,
// one entry per text, each with the same text.
struct SearchIndexCheck {
    int texts = -1;
    int entries = -1;
    int entriesMatchingTheirText = -1;
};

inline SearchIndexCheck checkSearchIndex(QSqlDatabase db)
{
    SearchIndexCheck c;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM record_search), (SELECT count(*) FROM record_fts), "
            "(SELECT count(*) FROM record_search s JOIN record_fts f ON f.rowid = s.id "
            "WHERE f.text = s.text)"))
        && q.next()) {
        c.texts = q.value(0).toInt();
        c.entries = q.value(1).toInt();
        c.entriesMatchingTheirText = q.value(2).toInt();
    }
    return c;
}
