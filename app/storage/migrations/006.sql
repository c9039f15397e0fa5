-- Schema 6: the photos the server does not hold yet. A submit queues the photos its record
-- refers to in the same transaction; a row leaves when the server says the blob is complete.

CREATE TABLE blob_outbox (
    sha256 TEXT PRIMARY KEY,
    queued_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- Records submitted before this schema went to servers that took no photos: queue the
-- photos of this device's own records (photo answers are 64-hex SHA-256 strings).
INSERT OR IGNORE INTO blob_outbox (sha256, queued_at_ms)
    SELECT DISTINCT j.value, CAST(strftime('%s', 'now') AS INTEGER) * 1000
    FROM record r,
         json_tree(CASE WHEN json_valid(CAST(r.content AS TEXT))
                        THEN CAST(r.content AS TEXT) ELSE '{}' END) j
    WHERE r.status >= 2
      AND r.author_device_id = (SELECT value FROM sync_meta WHERE key = 'device_id')
      AND j.type = 'text' AND length(j.value) = 64 AND NOT j.value GLOB '*[^0-9a-f]*';
