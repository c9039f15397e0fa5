// Runs mapview_test.qml: the real QsMapView (Qingshui.Ui) over a test MBTiles written for the
// run, and over one without a datum. The view's MapViewport gives the engine its tile
// provider, as in the app.
#include "controllers/basemapreader.h"

#include "mbtilestestfiles.h"

#include <QColor>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

// What the test asks of the test basemap: the colour of the tile under a place, as QML
// writes a colour.
class TestTiles : public QObject {
    Q_OBJECT
public:
    Q_INVOKABLE QString colourAt(double lon, double lat, int z) const
    {
        const QPointF p = WebMercator::worldPixel(lon, lat, z) / WebMercator::kTileSize;
        return TestMbtiles::colourOf(z, int(p.x()), int(p.y())).name(); // #rrggbb
    }
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        const QString good = m_dir.filePath(QStringLiteral("basemap.mbtiles"));
        if (!TestMbtiles().write(good, tileRangesFor(kTestBasemapBox, 8, 10)))
            qFatal("cannot write the test basemap");
        m_basemap = readBasemapInfo(good);
        TestMbtiles noDatum;
        noDatum.metadata.removeIf([](const auto &pair) { return pair.first == u"datum"; });
        const QString bad = m_dir.filePath(QStringLiteral("nodatum.mbtiles"));
        if (!noDatum.write(bad, tileRangesFor(kTestBasemapBox, 8, 8)))
            qFatal("cannot write the test basemap");
        m_noDatum = readBasemapInfo(bad);
        // Zoom 7 whole, zoom 10 only its westmost column: the centre's tile of zoom 10 is
        // missing.
        TestMbtiles partial;
        for (auto &pair : partial.metadata) {
            if (pair.first == u"minzoom")
                pair.second = QStringLiteral("7");
        }
        QList<TestMbtiles::Range> ranges = tileRangesFor(kTestBasemapBox, 7, 7);
        TestMbtiles::Range column = tileRangesFor(kTestBasemapBox, 10, 10).first();
        column.x1 = column.x0;
        ranges.append(column);
        const QString partialPath = m_dir.filePath(QStringLiteral("partial.mbtiles"));
        if (!partial.write(partialPath, ranges))
            qFatal("cannot write the test basemap");
        m_partial = readBasemapInfo(partialPath);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testBasemap"),
                                                  QVariant::fromValue(m_basemap));
        engine->rootContext()->setContextProperty(QStringLiteral("noDatumBasemap"),
                                                  QVariant::fromValue(m_noDatum));
        engine->rootContext()->setContextProperty(QStringLiteral("partialBasemap"),
                                                  QVariant::fromValue(m_partial));
        engine->rootContext()->setContextProperty(QStringLiteral("testTiles"), &m_tiles);
    }

private:
    QTemporaryDir m_dir;
    BasemapInfo m_basemap;
    BasemapInfo m_noDatum;
    BasemapInfo m_partial;
    TestTiles m_tiles;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_qml_map, Setup)
#include "tst_qml_map.moc"
