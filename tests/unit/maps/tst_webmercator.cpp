// Web Mercator (EPSG:3857) on the tile grid: the numbers every tile server agrees on.
#include "domain/webmercator.h"

#include <QTest>

#include <cmath>

class TestWebMercator : public QObject {
    Q_OBJECT

private slots:
    void knownPixels()
    {
        // (0°, 0°) is the middle of the world; the corners are its corners.
        QCOMPARE(WebMercator::worldPixel(0, 0, 0), QPointF(128, 128));
        const QPointF nw = WebMercator::worldPixel(-180, WebMercator::kMaxLatitude, 1);
        QVERIFY(qAbs(nw.x()) < 1e-6 && qAbs(nw.y()) < 1e-6);
        const QPointF se = WebMercator::worldPixel(180, -WebMercator::kMaxLatitude, 1);
        QVERIFY(qAbs(se.x() - 512) < 1e-6 && qAbs(se.y() - 512) < 1e-6);
        // Beyond ±85.0511° the latitude is clamped, not infinite.
        QVERIFY(qAbs(WebMercator::worldPixel(0, 89.9, 3).y()) < 1e-6);
        // atan(sinh(π/2)) = 66.5132°N lies a quarter of the way down the world.
        const double quarter = std::atan(std::sinh(M_PI / 2)) * 180 / M_PI;
        QVERIFY(qAbs(WebMercator::worldPixel(90, quarter, 2).y() - 256) < 1e-9);
        QVERIFY(qAbs(WebMercator::worldPixel(90, quarter, 2).x() - 768) < 1e-9);
    }

    void roundTrip_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("zoom");
        QTest::newRow("reservoir") << 111.49 << 33.14 << 12.5;
        QTest::newRow("south-west") << -70.25 << -45.5 << 3.0;
        QTest::newRow("deep zoom") << 116.391 << 39.907 << 19.0;
    }
    void roundTrip()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, zoom);
        const QPointF back = WebMercator::lonLat(WebMercator::worldPixel(lon, lat, zoom), zoom);
        QVERIFY(qAbs(back.x() - lon) < 1e-9);
        QVERIFY(qAbs(back.y() - lat) < 1e-9);
    }

    void metresPerPixel()
    {
        // 156,543.03 m at the equator at zoom 0 (2π · 6378137 / 256), halving per zoom, and
        // shrinking with cos(latitude).
        QVERIFY(qAbs(WebMercator::metresPerPixel(0, 0) - 156543.034) < 0.01);
        QVERIFY(qAbs(WebMercator::metresPerPixel(0, 10) - 152.874) < 0.001);
        QVERIFY(qAbs(WebMercator::metresPerPixel(60, 10) - 152.874 / 2) < 0.001);
    }
};

QTEST_APPLESS_MAIN(TestWebMercator)
#include "tst_webmercator.moc"
