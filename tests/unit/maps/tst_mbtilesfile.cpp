// Reading MBTiles: the metadata, tiles by XYZ from a TMS file, reads from several threads, and
// each bad file made for real (a text file, a truncated copy, pages overwritten, another
// database, no datum, an unknown datum, vector tiles, no tiles) refused with its code and no
// crash.
#include "common/mbtilesfile.h"

#include "mbtilestestfiles.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

class TestMbtilesFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString write(const TestMbtiles &mbtiles, int minZoom = 8, int maxZoom = 10)
    {
        const QString path = m_dir.filePath(QStringLiteral("t%1.mbtiles").arg(++m_files));
        QString error;
        if (!mbtiles.write(path, tileRangesFor(kTestBasemapBox, minZoom, maxZoom), &error))
            qFatal("%s", qPrintable(error));
        return path;
    }
    static void setMeta(TestMbtiles &m, const QString &name, const QString &value)
    {
        for (auto &pair : m.metadata) {
            if (pair.first == name) {
                pair.second = value;
                return;
            }
        }
        m.metadata.append({name, value});
    }
    static void removeMeta(TestMbtiles &m, const QString &name)
    {
        m.metadata.removeIf([&](const auto &pair) { return pair.first == name; });
    }

private slots:
    void metadata()
    {
        const MbtilesFile file(write(TestMbtiles()));
        QVERIFY2(file.isOk(), qPrintable(file.metadata().error));
        const MbtilesMetadata &m = file.metadata();
        QCOMPARE(m.name, QStringLiteral("test basemap"));
        QCOMPARE(m.format, QStringLiteral("png"));
        QCOMPARE(m.minZoom, 8);
        QCOMPARE(m.maxZoom, 10);
        QCOMPARE(m.datum, QStringLiteral("WGS-84"));
        QCOMPARE(m.bounds, QRectF(111.0, 32.5, 0.8, 0.7).normalized());
        QCOMPARE(m.centerLon, 111.49);
        QCOMPARE(m.centerZoom, 10);
    }

    void zoomsFromTheTilesWhenNotGiven()
    {
        TestMbtiles mbtiles;
        removeMeta(mbtiles, QStringLiteral("minzoom"));
        removeMeta(mbtiles, QStringLiteral("maxzoom"));
        const MbtilesFile file(write(mbtiles, 9, 11));
        QVERIFY(file.isOk());
        QCOMPARE(file.metadata().minZoom, 9);
        QCOMPARE(file.metadata().maxZoom, 11);
    }

    void tilesByXyz()
    {
        const MbtilesFile file(write(TestMbtiles()));
        for (const TestMbtiles::Range &r : tileRangesFor(kTestBasemapBox, 8, 10)) {
            QString error;
            const QImage image = QImage::fromData(file.tile(r.z, r.x0, r.y0, &error));
            QVERIFY(error.isEmpty());
            // The colour of the XYZ tile asked for: the file's TMS row was flipped.
            QCOMPARE(image.pixelColor(10, 10).rgb(), TestMbtiles::colourOf(r.z, r.x0, r.y0).rgb());
            const QImage last = QImage::fromData(file.tile(r.z, r.x1, r.y1));
            QCOMPARE(last.pixelColor(10, 10).rgb(), TestMbtiles::colourOf(r.z, r.x1, r.y1).rgb());
        }
    }

    void missingTileIsEmptyNotAnError()
    {
        const MbtilesFile file(write(TestMbtiles()));
        QString error = QStringLiteral("untouched");
        QVERIFY(file.tile(4, 0, 0, &error).isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(file.tile(10, 5000, 3, &error).isEmpty()); // beyond the zoom's grid
        QVERIFY(file.tile(-1, 0, 0, &error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    void readsFromManyThreads()
    {
        const MbtilesFile file(write(TestMbtiles()));
        QList<TestMbtiles::Range> ranges = tileRangesFor(kTestBasemapBox, 10, 10);
        QList<QPoint> tiles;
        for (int x = ranges[0].x0; x <= ranges[0].x1; ++x)
            for (int y = ranges[0].y0; y <= ranges[0].y1; ++y)
                for (int repeat = 0; repeat < 8; ++repeat)
                    tiles.append(QPoint(x, y));
        const QList<bool> right = QtConcurrent::blockingMapped(tiles, [&file](const QPoint &t) {
            const QImage image = QImage::fromData(file.tile(10, t.x(), t.y()));
            return image.pixelColor(0, 0).rgb() == TestMbtiles::colourOf(10, t.x(), t.y()).rgb();
        });
        QVERIFY(!right.contains(false));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");

        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("none.mbtiles"))
                                 << "mbtiles_not_found";

        const QString text = m_dir.filePath(QStringLiteral("text.mbtiles"));
        QFile f(text);
        f.open(QIODevice::WriteOnly);
        f.write("name,lon,lat\npond 1,111.5,33.1\n");
        f.close();
        QTest::newRow("not sqlite") << text << "mbtiles_not_sqlite";

        // A copy cut short, as by a full disk or a download stopped halfway.
        const QString truncated = write(TestMbtiles());
        QFile t(truncated);
        QVERIFY(t.resize(t.size() / 2 / 4096 * 4096));
        QTest::newRow("truncated at a page") << truncated << "mbtiles_truncated";
        const QString ragged = write(TestMbtiles());
        QFile r(ragged);
        QVERIFY(r.resize(r.size() - 1000));
        QTest::newRow("truncated mid-page") << ragged << "mbtiles_truncated";

        // Every page but the schema's overwritten: the tables' pages are garbage.
        const QString garbled = write(TestMbtiles());
        QFile g(garbled);
        QVERIFY(g.open(QIODevice::ReadWrite));
        const qint64 size = g.size();
        g.seek(4096);
        g.write(QByteArray(int(size - 4096), '\xa5'));
        g.close();
        QTest::newRow("corrupt") << garbled << "mbtiles_corrupt";

        const QString other = m_dir.filePath(QStringLiteral("other.mbtiles"));
        {
            sqlite3 *db = nullptr;
            sqlite3_open(other.toUtf8().constData(), &db);
            sqlite3_exec(db, "CREATE TABLE records (id TEXT); INSERT INTO records VALUES ('a')",
                         nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        QTest::newRow("another database") << other << "mbtiles_not_mbtiles";

        TestMbtiles noDatum;
        removeMeta(noDatum, QStringLiteral("datum"));
        QTest::newRow("no datum") << write(noDatum) << "mbtiles_no_datum";
        TestMbtiles baidu;
        setMeta(baidu, QStringLiteral("datum"), QStringLiteral("BD-09"));
        QTest::newRow("unknown datum") << write(baidu) << "mbtiles_unknown_datum";
        TestMbtiles vector;
        setMeta(vector, QStringLiteral("format"), QStringLiteral("pbf"));
        QTest::newRow("vector tiles") << write(vector) << "mbtiles_bad_format";
        const QString empty = m_dir.filePath(QStringLiteral("empty.mbtiles"));
        QVERIFY(TestMbtiles().write(empty, {}));
        QTest::newRow("no tiles") << empty << "mbtiles_empty";
    }
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(QString, code);
        const MbtilesFile file(path);
        QVERIFY(!file.isOk());
        QCOMPARE(file.metadata().errorCode, code);
        QVERIFY2(file.metadata().error.startsWith(code + u':'), qPrintable(file.metadata().error));
        // Asking it for a tile anyway answers nothing, with the reason.
        QString error;
        QVERIFY(file.tile(10, 829, 411, &error).isEmpty());
        QVERIFY(error.startsWith(code));
    }
};

QTEST_GUILESS_MAIN(TestMbtilesFile)
#include "tst_mbtilesfile.moc"
