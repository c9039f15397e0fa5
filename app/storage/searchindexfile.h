#pragma once

#include <QSqlDatabase>
#include <QString>

// The full-text index's own SQLite file beside the store (schema 18): <store>-search,
// attached to every connection of the store as the schema "search". A file of its own
// has a write lock of its own, so the indexer fills it while a pull writes the store.
// It holds derived data only: record_fts (FTS5, trigram, contentless: the texts stay in the
// store's record_search, keyed by its row ids) and search_progress (the store it belongs
// to, the high-water mark of record_search ids indexed, how many entries were added).
namespace SearchIndexFile {

QString pathFor(const QString &storePath);

// Attaches the file to `db` (the store at storePath, migrated). A missing file is created;
// a file that is no SQLite database is replaced; an index of another store, or one ahead of
// this store's ids (the store was restored from a copy), is emptied to be built again.
// False with *error set when the file cannot be used.
bool attach(QSqlDatabase db, const QString &storePath, QString *error);

// Empties the index and its high-water mark: the indexer builds it again from the texts.
bool clear(QSqlDatabase db, QString *error);

} // namespace SearchIndexFile
