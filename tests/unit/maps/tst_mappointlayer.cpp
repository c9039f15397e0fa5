// The point layer without a window: it clusters for the viewport, clusters again on a zoom
// or when the view leaves what it clustered (never on a small pan), and a tap finds a marker
// or zooms into a cluster.
#include "controllers/mapmarkerset.h"
#include "controllers/mappointlayer.h"
#include "controllers/mapviewport.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

class TestMapPointLayer : public QObject {
    Q_OBJECT

    static MapMarker marker(const QString &id, double lon, double lat,
                            MapMarker::Kind kind = MapMarker::Kind::Record)
    {
        MapMarker m;
        m.id = id;
        m.lon = lon;
        m.lat = lat;
        m.kind = kind;
        return m;
    }

private slots:
    void clustersOnZoomNotOnPan()
    {
        MapViewport viewport;
        viewport.setWidth(800);
        viewport.setHeight(600);
        viewport.centerOn(111.49, 33.14, 10);
        MapMarkerSet markers;
        markers.setMarkers({marker("a", 111.490, 33.140), marker("b", 111.4902, 33.1401),
                            marker("c", 111.600, 33.100)});
        MapPointLayer layer;
        layer.setSize(QSizeF(800, 600));
        QSignalSpy clustered(&layer, &MapPointLayer::clustered);
        layer.setViewport(&viewport);
        layer.setMarkers(&markers);
        QCOMPARE(layer.clusterCount(), 2); // a+b, c
        clustered.clear();

        for (int i = 0; i < 20; ++i)
            viewport.panBy(10, -5);
        QCOMPARE(clustered.count(), 0); // still inside what was clustered
        viewport.panBy(3000, 0); // far: the view left the clustered box
        QCOMPARE(clustered.count(), 1);
        viewport.zoomAround(400, 300, 10.6); // the same integer zoom
        QCOMPARE(clustered.count(), 1);
        viewport.centerOn(111.49, 33.14, 19);
        QCOMPARE(clustered.count(), 2);
        QCOMPARE(layer.clusterCount(), 2); // a, b apart; c out of the view's box

        markers.setMarkers({});
        QCOMPARE(layer.clusterCount(), 0);
    }

    void tapFindsAMarkerOrZoomsIntoACluster()
    {
        MapViewport viewport;
        viewport.setWidth(800);
        viewport.setHeight(600);
        viewport.centerOn(111.49, 33.14, 10);
        MapMarkerSet markers;
        markers.setMarkers({marker("a", 111.490, 33.140), marker("b", 111.4902, 33.1401),
                            marker("pond-7", 111.600, 33.100, MapMarker::Kind::Pond)});
        MapPointLayer layer;
        layer.setSize(QSizeF(800, 600));
        layer.setViewport(&viewport);
        layer.setMarkers(&markers);
        QSignalSpy markerTapped(&layer, &MapPointLayer::markerTapped);
        QSignalSpy clusterTapped(&layer, &MapPointLayer::clusterTapped);

        const QPointF pond = viewport.toScreen(111.600, 33.100);
        QVERIFY(layer.tapAt(pond.x() + 5, pond.y() - 5));
        QCOMPARE(markerTapped.count(), 1);
        QCOMPARE(markerTapped.at(0).at(0).toString(), QStringLiteral("pond-7"));
        QCOMPARE(markerTapped.at(0).at(1).toInt(), int(MapMarker::Kind::Pond));

        QVERIFY(!layer.tapAt(10, 10)); // nothing there: the view's own tap
        QCOMPARE(markerTapped.count(), 1);

        const QPointF pair = viewport.toScreen(111.4901, 33.14005);
        QVERIFY(layer.tapAt(pair.x(), pair.y()));
        QCOMPARE(clusterTapped.count(), 1);
        QCOMPARE(viewport.zoom(), 12.0); // zoomed in on it
        QVERIFY(qAbs(viewport.centerLon() - 111.4901) < 1e-9);
    }
};

QTEST_MAIN(TestMapPointLayer)
#include "tst_mappointlayer.moc"
