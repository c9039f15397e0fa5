-- qingshui-server schema 13: a pull finds the revisions of the caller's jurisdiction by index.
-- A pull asks for `substr(village_code, 1, N) = CODE AND server_seq > CURSOR` (N = 6 for a
-- county, 9 for a township); without these indexes it read every revision after the cursor,
-- each with its content, to keep the few in scope: a tablet pulling from the start read the
-- whole table (qingshui-bench load, docs/benchmarks.md). Other scope lengths still scan.
-- PostgreSQL has the same two indexes (postgres/013.sql).
CREATE INDEX record_revision_county ON record_revision(substr(village_code, 1, 6), server_seq);
CREATE INDEX record_revision_township ON record_revision(substr(village_code, 1, 9), server_seq);
