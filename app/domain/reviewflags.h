#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

// What a reviewer needs to know before trusting a record revision, read from its content and
// what the server measured: a GPS point accepted below the accuracy gate (and why), a point
// taken long before the record was saved, a device clock that disagreed with the server's.
// Pure and cheap: the content is scanned, not parsed, except the few GPS answers themselves.

// A point fixed more than this before the record was saved was most likely taken somewhere
// else: an inspection is filled in on site within minutes, while half an hour in a car moves
// a tablet kilometres, and a point carried over from an earlier visit is the mistake to catch.
// Both times come from the tablet's own clock, so its skew does not matter here.
inline constexpr qint64 kStaleFixLimitMs = 30 * 60 * 1000;
// A device clock further off than this makes the record's times (saved, GPS fix, the
// captions stamped into its photos) untrustworthy; within it, a tablet set by hand is normal.
inline constexpr qint64 kClockSkewLimitMs = 10 * 60 * 1000;

// One GPS answer that raises a flag.
struct GpsFlag {
    QString questionId;
    QString overrideReason; // non-empty: accepted below the accuracy gate, with this reason
    qint64 fixAgeMs = 0; // how long before the save the point was fixed (> limit: stale)

    bool overridden() const { return !overrideReason.isEmpty(); }
    bool stale() const { return fixAgeMs > kStaleFixLimitMs; }
};

struct ReviewFlags {
    QList<GpsFlag> gps; // only the GPS answers that raise a flag, in the content's order
    qint64 clockSkewMs = 0; // the device's clock minus the server's, when beyond the limit

    bool gpsOverridden() const;
    bool staleFix() const;
    bool clockSkewed() const { return clockSkewMs != 0; }
    bool any() const { return !gps.isEmpty() || clockSkewed(); }
};

// savedAtMs: the revision's updated_at_ms (the device's clock when it was submitted);
// clockSkewMs: Record::deviceClockSkewMs (0: unknown).
ReviewFlags reviewFlagsOf(QByteArrayView content, qint64 savedAtMs, qint64 clockSkewMs);
