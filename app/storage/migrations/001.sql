-- Schema 1: reference regions, records, the outbox and sync state.

CREATE TABLE paired_unit (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    prefecture_name TEXT NOT NULL,
    province_name TEXT NOT NULL,
    zone TEXT NOT NULL,
    upstream INTEGER NOT NULL,
    partner_district_code TEXT NOT NULL,
    partner_district_name TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE township (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    county_code TEXT NOT NULL
);
CREATE INDEX township_county ON township(county_code);

CREATE TABLE village (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    township_code TEXT NOT NULL REFERENCES township(code)
);
CREATE INDEX village_township ON village(township_code);

CREATE TABLE record (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    category TEXT NOT NULL,
    village_code TEXT NOT NULL,
    status INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    content BLOB NOT NULL,
    author_device_id TEXT NOT NULL,
    sync_state INTEGER NOT NULL,
    server_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX record_updated ON record(updated_at_ms DESC);

-- Written in the same transaction as the edit it describes; rows leave only after the
-- server acknowledged their client_seq.
CREATE TABLE outbox (
    client_seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL REFERENCES record(id),
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE sync_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
