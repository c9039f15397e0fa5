-- Schema 8: the review loop. Every revision of a record this device has seen is kept, the
-- outbox carries a supervisor's decisions as well as records, and a decision the server
-- refuses for good is set aside (with its error) instead of blocking the queue.

-- Past revisions: the record row holds the current one. Filled by the trigger below when a
-- row the server has numbered is overwritten (a newer pulled revision, or a local edit of a
-- returned record); a fresh record's INSERT never fires it, so a first pull pays nothing.
CREATE TABLE record_revision (
    record_id TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    category TEXT NOT NULL,
    village_code TEXT NOT NULL,
    status INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    content BLOB NOT NULL,
    author_device_id TEXT NOT NULL,
    PRIMARY KEY (record_id, server_seq)
) WITHOUT ROWID;

-- A resubmitted record is overwritten twice with the same old revision number (the local
-- edit, then the server's numbered copy of it): the first keeps the old content. NOT EXISTS
-- rather than OR IGNORE, which the outer upsert's conflict handling would override.
-- (The body's statement ends on the END line: the migration runner splits at a line's ';'.)
CREATE TRIGGER record_keeps_revisions BEFORE UPDATE OF content, server_seq ON record
WHEN OLD.server_seq > 0
     AND (NEW.server_seq <> OLD.server_seq OR NEW.content IS NOT OLD.content)
     AND NOT EXISTS (SELECT 1 FROM record_revision
                     WHERE record_id = OLD.id AND server_seq = OLD.server_seq)
BEGIN
    INSERT INTO record_revision (record_id, server_seq, template_id,
        template_version, category, village_code, status, created_at_ms, updated_at_ms,
        content, author_device_id)
    VALUES (OLD.id, OLD.server_seq, OLD.template_id, OLD.template_version, OLD.category,
        OLD.village_code, OLD.status, OLD.created_at_ms, OLD.updated_at_ms, OLD.content,
        OLD.author_device_id); END;

-- NULL: the op carries the record's content; otherwise the review event it carries.
ALTER TABLE outbox ADD COLUMN review_id TEXT;

-- Decisions the server refused because it does not know the record or revision (e.g. after
-- it was restored from a backup): out of the queue, with the server's words for the UI.
CREATE TABLE outbox_set_aside (
    op_id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    error TEXT NOT NULL,
    set_aside_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
