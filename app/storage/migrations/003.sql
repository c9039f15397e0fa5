-- Schema 3: find a record's queued ops by index (acknowledging a pushed batch asks, for each
-- record, whether a later op of it is still queued).

CREATE INDEX outbox_record ON outbox(record_id, client_seq);
