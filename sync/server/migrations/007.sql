-- qingshui-server schema 7: invites (`qingshui-server invite`) that a tablet redeems once with
-- Auth.Enrol, and the failed enrolments that throttle guessing.

-- The secret is never stored, only its SHA-256. An invite is used once: used_at_ms and the
-- device that used it are set in the transaction that issues that device's token.
CREATE TABLE invite (
    id INTEGER PRIMARY KEY,
    secret_hash BLOB NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES account(id),
    address TEXT NOT NULL,                 -- HOST:PORT the code names
    fingerprint TEXT NOT NULL DEFAULT '',  -- hex of the certificate fingerprint ('' plaintext)
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    used_at_ms INTEGER NOT NULL DEFAULT 0,
    used_by_device TEXT NOT NULL DEFAULT '',
    revoked_at_ms INTEGER NOT NULL DEFAULT 0
);

-- Every refused enrolment, by the caller's address (without its port) and the user name it
-- gave: 5 in 15 minutes for either refuse the next ones whatever they hold. In the database,
-- not in memory, so that servers sharing it share the count.
CREATE TABLE enrol_failure (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    peer TEXT NOT NULL,
    username TEXT NOT NULL
);
CREATE INDEX enrol_failure_peer ON enrol_failure(peer, at_ms);
CREATE INDEX enrol_failure_username ON enrol_failure(username, at_ms);
