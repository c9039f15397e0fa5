// The tile provider as QML's image loader uses it: asynchronous answers with the right tile,
// a transparent tile for one the file lacks or a file that cannot be read, decoded tiles kept
// within the cache's bytes; and readBasemapInfo's words for what the map view shows.
#include "controllers/basemapreader.h"
#include "controllers/maptileprovider.h"

#include "mbtilestestfiles.h"

#include <QGuiApplication>
#include <QQuickTextureFactory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestMapTileProvider : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    // Asks the provider as QML does and waits for its answer.
    static QImage request(MapTileProvider &provider, const QString &source,
                          QString *error = nullptr)
    {
        const QString id = source.mid(QStringLiteral("image://basemap/").size());
        std::unique_ptr<QQuickImageResponse> response(provider.requestImageResponse(id, {}));
        QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
        if (!finished.wait())
            return {};
        if (error)
            *error = response->errorString();
        std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
        return factory ? factory->image() : QImage();
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("a folder/底图 1.mbtiles")); // spaces, Chinese
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("a folder"))));
        QVERIFY(TestMbtiles().write(m_path, tileRangesFor(kTestBasemapBox, 8, 10)));
    }

    void answersTheTileAskedFor()
    {
        MapTileProvider provider;
        const auto range = tileRangesFor(kTestBasemapBox, 10, 10).first();
        QString error = QStringLiteral("untouched");
        const QImage tile
            = request(provider, MapTileProvider::sourceFor(10, range.x1, range.y0, m_path), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(tile.size(), QSize(256, 256));
        QCOMPARE(tile.pixelColor(128, 128).rgb(),
                 TestMbtiles::colourOf(10, range.x1, range.y0).rgb());
        QCOMPARE(provider.cache().count(), 1);
        // Asked again, from the cache: the same tile.
        QCOMPARE(request(provider, MapTileProvider::sourceFor(10, range.x1, range.y0, m_path))
                     .pixelColor(1, 1)
                     .rgb(),
                 TestMbtiles::colourOf(10, range.x1, range.y0).rgb());
        QCOMPARE(provider.cache().count(), 1);
    }

    void missingTileIsTransparent()
    {
        MapTileProvider provider;
        QString error = QStringLiteral("untouched");
        const QImage tile = request(provider, MapTileProvider::sourceFor(3, 1, 1, m_path), &error);
        QVERIFY(error.isEmpty()); // no error: QML shows no broken image
        QCOMPARE(tile.size(), QSize(256, 256));
        QCOMPARE(tile.pixelColor(5, 5).alpha(), 0);
        // A file that is not there, and a source that names no tile: the same, no crash.
        QCOMPARE(request(provider,
                         MapTileProvider::sourceFor(10, 829, 411,
                                                    m_dir.filePath(QStringLiteral("gone"))))
                     .pixelColor(5, 5)
                     .alpha(),
                 0);
        QCOMPARE(
            request(provider, QStringLiteral("image://basemap/ten/x")).pixelColor(5, 5).alpha(), 0);
        QCOMPARE(provider.cache().count(), 0);
    }

    void imagesGoneBeforeTheirTiles()
    {
        // A fast pan deletes Images whose tiles are still on the pool: the engine cancels and
        // deletes their responses. Nothing may touch a deleted response (the run under the
        // sanitizers would say so), and the provider is still answering after.
        MapTileProvider provider;
        for (const TestMbtiles::Range &r : tileRangesFor(kTestBasemapBox, 8, 10)) {
            for (int x = r.x0; x <= r.x1; ++x) {
                for (int y = r.y0; y <= r.y1; ++y) {
                    const QString id = MapTileProvider::sourceFor(r.z, x, y, m_path)
                                           .mid(QStringLiteral("image://basemap/").size());
                    QQuickImageResponse *response = provider.requestImageResponse(id, {});
                    response->cancel();
                    delete response;
                }
            }
        }
        QCoreApplication::processEvents(); // delivers whatever was queued to the gone ones
        const auto r = tileRangesFor(kTestBasemapBox, 9, 9).first();
        QCOMPARE(request(provider, MapTileProvider::sourceFor(9, r.x0, r.y0, m_path))
                     .pixelColor(3, 3)
                     .rgb(),
                 TestMbtiles::colourOf(9, r.x0, r.y0).rgb());
    }

    void fileCutWhileShown()
    {
        // The file is cut short under an open map (a disk failing, a copy over it): every tile
        // asked for is still answered — a tile or a transparent one — and nothing crashes.
        const QString path = m_dir.filePath(QStringLiteral("cut.mbtiles"));
        QVERIFY(TestMbtiles().write(path, tileRangesFor(kTestBasemapBox, 8, 10)));
        MapTileProvider provider;
        const auto first = tileRangesFor(kTestBasemapBox, 8, 8).first();
        QCOMPARE(request(provider, MapTileProvider::sourceFor(8, first.x0, first.y0, path))
                     .pixelColor(0, 0)
                     .rgb(),
                 TestMbtiles::colourOf(8, first.x0, first.y0).rgb());
        QFile file(path);
        QVERIFY(file.resize(8192));
        int answered = 0, transparent = 0;
        for (const TestMbtiles::Range &r : tileRangesFor(kTestBasemapBox, 9, 10)) {
            for (int x = r.x0; x <= r.x1; ++x) {
                for (int y = r.y0; y <= r.y1; ++y) {
                    const QImage tile
                        = request(provider, MapTileProvider::sourceFor(r.z, x, y, path));
                    QCOMPARE(tile.size(), QSize(256, 256));
                    ++answered;
                    if (tile.pixelColor(0, 0).alpha() == 0)
                        ++transparent;
                }
            }
        }
        QVERIFY(answered > 8);
        QCOMPARE(transparent, answered); // their pages are gone
    }

    void cacheStaysWithinItsBytes()
    {
        MapTileProvider provider;
        provider.cache().setMaxBytes(1024 * 1024); // four decoded tiles
        int asked = 0;
        for (const TestMbtiles::Range &r : tileRangesFor(kTestBasemapBox, 8, 10)) {
            for (int x = r.x0; x <= r.x1; ++x) {
                for (int y = r.y0; y <= r.y1; ++y) {
                    QCOMPARE(request(provider, MapTileProvider::sourceFor(r.z, x, y, m_path))
                                 .pixelColor(0, 0)
                                 .rgb(),
                             TestMbtiles::colourOf(r.z, x, y).rgb());
                    ++asked;
                    QVERIFY(provider.cache().bytes() <= 1024 * 1024);
                }
            }
        }
        QVERIFY(asked > 8);
        QCOMPARE(provider.cache().count(), 4);
    }

    void basemapInfo()
    {
        const BasemapInfo info = readBasemapInfo(m_path);
        QVERIFY(info.valid);
        QVERIFY(info.error.isEmpty());
        QCOMPARE(info.path, m_path);
        QCOMPARE(info.datum, QStringLiteral("WGS-84"));
        QCOMPARE(info.format, QStringLiteral("png"));
        QCOMPARE(info.minZoom, 8);
        QCOMPARE(info.maxZoom, 10);
        QCOMPARE(info.centerZoom, 10);

        TestMbtiles gcj;
        for (auto &pair : gcj.metadata)
            if (pair.first == u"datum")
                pair.second = QStringLiteral("gcj02");
        const QString gcjPath = m_dir.filePath(QStringLiteral("gcj.mbtiles"));
        QVERIFY(gcj.write(gcjPath, tileRangesFor(kTestBasemapBox, 8, 8)));
        QCOMPARE(readBasemapInfo(gcjPath).datum, QStringLiteral("GCJ-02")); // the one spelling

        TestMbtiles noDatum;
        noDatum.metadata.removeIf([](const auto &pair) { return pair.first == u"datum"; });
        const QString noDatumPath = m_dir.filePath(QStringLiteral("nodatum.mbtiles"));
        QVERIFY(noDatum.write(noDatumPath, tileRangesFor(kTestBasemapBox, 8, 8)));
        const BasemapInfo refused = readBasemapInfo(noDatumPath);
        QVERIFY(!refused.valid);
        QCOMPARE(refused.error, QStringLiteral("底图没有注明坐标系（datum），无法把位置画准"));
        QVERIFY(!readBasemapInfo(m_dir.filePath(QStringLiteral("gone"))).valid);
        // Every code MbtilesFile gives has words of its own.
        for (const char *code :
             {"mbtiles_not_found", "mbtiles_not_sqlite", "mbtiles_truncated", "mbtiles_corrupt",
              "mbtiles_not_mbtiles", "mbtiles_empty", "mbtiles_bad_format", "mbtiles_no_datum",
              "mbtiles_unknown_datum"}) {
            const QString words = BasemapText::describe(QString::fromLatin1(code));
            QVERIFY2(!words.contains(QLatin1String(code)), code);
            QVERIFY(words.contains(QStringLiteral("底图"))
                    || words.contains(QStringLiteral("文件")));
        }
        QCOMPARE(BasemapText::describe(QStringLiteral("mbtiles_from_the_future")),
                 QStringLiteral("底图无法打开（mbtiles_from_the_future）"));
    }
};

QTEST_MAIN(TestMapTileProvider)
#include "tst_maptileprovider.moc"
