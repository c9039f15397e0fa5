#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// The full-text index over record_search: an FTS5 trigram table in a file of its own
// (SearchIndexFile) that a background indexer fills, and the search condition that stays
// exact while it is behind. Searches of three characters or more use the index for every
// indexed row and read the rows still pending (above its high-water mark) directly; shorter
// ones (no trigram to look up) read every search text. A text that changes gets a new row
// id (schema 18's trigger), so the index only ever adds: entries of gone ids join nothing.
namespace SearchIndex {

// Indexes up to `batch` pending search texts in one transaction of the index's file (the
// store's write lock is not taken). Returns how many were indexed, -1 on error (with *error
// set; nothing changed).
int indexPending(QSqlDatabase db, int batch, QString *error = nullptr);

// How many search texts wait for the index.
int pendingCount(QSqlDatabase db);

// Entries whose text changed or went since they were indexed; -1 on error.
qint64 staleEntries(QSqlDatabase db);

// Empties the index, to be built again, once stale entries outnumber both the live ones and
// kStaleEntriesBeforeClearing. True when it did not need to, or did.
bool clearIfMostlyStale(QSqlDatabase db, QString *error = nullptr);
constexpr qint64 kStaleEntriesBeforeClearing = 1000;

// A SELECT of (record_id, updated_at_ms), once for each record whose search text contains
// `search` (trimmed, not empty), case-insensitively; binds go in order.
QString matches(const QString &search, QVariantList *binds);

// The same as a WHERE condition on `r.id` (the record table as r).
QString condition(const QString &search, QVariantList *binds);

// The index's query for a literal substring of three characters or more: one quoted phrase,
// ASCII case folded as the indexed texts are.
QString indexQuery(const QString &text);

// The text as the index holds it: ASCII letters in lower case (as LIKE compares them).
QByteArray foldAsciiCase(QByteArray utf8);

} // namespace SearchIndex
