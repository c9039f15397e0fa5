#include "searchindex.h"

#include "sqllike.h"

#include "common/sqlitestatement.h"

#include <QSqlError>
#include <QSqlQuery>

namespace SearchIndex {

int indexPending(QSqlDatabase db, int batch, QString *error)
{
    // IMMEDIATE: the write lock from the first read, so no text can change between reading
    // it here and marking it indexed.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    auto fail = [&] {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return -1;
    };
    // Through SqliteStatement, the texts stay UTF-8 from the read to the index: QSqlQuery
    // turned each into UTF-16 and back, and bound it by placeholder name (a tenth of the
    // indexer's time).
    auto failed = [&](const SqliteStatement &statement) {
        if (!statement.hasError())
            return false;
        if (error)
            *error = statement.error();
        return true;
    };
    struct Row {
        qint64 id = 0; // 0: the pending text was deleted (its trigger dropped it already)
        QByteArray recordId;
        QByteArray text; // UTF-8
    };
    QList<Row> rows;
    auto read = [&](SqliteStatement &select) {
        while (select.step())
            rows << Row {select.columnInt64(0), select.columnBlob(1), select.columnBlob(2)};
        return !failed(select);
    };
    {
        // Texts stored since the last run first: they sit above the high-water mark.
        SqliteStatement fresh(db,
                              "SELECT id, record_id, text FROM record_search "
                              "WHERE id > (SELECT indexed_through FROM search_progress) "
                              "ORDER BY id LIMIT ?");
        fresh.bind(1, batch);
        if (!read(fresh))
            return fail();
    }
    const qsizetype fresh = rows.size();
    if (fresh < batch) {
        // Ids start at 1 (AUTOINCREMENT): 0 stands for a text deleted since.
        SqliteStatement changed(db,
                                "SELECT coalesce(s.id, 0), p.record_id, coalesce(s.text, '') "
                                "FROM search_pending p "
                                "LEFT JOIN record_search s ON s.record_id = p.record_id LIMIT ?");
        changed.bind(1, batch - int(fresh));
        if (!read(changed))
            return fail();
    }

    SqliteStatement drop(db, "DELETE FROM record_fts WHERE rowid = ?");
    SqliteStatement add(db, "INSERT INTO record_fts (rowid, text) VALUES (?, ?)");
    SqliteStatement done(db, "DELETE FROM search_pending WHERE record_id = ?");
    auto run = [&](SqliteStatement &statement) {
        statement.step();
        const bool ok = !failed(statement);
        statement.reset();
        return ok;
    };
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const bool changedText = i >= fresh;
        if (row.id != 0) {
            // A row above the mark has never been indexed (ids are not reused).
            if (changedText) {
                drop.bind(1, row.id);
                if (!run(drop))
                    return fail();
            }
            add.bind(1, row.id);
            add.bindText(2, std::string_view(row.text.constData(), size_t(row.text.size())));
            if (!run(add))
                return fail();
        }
        if (changedText) {
            done.bindText(1,
                          std::string_view(row.recordId.constData(), size_t(row.recordId.size())));
            if (!run(done))
                return fail();
        }
    }
    if (fresh > 0) {
        SqliteStatement mark(db, "UPDATE search_progress SET indexed_through = ?");
        mark.bind(1, rows.at(fresh - 1).id);
        if (!run(mark))
            return fail();
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        if (error)
            *error = q.lastError().text();
        return fail();
    }
    return int(rows.size());
}

int pendingCount(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral(
               "SELECT (SELECT count(*) FROM search_pending) + (SELECT count(*) FROM "
               "record_search WHERE id > (SELECT indexed_through FROM search_progress))"))
            && q.next()
        ? q.value(0).toInt()
        : -1;
}

QString phraseQuery(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString matches(const QString &search, QVariantList *binds)
{
    // LIKE folds ASCII case only; the trigram tokenizer folds all of Unicode. Records can
    // differ between the two paths only in non-ASCII letters with case (none in Chinese).
    if (search.toUcs4().size() < 3) {
        *binds << likeContains(search);
        return QStringLiteral("SELECT record_id, updated_at_ms FROM record_search "
                              "WHERE text LIKE ? ESCAPE '\\'");
    }
    // Indexed texts through the index; texts above the high-water mark and texts changed since
    // they were indexed by reading them. The three are disjoint: each record comes once.
    *binds << phraseQuery(search) << likeContains(search) << likeContains(search);
    return QStringLiteral(
        "SELECT s.record_id, s.updated_at_ms FROM record_fts f "
        "JOIN record_search s ON s.id = f.rowid "
        "WHERE record_fts MATCH ? AND s.record_id NOT IN (SELECT record_id FROM search_pending) "
        "UNION ALL SELECT record_id, updated_at_ms FROM record_search "
        "WHERE id > (SELECT indexed_through FROM search_progress) AND text LIKE ? ESCAPE '\\' "
        // CROSS JOIN: read the few pending rows, never scan every text (the planner has no
        // statistics to know search_pending is small).
        "UNION ALL SELECT p.record_id, s.updated_at_ms FROM search_pending p "
        "CROSS JOIN record_search s ON s.record_id = p.record_id "
        "WHERE s.text LIKE ? ESCAPE '\\'");
}

QString condition(const QString &search, QVariantList *binds)
{
    return QStringLiteral("r.id IN (SELECT record_id FROM (%1))").arg(matches(search, binds));
}

} // namespace SearchIndex
