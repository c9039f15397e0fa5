-- qingshui-server schema 3: checklist templates served to devices, every version kept.

CREATE TABLE form_template (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    category TEXT NOT NULL,
    definition BLOB NOT NULL,
    added_at_ms INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);
