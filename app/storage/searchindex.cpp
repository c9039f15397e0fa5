#include "searchindex.h"

#include "sqllike.h"

#include <QSqlError>
#include <QSqlQuery>

namespace SearchIndex {

namespace {

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

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
    struct Row {
        QVariant id; // null: the pending text was deleted (its trigger dropped it already)
        QString recordId;
        QString text;
    };
    QList<Row> rows;
    auto read = [&](QSqlQuery &select) {
        while (select.next())
            rows << Row {select.value(0), select.value(1).toString(), select.value(2).toString()};
        select.finish();
    };
    // Texts stored since the last run first: they sit above the high-water mark.
    q.prepare(QStringLiteral("SELECT id, record_id, text FROM record_search "
                             "WHERE id > (SELECT indexed_through FROM search_progress) "
                             "ORDER BY id LIMIT ?"));
    q.addBindValue(batch);
    if (!run(q, error))
        return fail();
    read(q);
    const qsizetype fresh = rows.size();
    if (fresh < batch) {
        q.prepare(QStringLiteral("SELECT s.id, p.record_id, s.text FROM search_pending p "
                                 "LEFT JOIN record_search s ON s.record_id = p.record_id LIMIT ?"));
        q.addBindValue(batch - int(fresh));
        if (!run(q, error))
            return fail();
        read(q);
    }

    QSqlQuery drop(db), add(db), done(db), mark(db);
    drop.prepare(QStringLiteral("DELETE FROM record_fts WHERE rowid = ?"));
    add.prepare(QStringLiteral("INSERT INTO record_fts (rowid, text) VALUES (?, ?)"));
    done.prepare(QStringLiteral("DELETE FROM search_pending WHERE record_id = ?"));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const bool changedText = i >= fresh;
        if (!row.id.isNull()) {
            // A row above the mark has never been indexed (ids are not reused).
            if (changedText) {
                drop.addBindValue(row.id);
                if (!run(drop, error))
                    return fail();
            }
            add.addBindValue(row.id);
            add.addBindValue(row.text);
            if (!run(add, error))
                return fail();
        }
        if (changedText) {
            done.addBindValue(row.recordId);
            if (!run(done, error))
                return fail();
        }
    }
    if (fresh > 0) {
        mark.prepare(QStringLiteral("UPDATE search_progress SET indexed_through = ?"));
        mark.addBindValue(rows.at(fresh - 1).id);
        if (!run(mark, error))
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
