-- Schema 10: a new search text waits for the index by its row id alone. Row ids only grow
-- (AUTOINCREMENT: a deleted row's id is never handed out again), so everything above the
-- index's high-water mark is unindexed; a pulled page no longer writes a search_pending row
-- per record (that trigger cost a quarter of a fresh pull). search_pending keeps texts that
-- changed after they were indexed.
-- The search row also carries the list's sort key (the record's updated_at_ms, written by the
-- same upsert), so that a search sorts and pages its matches without reading their records.

DROP TRIGGER record_search_inserted;
DROP TRIGGER record_search_updated;
DROP TRIGGER record_search_deleted;

-- Same row ids: record_fts refers to them.
CREATE TABLE record_search_v10 (id INTEGER PRIMARY KEY AUTOINCREMENT, record_id TEXT NOT NULL UNIQUE, updated_at_ms INTEGER NOT NULL, text TEXT NOT NULL);
INSERT INTO record_search_v10 (id, record_id, updated_at_ms, text) SELECT s.rowid, s.record_id, coalesce(r.updated_at_ms, 0), s.text FROM record_search s LEFT JOIN record r ON r.id = s.record_id;
DROP TABLE record_search;
ALTER TABLE record_search_v10 RENAME TO record_search;

-- Every row up to here is in the index or in search_pending.
CREATE TABLE search_progress (indexed_through INTEGER NOT NULL);
INSERT INTO search_progress (indexed_through) SELECT coalesce(max(id), 0) FROM record_search;

CREATE TRIGGER record_search_updated AFTER UPDATE OF text ON record_search WHEN old.text IS NOT new.text AND old.id <= (SELECT indexed_through FROM search_progress) BEGIN INSERT INTO search_pending (record_id) SELECT new.record_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE record_id = new.record_id); END;
CREATE TRIGGER record_search_deleted AFTER DELETE ON record_search BEGIN DELETE FROM record_fts WHERE rowid = old.id; DELETE FROM search_pending WHERE record_id = old.record_id; END;
