-- Schema 2: full inspection workflow on the device: where each record is (for fast filters),
-- what it says (for search), checklist templates as data, recently used villages.

ALTER TABLE record ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';
ALTER TABLE record ADD COLUMN township_code TEXT NOT NULL DEFAULT '';
ALTER TABLE record ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- 武当山特区 (township 420381450) is a paired unit of its own; every other unit is a county.
UPDATE record SET
    township_code = substr(village_code, 1, 9),
    unit_code = CASE WHEN substr(village_code, 1, 9) = '420381450'
                     THEN '420381450' ELSE substr(village_code, 1, 6) END,
    search_text = coalesce(json_extract(content, '$.note'), '');

CREATE INDEX record_unit_filter ON record(unit_code, category, status, updated_at_ms DESC);
CREATE INDEX record_township_filter ON record(township_code, updated_at_ms DESC);
CREATE INDEX record_village_filter ON record(village_code, updated_at_ms DESC);
CREATE INDEX record_status_filter ON record(status, sync_state, updated_at_ms DESC);
CREATE INDEX record_category_filter ON record(category, updated_at_ms DESC);

CREATE TABLE form_template (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    category TEXT NOT NULL,
    definition BLOB NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE recent_village (
    code TEXT PRIMARY KEY,
    used_at_ms INTEGER NOT NULL
);
