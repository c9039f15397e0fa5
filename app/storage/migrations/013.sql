-- Schema 13: what a reviewer needs to trust a record. The device clock's skew the server
-- measured when the revision arrived (Change.device_clock_skew_ms); past revisions keep who
-- pushed them, their skew and the revision they overwrote (the conflict banner's link shows
-- them); a decision made while photos were missing keeps its confirmation with the counts
-- (ReviewEvent.photos_incomplete_confirmed, photos_seen, photos_total).

ALTER TABLE record ADD COLUMN device_clock_skew_ms INTEGER NOT NULL DEFAULT 0;

ALTER TABLE record_revision ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE record_revision ADD COLUMN device_clock_skew_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_revision ADD COLUMN conflict_with INTEGER NOT NULL DEFAULT 0;

ALTER TABLE review_event ADD COLUMN photos_incomplete_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_event ADD COLUMN photos_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_event ADD COLUMN photos_total INTEGER NOT NULL DEFAULT 0;
