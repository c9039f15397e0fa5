// The viewport's conversions: screen and WGS-84 both ways, the datum shift on a GCJ-02
// basemap (a fix lands where the basemap draws its place), pan, zoom around a point, fitBox.
#include "controllers/mapviewport.h"

#include "domain/chinadatum.h"
#include "domain/geodistance.h"

#include <QSignalSpy>
#include <QTest>

class TestMapViewport : public QObject {
    Q_OBJECT

    static void makeView(MapViewport &v, const char *datum = "WGS-84")
    {
        v.setWidth(1280);
        v.setHeight(800);
        v.setDatum(QString::fromLatin1(datum));
        v.centerOn(111.49, 33.14, 12);
    }

private slots:
    void screenAndGeo()
    {
        MapViewport v;
        makeView(v);
        QCOMPARE(v.toScreen(111.49, 33.14), QPointF(640, 400));
        for (const QPointF &px : {QPointF(0, 0), QPointF(1280, 800), QPointF(17.5, 711)}) {
            const QPointF geo = v.toGeo(px.x(), px.y());
            const QPointF back = v.toScreen(geo.x(), geo.y());
            QVERIFY(qAbs(back.x() - px.x()) < 1e-6 && qAbs(back.y() - px.y()) < 1e-6);
        }
        const QRectF box = v.geoBox();
        QVERIFY(box.left() < 111.49 && box.right() > 111.49);
        QVERIFY(box.top() < 33.14 && box.bottom() > 33.14); // y = south, bottom = north
        QVERIFY(qAbs(v.metresPerPixel() - 38.2185 * std::cos(33.14 * M_PI / 180)) < 0.01);
    }

    void gcjBasemapDrawsFixesWhereTheyAre()
    {
        // The same WGS-84 fix, on a GCJ-02 basemap, is drawn where a WGS-84 basemap would
        // draw its GCJ-02 coordinates: hundreds of metres off, as the basemap is.
        MapViewport gcj, plain;
        makeView(gcj, "GCJ-02");
        makeView(plain);
        plain.centerOn(fromWgs84(ChinaDatum::Gcj02, 111.49, 33.14).x(),
                       fromWgs84(ChinaDatum::Gcj02, 111.49, 33.14).y(), 12);
        const QPointF shifted = fromWgs84(ChinaDatum::Gcj02, 111.52, 33.10);
        const QPointF a = gcj.toScreen(111.52, 33.10), b = plain.toScreen(shifted.x(), shifted.y());
        QVERIFY(qAbs(a.x() - b.x()) < 1e-6 && qAbs(a.y() - b.y()) < 1e-6);
        // Back again to WGS-84 within 0.1 m.
        const QPointF geo = gcj.toGeo(a.x(), a.y());
        QVERIFY(haversineMetres(geo.y(), geo.x(), 33.10, 111.52) < 0.1);
        QCOMPARE(gcj.datum(), QStringLiteral("GCJ-02"));
        gcj.setDatum(QStringLiteral("BD-09")); // unknown: drawn as WGS-84
        QCOMPARE(gcj.datum(), QStringLiteral("WGS-84"));
    }

    void panAndZoom()
    {
        MapViewport v;
        makeView(v);
        QSignalSpy changed(&v, &MapViewport::changed);
        const QPointF under = v.toGeo(900, 200);
        v.panBy(-260, 200);
        QCOMPARE(changed.count(), 1);
        // What was under (900, 200) moved with the finger.
        const QPointF moved = v.toScreen(under.x(), under.y());
        QVERIFY(qAbs(moved.x() - 640) < 1e-6 && qAbs(moved.y() - 400) < 1e-6);

        const QPointF pinned = v.toGeo(100, 700);
        v.zoomAround(100, 700, 14.3);
        QCOMPARE(v.zoom(), 14.3);
        const QPointF still = v.toScreen(pinned.x(), pinned.y());
        QVERIFY(qAbs(still.x() - 100) < 1e-6 && qAbs(still.y() - 700) < 1e-6);

        v.setMaxZoom(16);
        v.zoomAround(0, 0, 30);
        QCOMPARE(v.zoom(), 16.0);
        v.setMinZoom(8);
        v.centerOn(111.0, 33.0, 2);
        QCOMPARE(v.zoom(), 8.0);
    }

    void fitBox()
    {
        MapViewport v;
        makeView(v);
        v.fitBox(111.0, 32.5, 111.8, 33.2);
        const QRectF box = v.geoBox();
        QVERIFY(box.contains(QRectF(111.0, 32.5, 0.8, 0.7)));
        QVERIFY(box.width() < 0.8 * 2.5); // and not much more
        QVERIFY(qAbs(v.centerLon() - 111.4) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestMapViewport)
#include "tst_mapviewport.moc"
