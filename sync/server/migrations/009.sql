-- qingshui-server schema 9: the photos of each public copy are public renditions the server
-- made at publication (caption band cropped, at most 1600 px, no metadata), each recorded with
-- the original it was made from. Kiosks may download exactly the renditions listed here for
-- a copy that exists; the rows go with the copy (withdrawal, a new publication).
CREATE TABLE public_photo (
    record_id TEXT NOT NULL,
    rendition_sha256 TEXT NOT NULL,
    original_sha256 TEXT NOT NULL,
    PRIMARY KEY (record_id, rendition_sha256)
) WITHOUT ROWID;
CREATE INDEX public_photo_rendition ON public_photo(rendition_sha256);
-- A copy is found by its record (publishing again, withdrawal, a kiosk's download check).
CREATE INDEX public_record_record ON public_record(record_id);

-- Copies published before schema 9 list originals, with their stamped coordinates: they are
-- withdrawn from the kiosks (numbered after everything else, as a decision would be); a
-- supervisor publishes the record again to show it with renditions.
INSERT INTO public_withdrawal (server_seq, record_id)
    SELECT (SELECT CAST(value AS INTEGER) FROM server_meta WHERE key = 'last_seq')
               + row_number() OVER (ORDER BY server_seq),
           record_id
    FROM public_record WHERE true
    ON CONFLICT (record_id) DO UPDATE SET server_seq = excluded.server_seq;
UPDATE server_meta SET value = CAST(value AS INTEGER) + (SELECT count(*) FROM public_record)
    WHERE key = 'last_seq';
DELETE FROM public_record;
