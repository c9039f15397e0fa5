#include "searchindexfile.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <initializer_list>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace {

// SQLite's result codes for a file that is no database, or a damaged one.
bool isUnreadable(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    return code == QLatin1String("26") || code == QLatin1String("11");
}

// The tables' layout in the file (its user_version). 2: the 16 MB hash below.
constexpr int kLayout = 2;

// Set by the last failed statement: whether the file itself is bad.
thread_local bool t_unreadable = false;

bool exec(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql.left(60), q.lastError().text());
    t_unreadable = isUnreadable(q.lastError());
    return false;
}

// Runs the statements in order; stops at the first that fails.
bool execAll(QSqlDatabase db, std::initializer_list<const char *> statements, QString *error)
{
    return std::all_of(statements.begin(), statements.end(),
                       [&](const char *sql) { return exec(db, QLatin1String(sql), error); });
}

bool attachFile(QSqlDatabase db, const QString &file, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("ATTACH DATABASE ? AS search"));
    q.addBindValue(file);
    if (!q.exec()) {
        *error = QStringLiteral("cannot attach %1: %2").arg(file, q.lastError().text());
        t_unreadable = isUnreadable(q.lastError());
        return false;
    }
    // WAL as the store; NORMAL is enough for an index that can always be built again.
    return exec(db, QStringLiteral("PRAGMA search.journal_mode=WAL"), error)
        && exec(db, QStringLiteral("PRAGMA search.synchronous=NORMAL"), error)
        && exec(db, QStringLiteral("PRAGMA search.journal_size_limit=16777216"), error);
}

// True when the index belongs to this store and is not ahead of its ids. A store copied
// back from a backup can hand out ids again that the index already holds for other texts.
bool belongsToStore(QSqlDatabase db, bool *belongs, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT p.store_id = (SELECT id FROM main.store_identity) AND p.indexed_through <= "
            "coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'record_search'), 0) "
            "FROM search.search_progress p"))) {
        *error = q.lastError().text();
        t_unreadable = isUnreadable(q.lastError());
        return false;
    }
    *belongs = q.next() && q.value(0).toBool();
    return true;
}

bool rollback(QSqlDatabase db)
{
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

// Creates the tables if they are missing, and empties an index that is not this store's.
bool prepareTables(QSqlDatabase db, QString *error)
{
    // Deferred: only this file is written (IMMEDIATE would wait for the store's write lock).
    if (!exec(db, QStringLiteral("BEGIN"), error))
        return false;
    // A file of an older layout is dropped and built in this one.
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("PRAGMA search.user_version")) || !version.next()) {
        *error = version.lastError().text();
        t_unreadable = isUnreadable(version.lastError());
        return rollback(db);
    }
    const int layout = version.value(0).toInt();
    version.finish(); // a statement still open on the file would keep its tables locked
    if (layout != kLayout
        && (!exec(db, QStringLiteral("DROP TABLE IF EXISTS search.record_fts"), error)
            || !exec(db, QStringLiteral("DROP TABLE IF EXISTS search.search_progress"), error)
            || !exec(db, QStringLiteral("PRAGMA search.user_version = %1").arg(kLayout), error)))
        return rollback(db);
    bool belongs = false;
    // Cheaper to fill than a default trigram table, as exact to search: contentless (the text
    // is in record_search already: a fifth faster), ASCII case folded by the indexer as LIKE
    // folds it, not all of Unicode by the tokenizer (a tenth), no automatic merges while
    // indexing (a third; FTS5 still merges a level once it holds 16 segments), and batches
    // gathered in a 16 MB hash, not 1 MB, before they are written as a segment: fewer, larger
    // segments to merge (a sixth, with SearchIndexer's larger batches). Without the
    // positions (detail=none) it filled three times as fast, but every search then had to
    // read the texts it named: searches a third slower.
    if (!execAll(db,
                 {"CREATE TABLE IF NOT EXISTS search.search_progress (store_id TEXT NOT NULL, "
                  "indexed_through INTEGER NOT NULL, entries INTEGER NOT NULL)",
                  "CREATE VIRTUAL TABLE IF NOT EXISTS search.record_fts USING fts5(text, "
                  "tokenize = 'trigram case_sensitive 1', content = '')"},
                 error)
        || !belongsToStore(db, &belongs, error))
        return rollback(db);
    if (!belongs
        && !execAll(
            db,
            {"DELETE FROM search.search_progress",
             "INSERT INTO search.record_fts (record_fts) VALUES ('delete-all')",
             "INSERT INTO search.record_fts (record_fts, rank) VALUES ('automerge', 0)",
             "INSERT INTO search.record_fts (record_fts, rank) VALUES ('hashsize', 16777216)",
             "INSERT INTO search.search_progress SELECT id, 0, 0 FROM main.store_identity"},
            error))
        return rollback(db);
    return exec(db, QStringLiteral("COMMIT"), error) || rollback(db);
}

} // namespace

namespace SearchIndexFile {

QString pathFor(const QString &storePath)
{
    return storePath + QStringLiteral("-search");
}

bool attach(QSqlDatabase db, const QString &storePath, QString *error)
{
    const QString file = pathFor(storePath);
    for (int attempt = 0; attempt < 2; ++attempt) {
        t_unreadable = false;
        if (attachFile(db, file, error) && prepareTables(db, error))
            return true;
        QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE search"));
        // Only a damaged file is thrown away. Otherwise another connection may have set the
        // file up in between (a deferred transaction then cannot write): once more.
        if (t_unreadable)
            break;
    }
    if (!t_unreadable)
        return false;
    qCWarning(lcStore).noquote() << "the search index" << file << "is unusable (" << *error
                                 << "); building it again";
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));
    return attachFile(db, file, error) && prepareTables(db, error);
}

bool clear(QSqlDatabase db, QString *error)
{
    // The write to this file first, so that the lock is taken before anything is read.
    if (!execAll(db,
                 {"BEGIN", "UPDATE search.search_progress SET indexed_through = 0, entries = 0",
                  "INSERT INTO search.record_fts (record_fts) VALUES ('delete-all')"},
                 error))
        return rollback(db);
    return exec(db, QStringLiteral("COMMIT"), error) || rollback(db);
}

} // namespace SearchIndexFile
