#pragma once

#include "domain/geofix.h"

#include <QObject>

// Whether a fix is good enough to be captured for a record. Pure: the caller passes "now".
class AccuracyGate {
    Q_GADGET
public:
    enum class Verdict {
        NoFix, // no position at all
        Stale, // older than the stale limit (or of unknown time)
        TooInaccurate, // accuracy unknown or worse than the threshold
        Ok,
    };
    Q_ENUM(Verdict)

    static constexpr double DefaultThresholdM = 10.0;
    static constexpr qint64 DefaultStaleLimitMs = 10000;

    static Verdict classify(const GeoFix &fix, double thresholdM, qint64 nowMs,
                            qint64 staleLimitMs = DefaultStaleLimitMs);
};
