-- Schema 5: what the server says about each record (photos still on their way, a concurrent
-- edit it overwrote), supervisors' review events, and the op that carried each submitted
-- revision, re-sent as it was after the server is restored from a backup.

ALTER TABLE record ADD COLUMN photos_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record ADD COLUMN conflict_with INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record ADD COLUMN op_id TEXT NOT NULL DEFAULT '';

UPDATE record SET op_id = coalesce(
    (SELECT o.op_id FROM outbox o WHERE o.record_id = record.id ORDER BY o.client_seq DESC LIMIT 1),
    '');

CREATE TABLE review_event (
    id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    record_server_seq INTEGER NOT NULL,
    decision INTEGER NOT NULL,
    comment TEXT NOT NULL,
    question_comments TEXT NOT NULL,
    published_photos TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    server_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_event_record ON review_event(record_id, server_seq);
