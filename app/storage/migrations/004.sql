-- Schema 4: the search text leaves the record row. Marking records synced rewrites their
-- rows; without a second copy of every answer in them those rows are half the size.

CREATE TABLE record_search (
    record_id TEXT PRIMARY KEY,
    text TEXT NOT NULL
);

INSERT INTO record_search (record_id, text) SELECT id, search_text FROM record;

ALTER TABLE record DROP COLUMN search_text;
