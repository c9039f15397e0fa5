-- Schema 8: the review loop. Every revision of a record this device has seen is kept, the
-- outbox carries a supervisor's decisions as well as records, and a decision the server
-- refuses for good is set aside (with its error) instead of blocking the queue.

-- Past revisions: the record row holds the current one. RecordRepository copies a row the
-- server has numbered here before a newer pulled revision or a local edit overwrites it
-- (an upsert with an UPDATE trigger on record halved the speed of a fresh pull, so the copy
-- is one indexed statement in the repository instead). Key (record_id, server_seq).
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
