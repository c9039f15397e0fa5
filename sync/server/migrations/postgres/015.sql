-- qingshui-server schema 15 on PostgreSQL, as the SQLite 015.sql: basemap packages
-- (docs/sync.md, "Basemaps"). Rows are never deleted; a package is current while
-- retired_at_ms is 0.
CREATE TABLE basemap (
    id BIGSERIAL PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    name TEXT NOT NULL,
    scope_code TEXT NOT NULL,
    datum TEXT NOT NULL,
    added_at_ms BIGINT NOT NULL,
    retired_at_ms BIGINT NOT NULL DEFAULT 0,
    retired_why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX basemap_current ON basemap(retired_at_ms, scope_code);
CREATE INDEX basemap_sha256 ON basemap(sha256);
