-- qingshui-server schema 10: every change carries a random 64-bit fingerprint, made when it is
-- numbered. A restored copy of the database (a file, a whole folder, a dump) hands the lost
-- numbers out again, each with a new fingerprint: a device's cursor comes with the fingerprint
-- of the change there, and the server compares (docs/sync.md, "Epoch and restore").
-- Public copies share their decision's number and fingerprint (review_event); withdrawals
-- numbered by schema 9 have no decision and keep their own.
ALTER TABLE record_revision ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_event ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photos_arrived ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE public_withdrawal ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
UPDATE record_revision SET fingerprint = random();
UPDATE review_event SET fingerprint = random();
UPDATE photos_arrived SET fingerprint = random();
UPDATE public_withdrawal SET fingerprint = random()
    WHERE server_seq NOT IN (SELECT server_seq FROM review_event);
