-- qingshui-server schema 13 on PostgreSQL: the same two indexes as SQLite's 013.sql. The
-- PostgreSQL change store asks with the same `substr(village_code, 1, N) = $n` expression,
-- so a pull in a county's or a township's scope reads only its revisions after the cursor.
CREATE INDEX record_revision_county ON record_revision (substr(village_code, 1, 6), server_seq);
CREATE INDEX record_revision_township ON record_revision (substr(village_code, 1, 9), server_seq);
