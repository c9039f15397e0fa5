// The pure parts of GPS capture: averaging fixes and the accuracy gate.
#include "positioning/accuracygate.h"
#include "positioning/fixaverager.h"

#include <QtTest>

namespace {

GeoFix fixAt(double lat, double lon, double accuracyM, qint64 timeMs = 1000)
{
    GeoFix f;
    f.latitude = lat;
    f.longitude = lon;
    f.altitude = 150;
    f.horizontalAccuracyM = accuracyM;
    f.fixTimeMs = timeMs;
    f.source = QStringLiteral("test");
    return f;
}

// Metres between two nearby points (equirectangular: fine over a few hundred metres).
double metresBetween(double lat1, double lon1, double lat2, double lon2)
{
    const double k = 6371008.8 * M_PI / 180.0;
    const double dy = (lat2 - lat1) * k;
    const double dx = (lon2 - lon1) * k * std::cos(lat1 * M_PI / 180.0);
    return std::hypot(dx, dy);
}

} // namespace

class TestFixAverager : public QObject {
    Q_OBJECT

private slots:
    void emptyGivesNoFix()
    {
        FixAverager a;
        QVERIFY(a.isEmpty());
        QVERIFY(!a.average().isValid());
    }

    void invalidFixesAreIgnored()
    {
        FixAverager a;
        a.add(GeoFix());
        QCOMPARE(a.count(), 0);
        a.add(fixAt(33.1, 111.5, 5));
        QCOMPARE(a.count(), 1);
    }

    void meanPositionAndAltitude()
    {
        FixAverager a;
        GeoFix f1 = fixAt(33.0, 111.0, 4, 1000);
        GeoFix f2 = fixAt(33.2, 111.4, 6, 2000);
        f2.altitude = 160;
        GeoFix f3 = fixAt(33.1, 111.2, 5, 3000);
        f3.altitude = NAN; // no altitude: left out of the altitude mean only
        f3.source = QStringLiteral("last");
        f3.satellitesInUse = 7;
        a.add(f1);
        a.add(f2);
        a.add(f3);
        const GeoFix m = a.average();
        QVERIFY(m.isValid());
        QCOMPARE(m.latitude, 33.1);
        QCOMPARE(m.longitude, 111.2);
        QCOMPARE(m.altitude, 155.0);
        QCOMPARE(m.fixesAveraged, 3);
        QCOMPARE(m.fixTimeMs, qint64(3000)); // the last fix's time
        QCOMPARE(m.source, QStringLiteral("last"));
        QCOMPARE(m.satellitesInUse, 7);
        QVERIFY(m.overrideReason.isEmpty());
    }

    // Correlated errors: N fixes at 8 m are still 8 m, not 8/sqrt(N).
    void accuracyIsNotShrunkBySqrtN()
    {
        FixAverager a;
        for (int i = 0; i < 9; ++i)
            a.add(fixAt(33.13782, 111.49096, 8.0, 1000 + i));
        QCOMPARE(a.average().horizontalAccuracyM, 8.0);
        QCOMPARE(a.average().fixesAveraged, 9);
    }

    void accuracyIsTheMeanOfTheFixes()
    {
        FixAverager a;
        a.add(fixAt(33.13782, 111.49096, 4.0));
        a.add(fixAt(33.13782, 111.49096, 12.0));
        QCOMPARE(a.average().horizontalAccuracyM, 8.0);
    }

    // Fixes 100 m apart that each claim 5 m: the point is not good to 5 m.
    void accuracyCoversTheScatter()
    {
        FixAverager a;
        const double lat = 33.13782, lon = 111.49096;
        const double dLat = 100.0 / (6371008.8 * M_PI / 180.0);
        a.add(fixAt(lat, lon, 5));
        a.add(fixAt(lat + dLat, lon, 5));
        const GeoFix m = a.average();
        QVERIFY(std::abs(metresBetween(lat, lon, m.latitude, m.longitude) - 50.0) < 0.01);
        QVERIFY2(std::abs(m.horizontalAccuracyM - 50.0) < 0.01,
                 qPrintable(QString::number(m.horizontalAccuracyM)));
    }

    void unknownAccuracyMakesTheAverageUnknown()
    {
        FixAverager a;
        a.add(fixAt(33.1, 111.5, 5));
        a.add(fixAt(33.1, 111.5, NAN));
        QVERIFY(std::isnan(a.average().horizontalAccuracyM));
    }

    void averagesAcrossTheAntimeridian()
    {
        FixAverager a;
        a.add(fixAt(10, 179.9998, 5));
        a.add(fixAt(10, -179.9998, 5));
        const double lon = a.average().longitude;
        QVERIFY2(std::abs(std::abs(lon) - 180.0) < 1e-9, qPrintable(QString::number(lon, 'f', 7)));
    }

    void clearStartsOver()
    {
        FixAverager a;
        a.add(fixAt(33.1, 111.5, 5));
        a.clear();
        QVERIFY(a.isEmpty());
        QVERIFY(!a.average().isValid());
    }

    void gate_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("accuracyM");
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<int>("verdict");
        const qint64 fresh = 500;
        using V = AccuracyGate::Verdict;
        QTest::newRow("no position") << double(NAN) << 5.0 << fresh << int(V::NoFix);
        QTest::newRow("good") << 33.1 << 8.0 << fresh << int(V::Ok);
        QTest::newRow("exactly the threshold") << 33.1 << 10.0 << fresh << int(V::Ok);
        QTest::newRow("too inaccurate") << 33.1 << 10.5 << fresh << int(V::TooInaccurate);
        QTest::newRow("poor, tens of metres") << 33.1 << 60.0 << fresh << int(V::TooInaccurate);
        QTest::newRow("accuracy unknown") << 33.1 << double(NAN) << fresh << int(V::TooInaccurate);
        QTest::newRow("10 s old is still fresh") << 33.1 << 5.0 << qint64(10000) << int(V::Ok);
        QTest::newRow("stale") << 33.1 << 5.0 << qint64(10001) << int(V::Stale);
        QTest::newRow("stale beats inaccurate") << 33.1 << 60.0 << qint64(60000) << int(V::Stale);
        QTest::newRow("clock ahead is not stale") << 33.1 << 5.0 << qint64(-3000) << int(V::Ok);
    }

    void gate()
    {
        QFETCH(double, lat);
        QFETCH(double, accuracyM);
        QFETCH(qint64, ageMs);
        QFETCH(int, verdict);
        const qint64 now = 1'700'000'000'000;
        GeoFix f = fixAt(lat, 111.5, accuracyM, now - ageMs);
        QCOMPARE(int(AccuracyGate::classify(f, 10.0, now)), verdict);
    }

    void gateWithoutFixTimeIsStale()
    {
        GeoFix f = fixAt(33.1, 111.5, 5, 0);
        QCOMPARE(AccuracyGate::classify(f, 10.0, 1'700'000'000'000), AccuracyGate::Verdict::Stale);
    }

    void gateHonoursThresholdAndStaleLimit()
    {
        const qint64 now = 1'700'000'000'000;
        const GeoFix f = fixAt(33.1, 111.5, 25, now - 3000);
        QCOMPARE(AccuracyGate::classify(f, 10.0, now), AccuracyGate::Verdict::TooInaccurate);
        QCOMPARE(AccuracyGate::classify(f, 30.0, now), AccuracyGate::Verdict::Ok);
        QCOMPARE(AccuracyGate::classify(f, 30.0, now, 2000), AccuracyGate::Verdict::Stale);
    }
};

QTEST_GUILESS_MAIN(TestFixAverager)
#include "tst_fixaverager.moc"
