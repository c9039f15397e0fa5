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
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testBasemap"),
                                                  QVariant::fromValue(m_basemap));
        engine->rootContext()->setContextProperty(QStringLiteral("noDatumBasemap"),
                                                  QVariant::fromValue(m_noDatum));
        engine->rootContext()->setContextProperty(QStringLiteral("testTiles"), &m_tiles);
    }

private:
    QTemporaryDir m_dir;
    BasemapInfo m_basemap;
    BasemapInfo m_noDatum;
    TestTiles m_tiles;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_qml_map, Setup)
#include "tst_qml_map.moc"
