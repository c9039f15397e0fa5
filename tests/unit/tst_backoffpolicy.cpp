// The wait between failed syncs: doubling, capped, spread by the jitter, reset by a success.
// The random source is injected, so every figure here is exact.
#include "backoffpolicy.h"

#include <QtTest>

namespace {

BackoffPolicy policyWithRandom(double r, BackoffPolicy::Params params = {})
{
    return BackoffPolicy(params, [r] { return r; });
}

} // namespace

class TestBackoffPolicy : public QObject {
    Q_OBJECT

private slots:
    void doublesFromTwoSecondsUpToTenMinutes()
    {
        BackoffPolicy policy = policyWithRandom(0.5); // the middle of the spread: no jitter
        const QList<int> expected = {2000,   4000,   8000,   16000,  32000,  64000,
                                     128000, 256000, 512000, 600000, 600000, 600000};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(policy.nextDelayMs(), expected.at(i));
            QCOMPARE(policy.failures(), i + 1);
        }
    }

    void staysAtTheCapHoweverLongItFails()
    {
        BackoffPolicy policy = policyWithRandom(0.5);
        for (int i = 0; i < 1000; ++i)
            policy.nextDelayMs();
        QCOMPARE(policy.nextDelayMs(), 600000);
        QCOMPARE(policy.baseDelayMs(1000000), 600000);
    }

    void jitterSpreadsByTwentyPercentEitherWay()
    {
        // The extremes of the random source give the bounds of the spread.
        BackoffPolicy low = policyWithRandom(0.0);
        BackoffPolicy high = policyWithRandom(std::nextafter(1.0, 0.0));
        for (int failures = 1; failures <= 12; ++failures) {
            const int base = low.baseDelayMs(failures);
            const int lowDelay = low.nextDelayMs();
            const int highDelay = high.nextDelayMs();
            QCOMPARE(lowDelay, qRound(base * 0.8));
            QCOMPARE(highDelay, qRound(base * 1.2));
        }
    }

    void realRandomnessStaysWithinTheBounds()
    {
        for (int run = 0; run < 200; ++run) {
            BackoffPolicy policy; // the system's random source
            for (int failures = 1; failures <= 12; ++failures) {
                const int base = policy.baseDelayMs(failures);
                const int delay = policy.nextDelayMs();
                QVERIFY2(delay >= base * 0.8 && delay <= base * 1.2,
                         qPrintable(QStringLiteral("%1 vs base %2").arg(delay).arg(base)));
            }
        }
    }

    void aSuccessStartsOver()
    {
        BackoffPolicy policy = policyWithRandom(0.5);
        policy.nextDelayMs();
        policy.nextDelayMs();
        QCOMPARE(policy.nextDelayMs(), 8000);
        policy.reset();
        QCOMPARE(policy.failures(), 0);
        QCOMPARE(policy.nextDelayMs(), 2000);
    }

    void followsItsParameters()
    {
        BackoffPolicy policy = policyWithRandom(0.5, {100, 350, 0.0});
        QCOMPARE(policy.nextDelayMs(), 100);
        QCOMPARE(policy.nextDelayMs(), 200);
        QCOMPARE(policy.nextDelayMs(), 350);
        QCOMPARE(policy.nextDelayMs(), 350);
        QCOMPARE(policy.baseDelayMs(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackoffPolicy)
#include "tst_backoffpolicy.moc"
