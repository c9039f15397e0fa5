-- Schema 16: the rectification ledger (issue 16). A problem's events as the server numbered
-- them (server_seq 0: made here, not numbered yet), the problem each folds to, kept
-- materialized for the ledger's filters and sort, the townships' monthly sign-offs, and for
-- kiosks the public problems and the closure tallies. An event or sign-off the server refused
-- for good keeps the refusal (code and args) and is never deleted: set_aside_at_ms > 0.

CREATE TABLE problem_event (
    id TEXT PRIMARY KEY,
    problem_id TEXT NOT NULL,
    action INTEGER NOT NULL,
    base_server_seq INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    photos TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    accuracy_m REAL,
    fixed_at_ms INTEGER NOT NULL DEFAULT 0,
    village_code TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    severity INTEGER NOT NULL DEFAULT 1,
    record_id TEXT NOT NULL DEFAULT '',
    question_id TEXT NOT NULL DEFAULT '',
    responsible_kind INTEGER NOT NULL DEFAULT 0,
    responsible_code TEXT NOT NULL DEFAULT '',
    responsible_name TEXT NOT NULL DEFAULT '',
    deadline_ms INTEGER NOT NULL DEFAULT 0,
    recheck_passed INTEGER NOT NULL DEFAULT 0,
    off_site_reason TEXT NOT NULL DEFAULT '',
    published_before TEXT NOT NULL DEFAULT '',
    published_after TEXT NOT NULL DEFAULT '',
    ledger_month TEXT NOT NULL DEFAULT '',
    conflict_with_server_seq INTEGER NOT NULL DEFAULT 0,
    received_at_ms INTEGER NOT NULL DEFAULT 0,
    server_seq INTEGER NOT NULL DEFAULT 0,
    local_order INTEGER NOT NULL DEFAULT 0,
    refusal_code TEXT NOT NULL DEFAULT '',
    refusal_args TEXT NOT NULL DEFAULT '[]',
    set_aside_at_ms INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX problem_event_problem ON problem_event(problem_id, server_seq);
CREATE INDEX problem_event_set_aside ON problem_event(set_aside_at_ms) WHERE set_aside_at_ms > 0;
-- The next local_order without reading every pulled event (theirs is 0).
CREATE INDEX problem_event_local ON problem_event(local_order) WHERE local_order > 0;

-- The fold of a problem's events (ProblemLedger::fold). township_code and county_code are the
-- village code's first 9 and 6 digits: the ledger filters by them.
CREATE TABLE problem (
    id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL,
    township_code TEXT NOT NULL,
    county_code TEXT NOT NULL,
    category TEXT NOT NULL,
    severity INTEGER NOT NULL,
    description TEXT NOT NULL,
    state INTEGER NOT NULL,
    recheck_passed INTEGER NOT NULL,
    responsible_kind INTEGER NOT NULL,
    responsible_code TEXT NOT NULL,
    responsible_name TEXT NOT NULL,
    deadline_ms INTEGER NOT NULL,
    raised_by TEXT NOT NULL,
    raised_at_ms INTEGER NOT NULL,
    closed_at_ms INTEGER NOT NULL,
    latitude REAL,
    longitude REAL,
    ledger_month TEXT NOT NULL,
    last_server_seq INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    published INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    before_photos TEXT NOT NULL,
    after_photos TEXT NOT NULL
) WITHOUT ROWID;
-- The ledger's filters (unit, state) in its sort order (deadline, raised).
CREATE INDEX problem_county_state ON problem(county_code, state, deadline_ms, raised_at_ms);
CREATE INDEX problem_township_state ON problem(township_code, state, deadline_ms, raised_at_ms);
CREATE INDEX problem_state ON problem(state, deadline_ms, raised_at_ms);

CREATE TABLE ledger_signoff (
    id TEXT PRIMARY KEY,
    township_code TEXT NOT NULL,
    month TEXT NOT NULL,
    level INTEGER NOT NULL,
    acknowledged TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    created_at_ms INTEGER NOT NULL,
    signer TEXT NOT NULL DEFAULT '',
    received_at_ms INTEGER NOT NULL DEFAULT 0,
    server_seq INTEGER NOT NULL DEFAULT 0,
    refusal_code TEXT NOT NULL DEFAULT '',
    refusal_args TEXT NOT NULL DEFAULT '[]',
    set_aside_at_ms INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX ledger_signoff_township ON ledger_signoff(township_code, month);

CREATE TABLE public_problem (
    problem_id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL,
    category TEXT NOT NULL,
    raised_at_ms INTEGER NOT NULL,
    closed_at_ms INTEGER NOT NULL,
    before_photos TEXT NOT NULL,
    after_photos TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX public_problem_closed ON public_problem(closed_at_ms DESC);

-- Replaced whole by the page that ends a kiosk's pull.
CREATE TABLE closure_tally (
    unit_code TEXT PRIMARY KEY,
    raised INTEGER NOT NULL,
    closed INTEGER NOT NULL
) WITHOUT ROWID;

-- The outbox carries ledger ops too: record_id becomes optional (a ledger op names no record).
-- Rebuilt with the same client_seq values, and its sequence kept: the server takes client_seq
-- as strictly increasing per device, so a number once handed out is never handed out again.
CREATE TABLE outbox_v16 (client_seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, record_id TEXT REFERENCES record(id), created_at_ms INTEGER NOT NULL, review_id TEXT, problem_event_id TEXT, signoff_id TEXT);
INSERT INTO outbox_v16 (client_seq, op_id, record_id, created_at_ms, review_id) SELECT client_seq, op_id, record_id, created_at_ms, review_id FROM outbox;
DELETE FROM sqlite_sequence WHERE name = 'outbox_v16';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v16', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_v16 RENAME TO outbox;
CREATE INDEX outbox_record ON outbox(record_id, client_seq);

-- Village coverage (CoverageQuery): each village's last record per category, read from this
-- index alone (drafts, status 1, are not visits: the status is in it). Not a partial index
-- WHERE status <> 1: the dashboard's and the exports' queries carry that very condition, and
-- SQLite then read their records through it, in village order (dashboard 90 -> 370 ms).
CREATE INDEX record_village_visits ON record(village_code, category, created_at_ms, status);
