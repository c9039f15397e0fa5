#include "guessbackoff.h"

#include <algorithm>

namespace {

// The count at which the wait first reaches the cap.
int countAtCap(const GuessBackoff::Rule &rule)
{
    int count = rule.freeFailures;
    for (qint64 wait = rule.firstWaitMs; wait < rule.maxWaitMs && count < rule.freeFailures + 40;
         wait *= 2)
        ++count;
    return count;
}

} // namespace

int GuessBackoff::countAfter(const QList<qint64> &failuresMs, const Rule &rule)
{
    const int most = countAtCap(rule);
    int count = 0;
    qint64 last = 0;
    for (const qint64 at : failuresMs) {
        if (count > 0 && rule.forgetAfterMs > 0)
            count = int(
                std::max<qint64>(0, count - std::max<qint64>(0, at - last) / rule.forgetAfterMs));
        count = std::min(count + 1, most);
        last = at;
    }
    return count;
}

qint64 GuessBackoff::waitAfter(int count, const Rule &rule)
{
    if (count <= 0 || count < rule.freeFailures)
        return 0;
    qint64 wait = rule.firstWaitMs;
    for (int i = rule.freeFailures; i < count && wait < rule.maxWaitMs; ++i)
        wait *= 2;
    return std::min(wait, rule.maxWaitMs);
}

qint64 GuessBackoff::nextAttemptAtMs(const QList<qint64> &failuresMs, const Rule &rule)
{
    const qint64 wait = waitAfter(countAfter(failuresMs, rule), rule);
    return wait > 0 ? failuresMs.last() + wait : 0;
}
