-- Schema 12: the photos a supervisor's device fetched from the server for review (issue 13).
-- Only these are ever evicted to keep within the photo budget; photos taken on this device
-- (the inspector's own, waiting in blob_outbox or not) never appear here. shown_at_ms is when
-- a record view last showed the photo (0: never), for least-recently-shown eviction.
CREATE TABLE photo_cache (
    sha256 TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL,
    fetched_at_ms INTEGER NOT NULL,
    shown_at_ms INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
