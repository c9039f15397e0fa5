#include "accuracygate.h"

AccuracyGate::Verdict AccuracyGate::classify(const GeoFix &fix, double thresholdM, qint64 nowMs,
                                             qint64 staleLimitMs)
{
    if (!fix.isValid())
        return Verdict::NoFix;
    // A fix without a time cannot show it is fresh. A fix "from the future" is a clock
    // difference between receiver and device, not an old fix: not stale.
    if (fix.fixTimeMs <= 0 || nowMs - fix.fixTimeMs > staleLimitMs)
        return Verdict::Stale;
    // Written so that an unknown (NaN) accuracy or threshold fails the gate.
    if (!(fix.horizontalAccuracyM <= thresholdM))
        return Verdict::TooInaccurate;
    return Verdict::Ok;
}
