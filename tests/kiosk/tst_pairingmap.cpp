// The pairing map's data: the bundled CSV read row by row with clear errors, lon/lat
// projected onto the design canvas, and the units' touch targets placed apart.
#include "controllers/pairingmap.h"
#include "domain/labelplacement.h"
#include "domain/mappoints.h"
#include "domain/mapprojection.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TstPairingMap : public QObject {
    Q_OBJECT
private slots:
    void parsesQuotedRows()
    {
        const MapPointsResult r = parseMapPoints(
            "kind,code,name,lon,lat,datum,source\n"
            "county_seat,411326,淅川县,111.490964,33.13782,GCJ-02,\"npm, cp; \"\"AMap\"\"\"\r\n");
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join('\n')));
        QCOMPARE(r.points.size(), 1);
        QCOMPARE(r.points.at(0).name, QStringLiteral("淅川县"));
        QCOMPARE(r.points.at(0).nameEn, QString()); // a file without English names
        QCOMPARE(r.points.at(0).code, QStringLiteral("411326"));
        QCOMPARE(r.points.at(0).lon, 111.490964);
        QCOMPARE(r.points.at(0).lat, 33.13782);
    }

    // Columns are found by the header's names, in any order; name_en is read when there.
    void columnsByNameWithTheEnglishName()
    {
        const MapPointsResult r
            = parseMapPoints("lat,lon,name_en,name,code,kind\n"
                             "39.92,116.49,\"Chaoyang District\",朝阳区,110105,beijing_district\n"
                             "39.9,116.2\n");
        QCOMPARE(r.points.size(), 1);
        QCOMPARE(r.points.at(0).kind, QStringLiteral("beijing_district"));
        QCOMPARE(r.points.at(0).name, QStringLiteral("朝阳区"));
        QCOMPARE(r.points.at(0).nameEn, QStringLiteral("Chaoyang District"));
        QCOMPARE(r.points.at(0).lon, 116.49);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.at(0).startsWith(QStringLiteral("line 3: 2 fields")),
                 qPrintable(r.errors.at(0)));

        const PlaceNamesResult places = parsePlaceNames("kind,code,name,name_en,source\n"
                                                        "province,410000,河南省,Henan Province,x\n"
                                                        "prefecture,411300,南阳市,,x\n");
        QCOMPARE(places.names.size(), 1);
        QCOMPARE(places.names.at(0).nameEn, QStringLiteral("Henan Province"));
        QCOMPARE(places.errors.size(), 1); // a name without its English one
        QVERIFY(places.errors.at(0).startsWith(QStringLiteral("line 3:")));
        QVERIFY(parsePlaceNames("kind,code,name\nprovince,1,甲\n").errors.at(0).contains("header"));
    }

    void badRowsAreSkippedWithTheirLine()
    {
        const MapPointsResult r = parseMapPoints("kind,code,name,lon,lat\n"
                                                 "county_seat,1,甲,111.0,33.0\n"
                                                 "county_seat,2,乙,east,33.0\n"
                                                 "county_seat,3,丙,111.0\n"
                                                 "county_seat,4,丁,111.0,95\n"
                                                 "county_seat,5,\"戊,111.0,33.0\n"
                                                 "county_seat,6,己,112.0,34.0\n");
        QCOMPARE(r.points.size(), 2);
        QCOMPARE(r.points.at(1).name, QStringLiteral("己"));
        QCOMPARE(r.errors.size(), 4);
        QVERIFY(r.errors.at(0).startsWith(QStringLiteral("line 3: longitude 'east'")));
        QVERIFY(r.errors.at(1).startsWith(QStringLiteral("line 4:")));
        QVERIFY(r.errors.at(2).startsWith(QStringLiteral("line 5: latitude '95'")));
        QVERIFY(r.errors.at(3).startsWith(QStringLiteral("line 6: unterminated quote")));
    }

    void wrongHeaderOrEmptyIsAnError()
    {
        QCOMPARE(parseMapPoints("name,lon,lat\n甲,1,2\n").points.size(), 0);
        QVERIFY(parseMapPoints("name,lon,lat\n甲,1,2\n").errors.at(0).contains("header"));
        QVERIFY(parseMapPoints("").errors.at(0).contains("empty"));
        QVERIFY(parseMapPoints("\x00\xff\xfe garbage").errors.size() == 1);
    }

    void projectionKeepsNorthUpAndFitsTheBox()
    {
        const MapProjection p(QRectF(110, 32, 2, 2), QRectF(0, 0, 1000, 500));
        // Height binds: 2° of latitude = 500 px; north-west corner at the top.
        QCOMPARE(p.pixelsPerDegreeLat(), 250.0);
        const QPointF nw = p.project(110, 34);
        const QPointF se = p.project(112, 32);
        QCOMPARE(nw.y(), 0.0);
        QCOMPARE(se.y(), 500.0);
        // Longitude is shrunk by cos(33°) and the map centred horizontally.
        const double width = 2 * qCos(qDegreesToRadians(33.0)) * 250;
        QVERIFY(qAbs((se.x() - nw.x()) - width) < 1e-9);
        QVERIFY(qAbs(nw.x() - (1000 - width) / 2) < 1e-9);
        QVERIFY(p.contains(111, 33));
        QVERIFY(!p.contains(113, 33));
        // Further east is further right, further north is higher up.
        QVERIFY(p.project(111.5, 33).x() > p.project(111, 33).x());
        QVERIFY(p.project(111, 33.5).y() < p.project(111, 33).y());
    }

    void labelsArePushedApartInsideTheirBounds()
    {
        const QRectF bounds(0, 0, 600, 400);
        const QList<QPointF> anchors {{300, 200}, {300, 200}, {305, 210}, {10, 10}};
        const QList<QRectF> labels = placeLabels(anchors, QSizeF(168, 96), bounds);
        QCOMPARE(labels.size(), 4);
        QVERIFY(worstOverlap(labels) < 0.01); // under 1 % of a label: a pixel's rounding
        for (const QRectF &r : labels)
            QVERIFY(bounds.contains(r));
        QCOMPARE(worstOverlap({QRectF(0, 0, 100, 100), QRectF(50, 0, 100, 100)}), 0.5);
    }

    void bundledMapHasEveryPlace()
    {
        PairingMap map;
        QVERIFY2(map.error().isEmpty(), qPrintable(map.error()));
        QCOMPARE(map.units().size(), 16);
        QCOMPARE(map.districts().size(), 16);
        QVERIFY(map.reservoir().size() >= 6);
        // 陶岔, 南阳, 郑州, 石家庄, 团城湖: from the source area into the Beijing inset.
        QCOMPARE(map.canal().size(), 5);
        const QRectF mapArea = map.property("mapArea").toRectF();
        const QRectF inset = map.property("insetArea").toRectF();
        const MapPlace start = map.canal().first();
        const MapPlace end = map.canal().last();
        QVERIFY(mapArea.contains(start.x, start.y));
        QVERIFY(inset.contains(end.x, end.y));

        // 淅川 is north of 丹江口市 and east of 郧西.
        const MapPlace xichuan = map.unit("411326");
        QVERIFY(xichuan.found);
        QCOMPARE(xichuan.name, QStringLiteral("淅川县"));
        QVERIFY(xichuan.y < map.unit("420381").y);
        QVERIFY(xichuan.x > map.unit("420322").x);
        QVERIFY(map.district("朝阳区").x > map.district("门头沟区").x);

        // Touch targets: at least 96 px and none covering another.
        QList<QRectF> labels;
        for (const MapPlace &u : map.units()) {
            labels << QRectF(u.labelX, u.labelY, u.labelWidth, u.labelHeight);
            QVERIFY(labels.last().width() >= 96 && labels.last().height() >= 96);
            QVERIFY(mapArea.contains(labels.last()));
        }
        QVERIFY2(worstOverlap(labels) < 0.01, qPrintable(QString::number(worstOverlap(labels))));
        QVERIFY(!map.unit("000000").found);
    }

    // English mode names every place the map shows or names: the units' seats, the Beijing
    // districts, the canal's landmarks, and the provinces and prefectures of the detail panel.
    void bundledMapNamesEveryPlaceInEnglish()
    {
        PairingMap map;
        QVERIFY2(map.error().isEmpty(), qPrintable(map.error()));
        const auto english = [](const QString &text) {
            static const QRegularExpression chinese(
                QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
            return !text.isEmpty() && !text.contains(chinese);
        };
        for (const QList<MapPlace> &places : {map.units(), map.districts(), map.canal()}) {
            for (const MapPlace &p : places) {
                QVERIFY2(english(p.nameEn), qPrintable(p.name));
                QCOMPARE(map.englishName(p.name), p.nameEn);
            }
        }
        QCOMPARE(map.englishName(QStringLiteral("朝阳区")), QStringLiteral("Chaoyang District"));
        QCOMPARE(map.englishName(QStringLiteral("陶岔渠首")), QStringLiteral("Taocha Canal Head"));
        // Every province and prefecture the reference data names (units.csv).
        QFile units(QStringLiteral(":/qingshui/reference/units.csv"));
        QVERIFY(units.open(QIODevice::ReadOnly));
        units.readLine();
        int regions = 0;
        while (!units.atEnd()) {
            const QStringList f = QString::fromUtf8(units.readLine()).trimmed().split(',');
            for (const QString &region : {f.at(4), f.at(6)}) { // prefecture_name, province_name
                if (region.isEmpty())
                    continue; // 神农架林区 has no prefecture
                QVERIFY2(english(map.englishName(region)), qPrintable(region));
                ++regions;
            }
        }
        QCOMPARE(regions, 31); // 16 provinces and 15 prefectures named
        QCOMPARE(map.englishName(QStringLiteral("十堰市")), QStringLiteral("Shiyan City"));
        QCOMPARE(map.englishName(QStringLiteral("没有的地方")), QString());
    }

    void missingOrCorruptFileLeavesAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("map_points.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind,code,name,lon,lat\n"
                "county_seat,411326,淅川县,111.49,33.13\n"
                "county_seat,420381,丹江口市,garbage,32.54\n");
        f.close();

        PairingMap map;
        QSignalSpy relaid(&map, &PairingMap::layoutChanged);
        map.setProperty("pointsFile", path);
        QCOMPARE(relaid.count(), 1);
        QCOMPARE(map.units().size(), 1);
        QVERIFY(map.error().contains("line 3: longitude 'garbage'"));
        QVERIFY(!map.unit("420381").found);

        map.setProperty("pointsFile", dir.filePath("gone.csv"));
        QCOMPARE(map.units().size(), 0);
        QCOMPARE(map.canal().size(), 0);
        QVERIFY(map.error().contains("gone.csv"));
    }
};

QTEST_GUILESS_MAIN(TstPairingMap)
#include "tst_pairingmap.moc"
