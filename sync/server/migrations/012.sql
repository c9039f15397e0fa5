-- qingshui-server schema 12: naming a photo grants nothing, and uploads in progress live in
-- the database.
--
-- A photo counts for a revision (its visibility, "photos pending") only once proved: the
-- account that pushed the revision has uploaded the bytes (blob_holder), or could already
-- see the blob when it pushed. account_id is the pushing account.
ALTER TABLE record_photo ADD COLUMN account_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_photo ADD COLUMN proved INTEGER NOT NULL DEFAULT 0;
UPDATE record_photo SET account_id = coalesce(
    (SELECT a.id FROM record_revision r JOIN account a ON a.username = r.author
     WHERE r.server_seq = record_photo.server_seq), 0);
-- Rows from before schema 12 whose blob is stored were accepted under the old rule: they
-- stay proved (nobody recorded who sent the bytes). The others wait for their account.
UPDATE record_photo SET proved = 1 WHERE sha256 IN (SELECT sha256 FROM blob);
CREATE INDEX record_photo_holder ON record_photo(sha256, account_id);

-- The accounts that proved they hold a blob's bytes by uploading all of them (or that
-- could see it already when they asked about it).
CREATE TABLE blob_holder (
    sha256 TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    proved_at_ms INTEGER NOT NULL,
    PRIMARY KEY (sha256, account_id)
);

-- One device's upload of one blob under way: the bytes are in <blobs>/partial/<file_name>,
-- every server process behind one address appends the next chunk at received_bytes.
-- Partials made before schema 12 have no row: they are swept by age.
CREATE TABLE blob_upload (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    file_name TEXT NOT NULL UNIQUE,
    total_size INTEGER NOT NULL,
    received_bytes INTEGER NOT NULL DEFAULT 0,
    started_at_ms INTEGER NOT NULL,
    last_chunk_at_ms INTEGER NOT NULL,
    UNIQUE (sha256, account_id, device_id)
);
CREATE INDEX blob_upload_idle ON blob_upload(last_chunk_at_ms);
