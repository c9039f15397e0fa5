#include "backoffpolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

BackoffPolicy::BackoffPolicy(Params params, RandomSource random)
    : m_params(params), m_random(std::move(random))
{
}

int BackoffPolicy::baseDelayMs(int failures) const
{
    if (failures <= 0)
        return 0;
    // Doubling in floating point: 2^40 does not overflow before the cap takes over.
    const double doubled = m_params.initialMs * std::pow(2.0, std::min(failures - 1, 60));
    return int(std::min<double>(doubled, m_params.maxMs));
}

int BackoffPolicy::nextDelayMs()
{
    ++m_failures;
    const double base = baseDelayMs(m_failures);
    const double spread = m_params.jitter * (2.0 * m_random() - 1.0); // [-jitter, +jitter)
    return std::max(1, int(std::lround(base * (1.0 + spread))));
}

BackoffPolicy::RandomSource BackoffPolicy::systemRandom()
{
    return [] { return QRandomGenerator::global()->generateDouble(); };
}
