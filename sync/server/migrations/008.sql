-- qingshui-server schema 8: how far the pushing device's clock was off when each revision
-- arrived (its PushRequest.device_time_ms minus the server's clock; 0: unknown, e.g. pushed
-- by a client that did not send its time). Pulls carry it as Change.device_clock_skew_ms, so
-- a supervisor sees when a tablet's times (record, GPS fix, photo captions) cannot be trusted.

ALTER TABLE record_revision ADD COLUMN device_clock_skew_ms INTEGER NOT NULL DEFAULT 0;
