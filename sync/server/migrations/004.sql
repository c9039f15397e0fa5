-- qingshui-server schema 4: reference regions as numbered versions (the bundled set is
-- version 1); devices fetch a newer version whole.

CREATE TABLE reference_data (
    version INTEGER PRIMARY KEY,
    units BLOB NOT NULL,
    townships BLOB NOT NULL,
    villages BLOB NOT NULL,
    loaded_at_ms INTEGER NOT NULL
);
