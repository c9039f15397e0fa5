#pragma once

#include <functional>

// How long to wait before trying again after failed syncs: doubling from `initialMs` to at
// most `maxMs`, each wait spread by ±`jitter` so that tablets which lost the server together
// do not all come back in the same second. A success starts over.
// Pure: the random source is injected, there is no clock; the caller keeps the time.
struct BackoffParams {
    int initialMs = 2000;
    int maxMs = 10 * 60 * 1000;
    double jitter = 0.2;
};

class BackoffPolicy {
public:
    using Params = BackoffParams;
    // Uniform in [0, 1).
    using RandomSource = std::function<double()>;

    explicit BackoffPolicy(Params params = {}, RandomSource random = systemRandom());

    // Counts one more failure and returns the wait before the next attempt.
    int nextDelayMs();
    // After a success.
    void reset() { m_failures = 0; }

    int failures() const { return m_failures; }
    const Params &params() const { return m_params; }
    // The wait after `failures` failures in a row, before jitter.
    int baseDelayMs(int failures) const;

    static RandomSource systemRandom();

private:
    Params m_params;
    RandomSource m_random;
    int m_failures = 0;
};
