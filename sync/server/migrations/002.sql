-- qingshui-server schema 2: accounts, devices and tokens; review events; photos; concurrent
-- edits flagged; a public feed for kiosks. Every kind of change shares one server_seq,
-- assigned by the store in order (server_meta 'last_seq').

ALTER TABLE record_revision ADD COLUMN base_server_seq INTEGER NOT NULL DEFAULT 0;
-- The server_seq of another device's revision this one overwrote unseen (0: none).
ALTER TABLE record_revision ADD COLUMN conflict_with INTEGER NOT NULL DEFAULT 0;

-- The photos a revision refers to; it is "photos pending" while any of them is not a blob.
CREATE TABLE record_photo (
    server_seq INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (server_seq, sha256)
) WITHOUT ROWID;
CREATE INDEX record_photo_sha ON record_photo(sha256);

-- Blobs whose bytes are stored and verified (the bytes live in the blob directory).
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- A revision's last missing photo arrived: devices that hold it clear "photos pending".
CREATE TABLE photos_arrived (
    server_seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    record_server_seq INTEGER NOT NULL,
    village_code TEXT NOT NULL
);

-- Supervisors' decisions, append-only. `event` is the ReviewEvent message as pushed (with
-- the reviewer set by the server).
CREATE TABLE review_event (
    server_seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    record_server_seq INTEGER NOT NULL,
    decision INTEGER NOT NULL,
    village_code TEXT NOT NULL,
    event BLOB NOT NULL,
    device_id TEXT NOT NULL,
    op_id TEXT NOT NULL
);
CREATE UNIQUE INDEX review_event_op ON review_event(device_id, op_id);
CREATE INDEX review_event_record ON review_event(record_id);

-- Redacted copies of published records: all that kiosks may pull (filled by publishing).
CREATE TABLE public_record (
    server_seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    village_code TEXT NOT NULL,
    record BLOB NOT NULL
);

CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role INTEGER NOT NULL,
    scope_codes TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE device (
    id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id),
    name TEXT NOT NULL,
    enrolled_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER NOT NULL DEFAULT 0
);

-- Opaque tokens are never stored, only their SHA-256.
CREATE TABLE token (
    hash BLOB PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES device(id),
    account_id INTEGER NOT NULL REFERENCES account(id),
    issued_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX token_device ON token(device_id);

INSERT OR IGNORE INTO server_meta (key, value)
    SELECT 'last_seq', coalesce(max(server_seq), 0) FROM record_revision;
