-- Schema 17: basemap packages (issue 17). What the server's last reference-data reply listed
-- for this device's scope (offered = 1), and what is on the device: installed_at_ms > 0 when
-- the verified file is <data dir>/basemaps/<sha256>.mbtiles. A file imported by hand has
-- server_id 0. The current basemap is the installed one added last; a newer package replaces
-- the older in one transaction, and the older file is deleted after it. A failed fetch keeps
-- its code and args for the settings page (failure '' : none).
CREATE TABLE basemap (
    sha256 TEXT PRIMARY KEY,
    server_id INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    scope_code TEXT NOT NULL DEFAULT '',
    datum TEXT NOT NULL DEFAULT '',
    size_bytes INTEGER NOT NULL,
    added_at_ms INTEGER NOT NULL,
    offered INTEGER NOT NULL DEFAULT 0,
    installed_at_ms INTEGER NOT NULL DEFAULT 0,
    failure TEXT NOT NULL DEFAULT '',
    failure_args TEXT NOT NULL DEFAULT ''
);
