-- qingshui-server schema 11: the guessing throttle keeps the device each failed Login or
-- Enrol named and whether that device was enrolled for the account it named (own_device), so
-- that an account's own tablets are not held by what strangers fail (GuessThrottle).
ALTER TABLE enrol_failure ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE enrol_failure ADD COLUMN own_device INTEGER NOT NULL DEFAULT 0;
CREATE INDEX enrol_failure_device ON enrol_failure(username, device_id, at_ms);
