-- Schema 11: the sync log, what the settings page shows of the last sync attempts (when, how
-- long, the outcome, what went up and down, and the error). The sync worker writes a row
-- after each attempt and keeps the newest 50 (SyncLogRepository). The error is kept as a
-- code and its arguments (JSON array of strings) so that it is worded in the language of
-- the moment; error_detail keeps the message as it was, for logs and for codes this version
-- does not know.

CREATE TABLE sync_log (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL, outcome TEXT NOT NULL, server TEXT NOT NULL DEFAULT '', pushed INTEGER NOT NULL DEFAULT 0, pulled INTEGER NOT NULL DEFAULT 0, photos_sent INTEGER NOT NULL DEFAULT 0, photos_received INTEGER NOT NULL DEFAULT 0, error_code TEXT NOT NULL DEFAULT '', error_args TEXT NOT NULL DEFAULT '[]', error_detail TEXT NOT NULL DEFAULT '');
