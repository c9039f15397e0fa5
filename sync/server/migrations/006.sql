-- qingshui-server schema 6: a published record's public copy is withdrawn when a later
-- decision returns or rejects the record; the kiosks' feed carries the withdrawal (numbered
-- with that decision's server_seq) so that kiosk stores delete their copy. One row per
-- record at most: publishing the record again removes it.

CREATE TABLE public_withdrawal (
    server_seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE
);
