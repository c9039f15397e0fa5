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
    q.prepare(QStringLiteral("SELECT p.record_id, s.rowid, s.text FROM search_pending p "
                             "LEFT JOIN record_search s ON s.record_id = p.record_id LIMIT ?"));
    q.addBindValue(batch);
    if (!run(q, error))
        return fail();
    struct Row {
        QString recordId;
        QVariant rowid;
        QString text;
    };
    QList<Row> rows;
    while (q.next())
        rows << Row {q.value(0).toString(), q.value(1), q.value(2).toString()};
    q.finish();

    QSqlQuery drop(db), add(db), done(db);
    drop.prepare(QStringLiteral("DELETE FROM record_fts WHERE rowid = ?"));
    add.prepare(QStringLiteral("INSERT INTO record_fts (rowid, text) VALUES (?, ?)"));
    done.prepare(QStringLiteral("DELETE FROM search_pending WHERE record_id = ?"));
    for (const Row &row : std::as_const(rows)) {
        // A pending id without a search text was deleted: its trigger removed it already.
        if (!row.rowid.isNull()) {
            drop.addBindValue(row.rowid);
            add.addBindValue(row.rowid);
            add.addBindValue(row.text);
            if (!run(drop, error) || !run(add, error))
                return fail();
        }
        done.addBindValue(row.recordId);
        if (!run(done, error))
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
    return q.exec(QStringLiteral("SELECT count(*) FROM search_pending")) && q.next()
        ? q.value(0).toInt()
        : -1;
}

QString phraseQuery(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString condition(const QString &search, QVariantList *binds)
{
    // LIKE folds ASCII case only; the trigram tokenizer folds all of Unicode. Records can
    // differ between the two paths only in non-ASCII letters with case (none in Chinese).
    if (search.toUcs4().size() < 3) {
        *binds << likeContains(search);
        return QStringLiteral(
            "r.id IN (SELECT record_id FROM record_search WHERE text LIKE ? ESCAPE '\\')");
    }
    *binds << phraseQuery(search) << likeContains(search);
    return QStringLiteral(
        "r.id IN (SELECT s.record_id FROM record_fts f JOIN record_search s ON s.rowid = f.rowid "
        "WHERE record_fts MATCH ? AND s.record_id NOT IN (SELECT record_id FROM search_pending) "
        "UNION ALL SELECT p.record_id FROM search_pending p "
        "JOIN record_search s ON s.record_id = p.record_id WHERE s.text LIKE ? ESCAPE '\\')");
}

} // namespace SearchIndex
