// The datums of Chinese basemaps. The WGS-84 → GCJ-02 pairs are the test points of
// eviltransform (github.com/googollee/eviltransform, python/test.py: Shanghai, Shenzhen,
// Beijing), computed there by the same published formula; that library uses 6378137 m for
// the ellipsoid's axis where the formula (and this code) uses Krasovsky's 6378245 m, which
// moves a point by about a centimetre: the pairs must agree to 0.1 m.
#include "domain/chinadatum.h"
#include "domain/geodistance.h"

#include <QTest>

class TestChinaDatum : public QObject {
    Q_OBJECT

private slots:
    void names()
    {
        for (const char *name : {"WGS-84", "wgs84", "EPSG:4326", " Wgs-84 "})
            QCOMPARE(chinaDatumFromName(QString::fromLatin1(name)), ChinaDatum::Wgs84);
        for (const char *name : {"CGCS2000", "cgcs2000", "EPSG:4490"})
            QCOMPARE(chinaDatumFromName(QString::fromLatin1(name)), ChinaDatum::Cgcs2000);
        for (const char *name : {"GCJ-02", "gcj02", "Gcj-02"})
            QCOMPARE(chinaDatumFromName(QString::fromLatin1(name)), ChinaDatum::Gcj02);
        for (const char *name : {"", "BD-09", "EPSG:3857", "WGS 84 / Pseudo-Mercator"})
            QVERIFY(!chinaDatumFromName(QString::fromLatin1(name)));
        for (ChinaDatum d : {ChinaDatum::Wgs84, ChinaDatum::Cgcs2000, ChinaDatum::Gcj02})
            QCOMPARE(chinaDatumFromName(chinaDatumName(d)), d);
        QCOMPARE(chinaDatumName(ChinaDatum::Gcj02), QStringLiteral("GCJ-02"));
    }

    void knownPairs_data()
    {
        QTest::addColumn<double>("wgsLat");
        QTest::addColumn<double>("wgsLon");
        QTest::addColumn<double>("gcjLat");
        QTest::addColumn<double>("gcjLon");
        QTest::newRow("shanghai") << 31.1774276 << 121.5272106 << 31.17530398364597
                                  << 121.531541859215;
        QTest::newRow("shenzhen") << 22.543847 << 113.912316 << 22.540796131694766
                                  << 113.9171764808363;
        QTest::newRow("beijing") << 39.911954 << 116.377817 << 39.91334545536069
                                 << 116.38404722455657;
    }
    void knownPairs()
    {
        QFETCH(double, wgsLat);
        QFETCH(double, wgsLon);
        QFETCH(double, gcjLat);
        QFETCH(double, gcjLon);
        const QPointF gcj = fromWgs84(ChinaDatum::Gcj02, wgsLon, wgsLat);
        QVERIFY2(haversineMetres(gcj.y(), gcj.x(), gcjLat, gcjLon) < 0.1,
                 qPrintable(QString::number(haversineMetres(gcj.y(), gcj.x(), gcjLat, gcjLon))));
        // The shift itself is hundreds of metres: the test would notice a missing one.
        QVERIFY(haversineMetres(wgsLat, wgsLon, gcjLat, gcjLon) > 100);
        // And back, by iteration, to under 0.1 m.
        const QPointF wgs = toWgs84(ChinaDatum::Gcj02, gcjLon, gcjLat);
        QVERIFY(haversineMetres(wgs.y(), wgs.x(), wgsLat, wgsLon) < 0.1);
    }

    void inverseEverywhereInChina()
    {
        for (double lat = 18.5; lat < 53; lat += 2.75) {
            for (double lon = 74; lon < 135; lon += 3.5) {
                const QPointF gcj = fromWgs84(ChinaDatum::Gcj02, lon, lat);
                const QPointF back = toWgs84(ChinaDatum::Gcj02, gcj.x(), gcj.y());
                QVERIFY(haversineMetres(back.y(), back.x(), lat, lon) < 0.1);
            }
        }
    }

    void identities()
    {
        // CGCS2000 and WGS-84 agree at map scale; GCJ-02 does not shift outside China.
        QCOMPARE(fromWgs84(ChinaDatum::Cgcs2000, 111.49, 33.14), QPointF(111.49, 33.14));
        QCOMPARE(toWgs84(ChinaDatum::Wgs84, 111.49, 33.14), QPointF(111.49, 33.14));
        QCOMPARE(fromWgs84(ChinaDatum::Gcj02, 2.35, 48.85), QPointF(2.35, 48.85)); // Paris
        QCOMPARE(toWgs84(ChinaDatum::Gcj02, 139.69, 35.69), QPointF(139.69, 35.69)); // Tokyo
    }
};

QTEST_APPLESS_MAIN(TestChinaDatum)
#include "tst_chinadatum.moc"
