-- qingshui-server schema 15: basemap packages (docs/sync.md, "Basemaps"). An MBTiles file
-- registered by `qingshui-server basemap add` for a county or a township; its bytes are the
-- blob named sha256 in the blob folder. A newer package for the same scope retires the older
-- one in the same transaction; `basemap remove` retires one by hand. Rows are never deleted:
-- `basemap list` shows what was sent when. PostgreSQL has the same table (postgres/015.sql).
CREATE TABLE basemap (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    name TEXT NOT NULL,
    scope_code TEXT NOT NULL,
    datum TEXT NOT NULL,
    added_at_ms INTEGER NOT NULL,
    -- 0 while current; then when it was superseded or removed, and which (`retired_why`)
    retired_at_ms INTEGER NOT NULL DEFAULT 0,
    retired_why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX basemap_current ON basemap(retired_at_ms, scope_code);
CREATE INDEX basemap_sha256 ON basemap(sha256);
