#pragma once

#include <QString>

class SyncTransport;

// What a supervisor waits for after pulling into an empty store: every pulled record stored,
// the full-text index with nothing pending (the review search reads only the index) and the
// write-ahead log copied back into the store. The phases are kept apart for the profile.
struct SearchablePull {
    int pulled = 0;
    double seconds = 0; // the three phases below, on one clock
    double pullSeconds = 0;
    double indexSeconds = 0; // what the index had left when the pull ended
    double checkpointSeconds = 0;
};

// Pulls everything the server holds into the logged-in empty store at storePath (opened as
// the app's sync thread opens it, a WalCheckpointer beside it) while a SearchIndexer indexes
// page by page, as in the app; then indexes what is left, checkpoints the store and the
// index's file; then, off the clock, runs the review search for
// probeText (a text only the record probeRecordId holds) and fails unless it finds exactly
// that record.
bool pullToSearchable(const QString &storePath, SyncTransport &transport, const QString &probeText,
                      const QString &probeRecordId, SearchablePull *out, QString *error);
