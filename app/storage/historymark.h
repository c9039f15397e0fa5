#pragma once

#include <QtGlobal>

// The furthest place in the server's history this device knows: a server_seq and the random
// fingerprint the server gave the change there (from a pulled page's cursor, or the server's
// head after an acknowledged push). Sent back with every push and pull: a server restored from
// a copy numbers its lost changes again with new fingerprints, so the mark tells it that this
// device's cursor belongs to another history (docs/sync.md, "Epoch and restore").
struct HistoryMark {
    qint64 serverSeq = 0;
    qint64 fingerprint = 0; // 0: no mark (nothing known yet, or a server without fingerprints)

    // The mark to keep after seeing `seen` in the same history: the further of the two.
    static HistoryMark further(const HistoryMark &kept, const HistoryMark &seen)
    {
        return seen.fingerprint != 0 && (kept.fingerprint == 0 || seen.serverSeq >= kept.serverSeq)
            ? seen
            : kept;
    }
};
