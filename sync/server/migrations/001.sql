-- qingshui-server schema 1: the change log of record revisions.

CREATE TABLE IF NOT EXISTS server_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every accepted revision of every record, numbered by server_seq: the change log and the history.
CREATE TABLE IF NOT EXISTS record_revision (
    server_seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    category TEXT NOT NULL,
    village_code TEXT NOT NULL,
    status INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    content BLOB NOT NULL,
    author_device_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    op_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS record_revision_record ON record_revision(record_id);

-- Each (device, op_id) is applied at most once: a repeated op conflicts here and is skipped.
CREATE UNIQUE INDEX IF NOT EXISTS record_revision_op ON record_revision(device_id, op_id);
