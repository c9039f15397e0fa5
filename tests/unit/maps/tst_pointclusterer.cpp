// Clustering markers for a zoom: what groups, what stays single, what the box leaves out,
// and that panning does not regroup what stays in view.
#include "domain/pointclusterer.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace {
MapMarker marker(const QString &id, double lon, double lat)
{
    MapMarker m;
    m.id = id;
    m.lon = lon;
    m.lat = lat;
    return m;
}
const QRectF kWorld(-180, -85, 360, 170);
} // namespace

class TestPointClusterer : public QObject {
    Q_OBJECT

private slots:
    void nearMarkersGroupFarOnesStay()
    {
        PointClusterer c;
        // Two markers 10 m apart, one 20 km away.
        c.setMarkers({marker("a", 111.4900, 33.1400), marker("b", 111.4901, 33.1400),
                      marker("c", 111.7000, 33.1400)});
        QCOMPARE(c.markers().size(), 3);
        QList<MarkerCluster> at10 = c.clusters(10, kWorld);
        QCOMPARE(at10.size(), 2);
        std::sort(at10.begin(), at10.end(), [](auto &l, auto &r) { return l.count > r.count; });
        QCOMPARE(at10[0].count, 2);
        QCOMPARE(at10[0].markerIndex, -1);
        QVERIFY(qAbs(at10[0].lon - 111.49005) < 1e-9); // the members' mean
        QCOMPARE(at10[1].count, 1);
        QCOMPARE(c.markers().at(at10[1].markerIndex).id, QStringLiteral("c"));
        // At street level every marker stands alone.
        const QList<MarkerCluster> at20 = c.clusters(20, kWorld);
        QCOMPARE(at20.size(), 3);
        for (const MarkerCluster &m : at20)
            QCOMPARE(m.count, 1);
        // At zoom 3 the world is small: one cluster of three.
        QCOMPARE(c.clusters(3, kWorld).size(), 1);
    }

    void boxLeavesOut()
    {
        PointClusterer c;
        c.setMarkers(
            {marker("in", 111.5, 33.1), marker("west", 110.0, 33.1), marker("north", 111.5, 34.5)});
        const QList<MarkerCluster> in = c.clusters(14, QRectF(111.0, 33.0, 1.0, 0.5));
        QCOMPARE(in.size(), 1);
        QCOMPARE(c.markers().at(in[0].markerIndex).id, QStringLiteral("in"));
        QVERIFY(c.clusters(14, QRectF()).isEmpty());
    }

    void gridIsTheWorlds()
    {
        // A cluster's members do not depend on the box: a smaller box that still holds a
        // cell whole gives the same cluster for it.
        PointClusterer c;
        QList<MapMarker> markers;
        QRandomGenerator random(17);
        for (int i = 0; i < 2000; ++i)
            markers.append(marker(QString::number(i), 111.0 + random.generateDouble() * 0.8,
                                  32.5 + random.generateDouble() * 0.7));
        c.setMarkers(markers);
        const QList<MarkerCluster> all = c.clusters(11, QRectF(110, 32, 3, 2));
        const QList<MarkerCluster> part = c.clusters(11, QRectF(111.2, 32.7, 0.4, 0.3));
        int found = 0;
        for (const MarkerCluster &p : part) {
            for (const MarkerCluster &a : all) {
                if (a.count == p.count && qAbs(a.lon - p.lon) < 1e-12
                    && qAbs(a.lat - p.lat) < 1e-12)
                    ++found;
            }
        }
        // All but the cells cut by the smaller box's edges match.
        QVERIFY2(found > part.size() / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(found).arg(part.size())));
        int total = 0;
        for (const MarkerCluster &a : all)
            total += a.count;
        QCOMPARE(total, 2000);
    }

    void empty()
    {
        PointClusterer c;
        QVERIFY(c.clusters(10, kWorld).isEmpty());
        c.setMarkers({});
        QVERIFY(c.clusters(10, kWorld).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestPointClusterer)
#include "tst_pointclusterer.moc"
