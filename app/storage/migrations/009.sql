-- Schema 9: the supervisor's review queue. Full-text search over each record's search text
-- (FTS5, trigram: Chinese is found by substring), filled off the save and pull paths, and the
-- user name the server stamped on each revision (the inspector filter).

ALTER TABLE record ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE INDEX record_author_filter ON record(author, updated_at_ms DESC);

-- Row ids are record_search's. Only SearchIndex writes it.
CREATE VIRTUAL TABLE record_fts USING fts5(text, tokenize = 'trigram');

-- Search texts written since the index last caught up: searches read these rows from
-- record_search directly, so a record just stored is found at once.
CREATE TABLE search_pending (record_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO search_pending (record_id) SELECT record_id FROM record_search;

-- Kept by the database itself, whichever code writes record_search (one line each: the
-- migration runner splits statements at line ends). NOT EXISTS, not OR IGNORE: an upsert's
-- conflict policy would override the trigger's.
CREATE TRIGGER record_search_inserted AFTER INSERT ON record_search BEGIN INSERT INTO search_pending (record_id) SELECT new.record_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE record_id = new.record_id); END;
CREATE TRIGGER record_search_updated AFTER UPDATE OF text ON record_search WHEN old.text IS NOT new.text BEGIN INSERT INTO search_pending (record_id) SELECT new.record_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE record_id = new.record_id); END;
CREATE TRIGGER record_search_deleted AFTER DELETE ON record_search BEGIN DELETE FROM record_fts WHERE rowid = old.rowid; DELETE FROM search_pending WHERE record_id = old.record_id; END;
