#pragma once

// What the sync suite measured, kept for the ratios printed at its end (to raw SQLite, to
// the PouchDB peer). 0: not measured in this run.
struct SyncFigures {
    double rawSqliteInsertsPerS = 0; // sqlite_raw_insert_per_s
    double pushRecordsPerS = 0; // push_records_per_s
    double pullRecordsPerS = 0; // pull_records_per_s
    double pullToSearchableRecordsPerS = 0; // pull_to_searchable_records_per_s
    double noopSyncMs = 0; // noop_sync_ms
    double blobUploadMBPerS = 0; // blob_upload_mb_per_s
};
