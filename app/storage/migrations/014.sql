-- Schema 14: a decision the server refused for good keeps why as a code and its arguments
-- (the server's Refusal, or the app's own SyncErrorCode), worded when it is shown, in the
-- language the user reads it in; `error` keeps the English detail for logs (and is what older
-- rows show).

ALTER TABLE outbox_set_aside ADD COLUMN error_code TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_set_aside ADD COLUMN error_args TEXT NOT NULL DEFAULT '[]';
