#pragma once

#include <QList>

// Growing waits after failed guesses, for one key (an address, a user name, a device): the
// first `freeFailures` cost nothing (typing mistakes), then each failure doubles the wait
// before the next attempt, from `firstWaitMs` up to `maxWaitMs`; every `forgetAfterMs` without
// a failure forgets one of them, so the wait shrinks again once the guessing stops.
// Pure (the failures' times are given), so that servers sharing a database, which share the
// failures, compute the same wait.
namespace GuessBackoff {

struct Rule {
    int freeFailures = 5;
    qint64 firstWaitMs = 30 * 1000;
    qint64 maxWaitMs = 15 * 60 * 1000;
    qint64 forgetAfterMs = 15 * 60 * 1000;
};

// The failures that still count after these (times in ms, oldest first): each adds one,
// each quiet `forgetAfterMs` before it takes one away; never more than it takes to reach
// the longest wait, so that a key forgets as fast after a long attack as after a short one.
int countAfter(const QList<qint64> &failuresMs, const Rule &rule);
// The wait `count` counted failures impose after the last of them.
qint64 waitAfter(int count, const Rule &rule);
// When the next attempt may be made: the last failure plus its wait; 0 while no wait holds.
qint64 nextAttemptAtMs(const QList<qint64> &failuresMs, const Rule &rule);

} // namespace GuessBackoff
