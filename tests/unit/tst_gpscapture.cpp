// GPS capture: the accuracy gate and averaging, driven by the shipped NMEA logs through the
// real QtPositionProvider (Qt's NMEA source in simulation mode, at the logs' 1 Hz pace), and by
// a hand-fed provider for what the logs cannot show (silence, a poor fix in the middle).
#include "positioning/gpscapture.h"
#include "positioning/qtpositionprovider.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace {

// The point the logs circle around (about 3 m radius).
constexpr double kLat = 33.13782;
constexpr double kLon = 111.49096;
constexpr int kReplayTimeoutMs = 20000;

QString logPath(const char *name)
{
    return QStringLiteral(QS_NMEA_DIR "/") + QLatin1String(name);
}

double metresBetween(double lat1, double lon1, double lat2, double lon2)
{
    const double k = 6371008.8 * M_PI / 180.0;
    const double dy = (lat2 - lat1) * k;
    const double dx = (lon2 - lon1) * k * std::cos(lat1 * M_PI / 180.0);
    return std::hypot(dx, dy);
}

// Fixes by hand.
class FakeProvider : public PositionProvider {
public:
    using PositionProvider::PositionProvider;
    void start() override { }
    void stop() override { }
    QString sourceName() const override { return QStringLiteral("fake"); }

    void send(double lat, double lon, double accuracyM, qint64 ageMs = 0)
    {
        GeoFix f;
        f.latitude = lat;
        f.longitude = lon;
        f.altitude = 150;
        f.horizontalAccuracyM = accuracyM;
        f.fixTimeMs = QDateTime::currentMSecsSinceEpoch() - ageMs;
        f.source = sourceName();
        f.satellitesInUse = 9;
        emit fixReceived(f);
    }
    void sendNoFix(int satellites)
    {
        GeoFix f;
        f.fixTimeMs = QDateTime::currentMSecsSinceEpoch();
        f.source = sourceName();
        f.satellitesInUse = satellites;
        emit fixReceived(f);
    }
};

QList<GpsCapture::State> states(const QSignalSpy &spy)
{
    QList<GpsCapture::State> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<GpsCapture::State>();
    return out;
}

} // namespace

class TestGpsCapture : public QObject {
    Q_OBJECT

private slots:
    // --- the shipped logs, through the real provider ---

    void goodLogCapturesTheAverageOfNFixes()
    {
        std::unique_ptr<QtPositionProvider> provider(
            QtPositionProvider::createNmeaReplay(logPath("good_fix_short.nmea")));
        GpsCapture capture(provider.get());
        QSignalSpy stateSpy(&capture, &GpsCapture::stateChanged);
        QSignalSpy progressSpy(&capture, &GpsCapture::progressChanged);
        QSignalSpy capturedSpy(&capture, &GpsCapture::captured);

        capture.start(10.0, 5);
        provider->start();
        QTRY_COMPARE_WITH_TIMEOUT(capture.state(), GpsCapture::State::Captured, kReplayTimeoutMs);

        const GeoFix r = capture.result();
        QVERIFY(capture.hasResult());
        QVERIFY(r.isValid());
        QCOMPARE(r.fixesAveraged, 5);
        QVERIFY2(r.horizontalAccuracyM <= 10.0, qPrintable(QString::number(r.horizontalAccuracyM)));
        // HDOP 0.8 × 2 × UERE 5 m: each fix claims 8 m, and so does the average.
        QVERIFY2(qAbs(r.horizontalAccuracyM - 8.0) < 0.5,
                 qPrintable(QString::number(r.horizontalAccuracyM)));
        QVERIFY2(
            metresBetween(kLat, kLon, r.latitude, r.longitude) < 4.0,
            qPrintable(
                QStringLiteral("%1, %2").arg(r.latitude, 0, 'f', 7).arg(r.longitude, 0, 'f', 7)));
        QCOMPARE(r.altitude, 152.0);
        QCOMPARE(r.source, QStringLiteral("nmea-replay"));
        QCOMPARE(r.satellitesInUse, 10);
        QVERIFY(r.fixTimeMs > 0);
        QVERIFY(r.overrideReason.isEmpty());
        QVERIFY(capture.overrideReason().isEmpty());
        QVERIFY(!capture.canOverride());

        QCOMPARE(capturedSpy.size(), 1);
        QCOMPARE(capturedSpy.at(0).at(0).value<GeoFix>().fixesAveraged, 5);
        QCOMPARE(
            states(stateSpy),
            (QList<GpsCapture::State> {GpsCapture::State::WaitingForFix,
                                       GpsCapture::State::Averaging, GpsCapture::State::Captured}));
        // Progress shown as it goes: 0 of 5 at the start, then 1, 2, ... 5 of 5.
        QList<int> collected;
        for (const QList<QVariant> &args : progressSpy) {
            QCOMPARE(args.at(1).toInt(), 5);
            collected << args.at(0).toInt();
        }
        QCOMPARE(collected, (QList<int> {0, 1, 2, 3, 4, 5}));

        // Later fixes do not move a captured point.
        QSignalSpy fixes(provider.get(), &PositionProvider::fixReceived);
        QVERIFY(fixes.wait(kReplayTimeoutMs));
        QCOMPARE(capture.state(), GpsCapture::State::Captured);
        QCOMPARE(capture.result().latitude, r.latitude);
    }

    void poorLogBlocksUntilOverriddenWithAReason()
    {
        std::unique_ptr<QtPositionProvider> provider(
            QtPositionProvider::createNmeaReplay(logPath("poor_fix.nmea")));
        GpsCapture capture(provider.get());
        QSignalSpy fixes(provider.get(), &PositionProvider::fixReceived);

        capture.start(10.0, 5);
        provider->start();
        QTRY_COMPARE_WITH_TIMEOUT(capture.state(), GpsCapture::State::Blocked, kReplayTimeoutMs);
        QCOMPARE(capture.verdict(), AccuracyGate::Verdict::TooInaccurate);
        QVERIFY(capture.hasLiveFix());
        // HDOP 6 → 60 m: tens of metres, well over the 10 m gate.
        QVERIFY2(capture.liveAccuracyM() > 30.0,
                 qPrintable(QString::number(capture.liveAccuracyM())));
        QCOMPARE(capture.satellitesInUse(), 5);

        // More poor fixes keep it blocked, and none of them is averaged.
        QTRY_VERIFY_WITH_TIMEOUT(fixes.size() >= 3, kReplayTimeoutMs);
        QCOMPARE(capture.state(), GpsCapture::State::Blocked);
        QCOMPARE(capture.fixesCollected(), 0);
        QVERIFY(!capture.hasResult());

        // An override needs a reason.
        QVERIFY(capture.canOverride());
        QVERIFY(!capture.captureWithOverride(QString()));
        QVERIFY(!capture.captureWithOverride(QStringLiteral("  \t ")));
        QCOMPARE(capture.state(), GpsCapture::State::Blocked);

        QSignalSpy capturedSpy(&capture, &GpsCapture::captured);
        const QString reason = QStringLiteral("库岸树下信号差，已在原地等候两分钟");
        QVERIFY(capture.captureWithOverride(QStringLiteral("  ") + reason + QStringLiteral(" ")));
        QCOMPARE(capture.state(), GpsCapture::State::Captured);
        QCOMPARE(capturedSpy.size(), 1);
        const GeoFix r = capture.result();
        QVERIFY(r.isValid());
        QCOMPARE(r.overrideReason, reason);
        QCOMPARE(capture.overrideReason(), reason);
        QCOMPARE(r.fixesAveraged, 1);
        // The poor accuracy is recorded as it was, not dressed up.
        QVERIFY2(r.horizontalAccuracyM > 30.0, qPrintable(QString::number(r.horizontalAccuracyM)));
        QVERIFY(metresBetween(kLat, kLon, r.latitude, r.longitude) < 4.0);
        QCOMPARE(r.source, QStringLiteral("nmea-replay"));

        // Once captured, no second override.
        QVERIFY(!capture.captureWithOverride(QStringLiteral("again")));
    }

    void lostLogGoesLostAndStaysSo()
    {
        std::unique_ptr<QtPositionProvider> provider(
            QtPositionProvider::createNmeaReplay(logPath("lost_fix.nmea")));
        GpsCapture capture(provider.get());
        // Long enough that only the log's own no-fix epochs can make it Lost, not silence.
        capture.setLostTimeoutMs(60000);
        QSignalSpy fixes(provider.get(), &PositionProvider::fixReceived);
        QSignalSpy stateSpy(&capture, &GpsCapture::stateChanged);

        capture.start(10.0, 20); // more fixes than the log has good ones
        provider->start();
        QTRY_COMPARE_WITH_TIMEOUT(capture.state(), GpsCapture::State::Lost, kReplayTimeoutMs);
        QVERIFY(states(stateSpy).contains(GpsCapture::State::Averaging));
        QCOMPARE(capture.fixesCollected(), 0); // averaging reset
        QVERIFY(!capture.hasLiveFix());
        QCOMPARE(capture.verdict(), AccuracyGate::Verdict::NoFix);
        QCOMPARE(capture.satellitesInUse(), 2); // as the log's no-fix GGA says
        QVERIFY(!capture.hasResult());
        QVERIFY(capture.canOverride()); // the last good fix, with a reason

        // The provider says "no fix" epoch after epoch, never the last good fix again.
        int firstNoFix = -1;
        for (int i = 0; i < fixes.size() && firstNoFix < 0; ++i) {
            if (!fixes.at(i).at(0).value<GeoFix>().isValid())
                firstNoFix = i;
        }
        QVERIFY(firstNoFix >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(fixes.size() >= firstNoFix + 4, kReplayTimeoutMs);
        for (int i = firstNoFix; i < fixes.size(); ++i)
            QVERIFY2(!fixes.at(i).at(0).value<GeoFix>().isValid(), qPrintable(QString::number(i)));
        QCOMPARE(capture.state(), GpsCapture::State::Lost);
    }

    // The demo loops its log; a log that only lost its fix is not "over" and must not restart.
    void replayStartsOverAtTheEndOfTheLog()
    {
        std::unique_ptr<QtPositionProvider> provider(
            QtPositionProvider::createNmeaReplay(logPath("good_fix_short.nmea")));
        QSignalSpy fixes(provider.get(), &PositionProvider::fixReceived);
        provider->start();
        // 8 epochs in the log (Qt emits 7 or 8 of them), then the same again from the start.
        QTRY_VERIFY_WITH_TIMEOUT(fixes.size() >= 10, 30000);
        for (const QList<QVariant> &args : fixes)
            QVERIFY(args.at(0).value<GeoFix>().isValid());
        provider->stop();
    }

    // --- by hand: what the logs do not show ---

    void silenceGoesLostByTimerAndResets()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.setLostTimeoutMs(1500);
        capture.start(10.0, 5);
        QCOMPARE(capture.state(), GpsCapture::State::WaitingForFix);
        QCOMPARE(capture.liveAgeSeconds(), -1);

        provider.send(kLat, kLon, 5);
        provider.send(kLat, kLon, 5);
        QCOMPARE(capture.state(), GpsCapture::State::Averaging);
        QCOMPARE(capture.fixesCollected(), 2);

        QTRY_COMPARE_WITH_TIMEOUT(capture.state(), GpsCapture::State::Lost, 10000);
        QCOMPARE(capture.fixesCollected(), 0);
        QVERIFY(!capture.hasLiveFix());
        QVERIFY(capture.liveAgeSeconds() >= 1);

        provider.send(kLat, kLon, 5);
        QCOMPARE(capture.state(), GpsCapture::State::Averaging);
        QCOMPARE(capture.fixesCollected(), 1); // started over
    }

    void silenceBeforeAnyFixKeepsWaiting()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.setLostTimeoutMs(1000);
        capture.start();
        QSignalSpy live(&capture, &GpsCapture::liveFixChanged);
        QVERIFY(live.wait(5000)); // a tick went by
        QTRY_VERIFY_WITH_TIMEOUT(live.size() >= 2, 5000);
        QCOMPARE(capture.state(), GpsCapture::State::WaitingForFix);
    }

    void noSatellitesIsShownPlainly()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.start();
        provider.sendNoFix(0);
        QCOMPARE(capture.state(), GpsCapture::State::WaitingForFix);
        QVERIFY(!capture.hasLiveFix());
        QCOMPARE(capture.satellitesInUse(), 0);
        QCOMPARE(capture.verdict(), AccuracyGate::Verdict::NoFix);
        // Nothing to accept: the form saves a draft without a point instead.
        QVERIFY(!capture.canOverride());
        QVERIFY(!capture.captureWithOverride(QStringLiteral("没有卫星")));
        QVERIFY(!capture.hasResult());
    }

    void poorFixPausesAveraging()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.start(10.0, 3);
        provider.send(33.0, 111.0, 5);
        provider.send(33.0002, 111.0, 5);
        QCOMPARE(capture.fixesCollected(), 2);

        provider.send(34.0, 112.0, 80); // far off and poor: must not enter the average
        QCOMPARE(capture.state(), GpsCapture::State::Blocked);
        QCOMPARE(capture.verdict(), AccuracyGate::Verdict::TooInaccurate);
        QCOMPARE(capture.fixesCollected(), 2); // paused, not reset

        provider.send(33.0004, 111.0, 5);
        QCOMPARE(capture.state(), GpsCapture::State::Captured);
        const GeoFix r = capture.result();
        QCOMPARE(r.fixesAveraged, 3);
        QCOMPARE(r.latitude, 33.0002);
        QCOMPARE(r.longitude, 111.0);
        QVERIFY(r.horizontalAccuracyM >= 5.0 && r.horizontalAccuracyM < 30.0);
    }

    void staleFixBlocks()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.start(10.0, 2);
        provider.send(kLat, kLon, 3, 60000); // a cached fix from a minute ago
        QCOMPARE(capture.state(), GpsCapture::State::Blocked);
        QCOMPARE(capture.verdict(), AccuracyGate::Verdict::Stale);
        QCOMPARE(capture.fixesCollected(), 0);
    }

    void overrideTakesTheGoodFixesSoFar()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.start(10.0, 5);
        provider.send(33.0, 111.0, 4);
        provider.send(33.00002, 111.0, 6); // about 2 m apart
        provider.send(33.5, 111.5, 50);
        QCOMPARE(capture.state(), GpsCapture::State::Blocked);
        QVERIFY(capture.captureWithOverride(QStringLiteral("赶船，不能再等")));
        const GeoFix r = capture.result();
        QCOMPARE(r.fixesAveraged, 2);
        QCOMPARE(r.latitude, 33.00001);
        QCOMPARE(r.horizontalAccuracyM, 5.0); // the mean of 4 and 6: the 2 m scatter is less
        QCOMPARE(r.overrideReason, QStringLiteral("赶船，不能再等"));
    }

    void overrideWithoutGoodFixesTakesTheMostAccurate()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        capture.start(10.0, 5);
        provider.send(33.0, 111.0, 40);
        provider.send(33.1, 111.1, 25);
        provider.send(33.2, 111.2, 70);
        QVERIFY(capture.captureWithOverride(QStringLiteral("峡谷里")));
        QCOMPARE(capture.result().latitude, 33.1);
        QCOMPARE(capture.result().horizontalAccuracyM, 25.0);
        QCOMPARE(capture.result().fixesAveraged, 1);
    }

    void startAgainAndCancel()
    {
        FakeProvider provider;
        GpsCapture capture(&provider);
        QCOMPARE(capture.state(), GpsCapture::State::Idle);
        provider.send(kLat, kLon, 5); // not capturing: ignored
        QCOMPARE(capture.fixesCollected(), 0);
        QVERIFY(!capture.captureWithOverride(QStringLiteral("x")));

        capture.start(0, 0); // nonsense: the defaults, 10 m, and at least one fix
        QCOMPARE(capture.thresholdM(), 10.0);
        QCOMPARE(capture.fixesToAverage(), 1);
        provider.send(kLat, kLon, 5);
        QCOMPARE(capture.state(), GpsCapture::State::Captured);

        capture.start(15.0, 3);
        QCOMPARE(capture.state(), GpsCapture::State::WaitingForFix);
        QVERIFY(!capture.hasResult());
        QVERIFY(!capture.result().isValid());
        provider.send(kLat, kLon, 12); // fails 10 m, passes 15 m
        QCOMPARE(capture.state(), GpsCapture::State::Averaging);

        capture.cancel();
        QCOMPARE(capture.state(), GpsCapture::State::Idle);
        QCOMPARE(capture.fixesCollected(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGpsCapture)
#include "tst_gpscapture.moc"
