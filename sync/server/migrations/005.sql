-- qingshui-server schema 5: the user name of whoever pushed each revision (the supervisor's
-- inspector filter), stamped from the caller's token.

ALTER TABLE record_revision ADD COLUMN author TEXT NOT NULL DEFAULT '';

-- Earlier revisions: the account their device belongs to now (a device moves between
-- accounts only by a new login, rare in the field).
UPDATE record_revision SET author = coalesce(
    (SELECT a.username FROM device d JOIN account a ON a.id = d.account_id
     WHERE d.id = record_revision.device_id), '');
