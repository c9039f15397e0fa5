-- qingshui-server schema 10 on PostgreSQL (the same as ../010.sql on SQLite): every change
-- carries a random 64-bit fingerprint, made when it is numbered (the server binds it); a
-- restored dump numbers its lost changes again with new ones, and a device's mark tells
-- (docs/sync.md, "Epoch and restore"). Changes found here get random ones: 64 bits of an
-- md5 of random(), as PostgreSQL's random() is a double.
ALTER TABLE record_revision ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE review_event ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE photos_arrived ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE public_withdrawal ADD COLUMN fingerprint BIGINT NOT NULL DEFAULT 0;
UPDATE record_revision SET fingerprint = ('x' || md5(random()::text))::bit(64)::bigint;
UPDATE review_event SET fingerprint = ('x' || md5(random()::text))::bit(64)::bigint;
UPDATE photos_arrived SET fingerprint = ('x' || md5(random()::text))::bit(64)::bigint;
UPDATE public_withdrawal SET fingerprint = ('x' || md5(random()::text))::bit(64)::bigint
    WHERE server_seq NOT IN (SELECT server_seq FROM review_event);
