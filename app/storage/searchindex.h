#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// The full-text index over record_search (schemas 9 and 10): an FTS5 trigram table that a
// background indexer fills, and the search condition that stays exact while it is behind.
// Searches of three characters or more use the index for every indexed row and read the
// rows still pending (above the high-water mark, or changed since) directly; shorter ones (no
// trigram to look up) read every search text.
namespace SearchIndex {

// Indexes up to `batch` pending search texts in one write transaction. Returns how many
// were indexed, -1 on error (with *error set; nothing changed).
int indexPending(QSqlDatabase db, int batch, QString *error = nullptr);

// How many search texts wait for the index.
int pendingCount(QSqlDatabase db);

// A SELECT of (record_id, updated_at_ms), once for each record whose search text contains
// `search` (trimmed, not empty), case-insensitively; binds go in order.
QString matches(const QString &search, QVariantList *binds);

// The same as a WHERE condition on `r.id` (the record table as r).
QString condition(const QString &search, QVariantList *binds);

// The FTS5 query for a literal substring: one quoted phrase.
QString phraseQuery(const QString &text);

} // namespace SearchIndex
