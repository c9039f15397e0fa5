-- Schema 15: the fingerprint of each record's current revision as the server gave it (server
-- schema 10), and the one of the revision a decision was made on. A decision sends it with the
-- revision's number, so that after a server restore it never lands on a revision numbered
-- alike in the new history (docs/sync.md, "Epoch and restore"). 0: not known (older rows).
ALTER TABLE record ADD COLUMN server_fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_event ADD COLUMN record_fingerprint INTEGER NOT NULL DEFAULT 0;
