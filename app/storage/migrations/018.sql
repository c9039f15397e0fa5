-- Schema 18: the full-text index moves out of the store into a file of its own beside it
-- (<store>-search, SearchIndexFile), so that its indexer takes that file's write lock and
-- not the store's: it indexes a pull's pages while the pull writes the next ones. The index
-- is derived data; it is built again from record_search in the background (searches read
-- the texts above its high-water mark directly, so they stay exact meanwhile).
-- A trigger in the store cannot write a table in another file, so the index never hears of
-- a changed or deleted text. Instead a text that changes gets a new row id, above the
-- index's high-water mark, and the index is indexed forward only: its entries for gone row
-- ids join no record_search row and are never found. SearchIndex counts them and builds the
-- index again when they outnumber the live ones.

DROP TRIGGER record_search_updated;
DROP TRIGGER record_search_deleted;
DROP TABLE record_fts;
DROP TABLE search_progress;
DROP TABLE search_pending;

CREATE TRIGGER record_search_text_changed AFTER UPDATE OF text ON record_search WHEN old.text IS NOT new.text BEGIN DELETE FROM record_search WHERE id = new.id; INSERT INTO record_search (record_id, updated_at_ms, text) VALUES (new.record_id, new.updated_at_ms, new.text); END;

-- Which store an index file belongs to: a file left beside another store (a restored or
-- replaced one) is built again, not trusted.
CREATE TABLE store_identity (id TEXT NOT NULL);
INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
