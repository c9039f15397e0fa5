#include "mapbench.h"
#include "framewait.h"

#include "benchstats.h"
#include "controllers/basemapreader.h"
#include "controllers/mapmarkerset.h"
#include "controllers/maptileprovider.h"
#include "controllers/mapviewport.h"
#include "domain/pointclusterer.h"
#include "domain/record.h"
#include "domain/webmercator.h"
#include "testmbtiles.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

constexpr int kMarkers = 100000;
constexpr int kPans = 1000;
// The box the records and the generated basemap cover (testmbtiles.h's, the reservoir).
const QRectF kBox(111.0, 32.5, 0.8, 0.7);

double residentBytes()
{
    FILE *f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE));
}

// Every tile of zooms 8–13 over the box: about 600 tiles, written in a few seconds.
bool writeBasemap(const QString &path)
{
    QList<TestMbtiles::Range> ranges;
    for (int z = 8; z <= 13; ++z) {
        const QPointF nw = WebMercator::worldPixel(kBox.left(), kBox.bottom(), z) / 256;
        const QPointF se = WebMercator::worldPixel(kBox.right(), kBox.top(), z) / 256;
        ranges.append({z, int(nw.x()), int(se.x()), int(nw.y()), int(se.y())});
    }
    TestMbtiles mbtiles;
    for (auto &pair : mbtiles.metadata) {
        if (pair.first == u"maxzoom")
            pair.second = QStringLiteral("13");
    }
    QString error;
    if (!mbtiles.write(path, ranges, &error)) {
        std::fprintf(stderr, "qingshui-bench map: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

QList<MapMarker> randomRecords()
{
    QList<MapMarker> markers;
    markers.reserve(kMarkers);
    QRandomGenerator random(17);
    for (int i = 0; i < kMarkers; ++i) {
        MapMarker m;
        m.id = QString::number(i);
        m.lon = kBox.left() + random.generateDouble() * kBox.width();
        m.lat = kBox.top() + random.generateDouble() * kBox.height();
        m.status = 1 + random.bounded(6);
        markers.append(m);
    }
    return markers;
}

// The QML a page would write: the map filling a window, the records as a point layer. The
// map is made by a Loader so that its cold open is timed on its own.
const char kWindowQml[] = R"(
import QtQuick
import Qingshui.Backend
import Qingshui.Ui
Window {
    width: 1280
    height: 800
    property alias loader: loader
    Loader {
        id: loader
        objectName: "mapLoader"
        anchors.fill: parent
        active: false
        sourceComponent: QsMapView {
            id: map
            objectName: "map"
            basemap: benchBasemap
            MapPointLayer {
                objectName: "records"
                viewport: map.viewport
                markers: benchMarkers
            }
        }
    }
}
)";

} // namespace

int runMapBench(int argc, char *argv[])
{
    QString basemapPath, screenshotPath;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--basemap") == 0) {
            basemapPath = QString::fromLocal8Bit(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--screenshot") == 0) {
            screenshotPath = QString::fromLocal8Bit(argv[i + 1]); // the first full screen
        } else {
            std::fprintf(stderr, "qingshui-bench map: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        QQuickWindow::setSceneGraphBackend(QStringLiteral("software"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QTemporaryDir dir;
    if (basemapPath.isEmpty()) {
        basemapPath = dir.filePath(QStringLiteral("bench.mbtiles"));
        if (!writeBasemap(basemapPath))
            return 1;
    }
    const BasemapInfo basemap = readBasemapInfo(basemapPath);
    if (!basemap.valid) {
        std::fprintf(stderr, "qingshui-bench map: %s\n", qPrintable(basemap.error));
        return 1;
    }

    // Re-clustering after a zoom: the whole 100,000 in the box, at each zoom a map shows.
    PointClusterer clusterer;
    clusterer.setMarkers(randomRecords());
    QList<double> clusterMs;
    for (int round = 0; round < 3; ++round) {
        for (int zoom = 8; zoom <= 16; ++zoom) {
            QElapsedTimer t;
            t.start();
            const QList<MarkerCluster> clusters = clusterer.clusters(zoom, kBox);
            clusterMs << double(t.nsecsElapsed()) / 1e6;
            if (clusters.isEmpty())
                return 1;
        }
    }

    MapMarkerSet records;
    records.setMarkers(clusterer.markers());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.rootContext()->setContextProperty(QStringLiteral("benchBasemap"),
                                             QVariant::fromValue(basemap));
    engine.rootContext()->setContextProperty(QStringLiteral("benchMarkers"), &records);
    engine.loadData(kWindowQml);
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        std::fprintf(stderr, "qingshui-bench map: cannot load the window\n");
        return 1;
    }
    window->show();
    if (!QTest::qWaitForWindowExposed(window) || !renderOneFrame(window)) {
        std::fprintf(stderr, "qingshui-bench map: the window never showed a frame\n");
        return 1;
    }

    // Cold open: the map made, its file opened, every tile of the screen read, decoded and
    // on screen.
    auto *loader = window->findChild<QQuickItem *>(QStringLiteral("mapLoader"));
    QElapsedTimer firstPaint;
    firstPaint.start();
    loader->setProperty("active", true);
    auto *map = qobject_cast<QQuickItem *>(loader->property("item").value<QObject *>());
    if (!map) {
        std::fprintf(stderr, "qingshui-bench map: the map was not made\n");
        return 1;
    }
    auto allTilesShown = [map] {
        const int wanted = map->property("tilesWanted").toInt();
        return wanted > 0 && map->property("tilesReady").toInt() == wanted;
    };
    while (!allTilesShown()) {
        if (firstPaint.elapsed() > 20000) {
            std::fprintf(stderr, "qingshui-bench map: tiles never all arrived\n");
            return 1;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    renderOneFrame(window);
    const double firstPaintMs = double(firstPaint.nsecsElapsed()) / 1e6;
    if (!screenshotPath.isEmpty())
        window->grabWindow().save(screenshotPath);

    // Panning across zoom levels: at each of zooms 9–13 a circle of 40 drags of 60 px, from
    // the panBy to the frame on screen (clustering, painting, tiles already decoded or not).
    auto *viewport = map->property("viewport").value<MapViewport *>();
    auto pan = [&](int step) {
        const int zoomStep = (step / 40) % 5;
        if (step % 40 == 0)
            viewport->centerOn(kBox.center().x(), kBox.center().y(), 9 + zoomStep);
        const double angle = 2 * M_PI * (step % 40) / 40.0;
        viewport->panBy(60 * std::cos(angle), 60 * std::sin(angle));
    };
    int missedFrames = 0;
    for (int step = 0; step < 200; ++step) { // one round of the route: the cache warms up
        pan(step);
        if (!renderOneFrame(window))
            ++missedFrames;
    }
    const double rssBefore = residentBytes();
    QList<double> frameMs;
    for (int step = 0; step < kPans; ++step) {
        QElapsedTimer frame;
        frame.start();
        pan(step);
        if (!renderOneFrame(window))
            ++missedFrames;
        frameMs << double(frame.nsecsElapsed()) / 1e6;
    }
    const double rssAfter = residentBytes();
    MapTileProvider *provider = MapTileProvider::of(qmlEngine(map));

    printFigure("map_markers", kMarkers, "markers");
    printFigure("map_pan_frame_p50_ms", percentile(frameMs, 50), "ms");
    printFigure("map_pan_frame_p99_ms", percentile(frameMs, 99), "ms");
    printFigure("map_missed_frames", missedFrames, "frames");
    printFigure("tile_first_paint_ms", firstPaintMs, "ms");
    printFigure("map_cluster_100k_ms", percentile(clusterMs, 100), "ms");
    printFigure("map_cluster_100k_p50_ms", percentile(clusterMs, 50), "ms");
    printFigure("map_tile_cache_mb", provider ? provider->cache().bytes() / 1048576.0 : -1, "MB");
    printFigure("map_rss_mb", rssAfter / 1048576.0, "MB");
    printFigure("map_rss_growth_pct", (rssAfter - rssBefore) / rssBefore * 100.0, "%");
    return 0;
}
