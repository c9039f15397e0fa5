#include "searchindex.h"

#include "searchindexfile.h"
#include "sqllike.h"

#include "common/sqlitestatement.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace SearchIndex {

int indexPending(QSqlDatabase db, int batch, QString *error)
{
    QSqlQuery q(db);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return -1;
    };
    // Deferred, and a write to the index's file first: its write lock is taken before
    // anything is read, and the store's is never taken, so a pull writes on meanwhile. The
    // texts are read from the store as of this transaction's first read of it.
    if (!q.exec(QStringLiteral("BEGIN")))
        return fail(q.lastError().text());
    if (!q.exec(QStringLiteral("UPDATE search.search_progress SET entries = entries")))
        return fail(q.lastError().text());
    // Through SqliteStatement, the texts stay UTF-8 from the read to the index: QSqlQuery
    // turned each into UTF-16 and back, and bound it by placeholder name (a tenth of the
    // indexer's time).
    SqliteStatement fresh(db,
                          "SELECT id, text FROM main.record_search "
                          "WHERE id > (SELECT indexed_through FROM search.search_progress) "
                          "ORDER BY id LIMIT ?");
    SqliteStatement add(db, "INSERT INTO search.record_fts (rowid, text) VALUES (?, ?)");
    fresh.bind(1, batch);
    int indexed = 0;
    qint64 last = 0;
    while (fresh.step()) {
        last = fresh.columnInt64(0);
        const QByteArray text = foldAsciiCase(fresh.columnBlob(1));
        add.bind(1, last);
        add.bindText(2, std::string_view(text.constData(), size_t(text.size())));
        add.step();
        if (add.hasError())
            return fail(add.error());
        add.reset();
        ++indexed;
    }
    if (fresh.hasError())
        return fail(fresh.error());
    if (indexed > 0) {
        SqliteStatement mark(db,
                             "UPDATE search.search_progress "
                             "SET indexed_through = ?, entries = entries + ?");
        mark.bind(1, last);
        mark.bind(2, indexed);
        mark.step();
        if (mark.hasError())
            return fail(mark.error());
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q.lastError().text());
    return indexed;
}

int pendingCount(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM record_search WHERE id > "
                                 "(SELECT indexed_through FROM search.search_progress)"))
            && q.next()
        ? q.value(0).toInt()
        : -1;
}

namespace {

// The index's entries, and how many of them still join a search text.
bool countEntries(QSqlDatabase db, qint64 *entries, qint64 *live)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT p.entries, (SELECT count(*) FROM record_search "
                               "WHERE id <= p.indexed_through) FROM search.search_progress p"))
        || !q.next())
        return false;
    *entries = q.value(0).toLongLong();
    *live = q.value(1).toLongLong();
    return true;
}

} // namespace

qint64 staleEntries(QSqlDatabase db)
{
    qint64 entries = 0, live = 0;
    return countEntries(db, &entries, &live) ? entries - live : -1;
}

bool clearIfMostlyStale(QSqlDatabase db, QString *error)
{
    qint64 entries = 0, live = 0;
    if (!countEntries(db, &entries, &live)) {
        if (error)
            *error = QStringLiteral("cannot count the search index's entries");
        return false;
    }
    if (entries - live <= std::max<qint64>(live, kStaleEntriesBeforeClearing))
        return true;
    QString ignored;
    return SearchIndexFile::clear(db, error ? error : &ignored);
}

QByteArray foldAsciiCase(QByteArray utf8)
{
    // ASCII bytes never occur inside a multi-byte UTF-8 sequence.
    for (char &c : utf8) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return utf8;
}

QString indexQuery(const QString &text)
{
    QString phrase = QString::fromUtf8(foldAsciiCase(text.toUtf8()));
    phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + phrase + QLatin1Char('"');
}

namespace {

// `column` holds `search`, as LIKE compares (ASCII case folded). A search without ASCII
// letters has no case to fold: instr() finds it by bytes, several times faster than LIKE.
QString holds(const char *column, const QString &search, QVariantList *binds)
{
    const bool hasAsciiLetter = std::any_of(
        search.begin(), search.end(), [](QChar c) { return c.unicode() < 128 && c.isLetter(); });
    if (hasAsciiLetter) {
        *binds << likeContains(search);
        return QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
    }
    *binds << search;
    return QStringLiteral("instr(%1, ?) > 0").arg(QLatin1String(column));
}

} // namespace

QString matches(const QString &search, QVariantList *binds)
{
    if (search.toUcs4().size() < 3) {
        const QString where = holds("text", search, binds);
        return QStringLiteral("SELECT record_id, updated_at_ms FROM record_search WHERE ") + where;
    }
    // Indexed texts through the index, texts above its high-water mark by reading them: each
    // record comes once. An entry whose row id is gone (its text changed, its record went)
    // joins nothing. Both paths fold ASCII case only.
    *binds << indexQuery(search);
    return QStringLiteral("SELECT s.record_id, s.updated_at_ms FROM search.record_fts f "
                          "JOIN record_search s ON s.id = f.rowid WHERE record_fts MATCH ? "
                          "UNION ALL SELECT record_id, updated_at_ms FROM record_search "
                          "WHERE id > (SELECT indexed_through FROM search.search_progress) "
                          "AND ")
        + holds("text", search, binds);
}

QString condition(const QString &search, QVariantList *binds)
{
    return QStringLiteral("r.id IN (SELECT record_id FROM (%1))").arg(matches(search, binds));
}

} // namespace SearchIndex
