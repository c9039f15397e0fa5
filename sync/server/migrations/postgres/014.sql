-- qingshui-server schema 14 on PostgreSQL, as the SQLite 014.sql: the rectification ledger
-- (docs/sync.md, "The ledger"). Problem events and sign-offs are changes numbered in the one
-- server_seq, each with a fingerprint. Times, numbers and fingerprints are bigint, messages
-- bytea. The queries both backends share read the same on either.

-- Every accepted step of every problem, append-only. `event` is the ProblemEvent as pushed
-- with the server's fields set (author, received_at_ms, ledger_month, conflict_with_server_seq).
-- village_code is the problem's village after the event: a pull finds the events of the
-- caller's jurisdiction by it, with the same substr indexes as record_revision (schema 13).
CREATE TABLE problem_event (
    server_seq BIGINT PRIMARY KEY,
    fingerprint BIGINT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    problem_id TEXT NOT NULL,
    action INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    op_id TEXT NOT NULL,
    author TEXT NOT NULL,
    village_code TEXT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    ledger_month TEXT NOT NULL,
    -- another device's event this one overlapped unseen (0: none)
    conflict_with BIGINT NOT NULL DEFAULT 0,
    event BYTEA NOT NULL
);
CREATE UNIQUE INDEX problem_event_op ON problem_event(device_id, op_id);
CREATE INDEX problem_event_problem ON problem_event(problem_id, server_seq);
CREATE INDEX problem_event_county ON problem_event(substr(village_code, 1, 6), server_seq);
CREATE INDEX problem_event_township ON problem_event(substr(village_code, 1, 9), server_seq);

-- The photos an event names, proved like record_photo (schema 12): they count (may be
-- downloaded by whoever covers the problem) once the pushing account holds the bytes.
CREATE TABLE problem_event_photo (
    server_seq BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    account_id BIGINT NOT NULL,
    proved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (server_seq, sha256)
);
CREATE INDEX problem_event_photo_holder ON problem_event_photo(sha256, account_id);

-- Each problem as its events leave it, kept with them in the push's transaction: what the
-- checks, the sign-offs' open items and the kiosks' closure tallies read without folding.
-- raised_month: the ledger month its RAISE counts in.
CREATE TABLE problem (
    problem_id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL,
    state INTEGER NOT NULL,
    raised_month TEXT NOT NULL,
    raised_at_ms BIGINT NOT NULL,
    closed_at_ms BIGINT NOT NULL DEFAULT 0,
    last_server_seq BIGINT NOT NULL
);
CREATE INDEX problem_township ON problem(substr(village_code, 1, 9), raised_month);

-- A township's month signed off at one level, append-only. `signoff` is the LedgerSignoff
-- as pushed with signer and received_at_ms set.
CREATE TABLE ledger_signoff (
    server_seq BIGINT PRIMARY KEY,
    fingerprint BIGINT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    township_code TEXT NOT NULL,
    month TEXT NOT NULL,
    level INTEGER NOT NULL,
    signer TEXT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    op_id TEXT NOT NULL,
    signoff BYTEA NOT NULL,
    UNIQUE (township_code, month, level)
);
CREATE UNIQUE INDEX ledger_signoff_op ON ledger_signoff(device_id, op_id);

-- Kiosks: a published closed problem's redacted copy (PublicProblem), numbered with its
-- PUBLISH event (it shares that event's number and fingerprint), and the public renditions
-- it lists, each with the original it was made from (as public_photo for records).
CREATE TABLE public_problem (
    server_seq BIGINT PRIMARY KEY,
    problem_id TEXT NOT NULL UNIQUE,
    village_code TEXT NOT NULL,
    problem BYTEA NOT NULL
);
CREATE TABLE public_problem_photo (
    problem_id TEXT NOT NULL,
    rendition_sha256 TEXT NOT NULL,
    original_sha256 TEXT NOT NULL,
    PRIMARY KEY (problem_id, rendition_sha256)
);
CREATE INDEX public_problem_photo_rendition ON public_problem_photo(rendition_sha256);
