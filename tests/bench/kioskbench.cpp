#include "kioskbench.h"
#include "framewait.h"

#include "benchstats.h"
#include "controllers/figurescontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/publicfeed.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "kioskdemofeed.h"
#include "quickitems.h"
#include "storage/database.h"
#include "syncengine.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <cstdio>
#include <cstring>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

constexpr int kWarmUpCycles = 200;

// Resident set size in bytes (/proc/self/statm, field 2, in pages).
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

// One sync of the kiosk's app (its SyncEngine, as its timer or the admin panel starts one),
// waited for; a sync it started by itself may finish first.
bool syncApp(SyncEngine *engine)
{
    QSignalSpy finished(engine, &SyncEngine::finished);
    engine->syncNow();
    while (finished.isEmpty() || engine->state() == SyncEngine::Syncing) {
        if (!finished.wait(120000))
            return false;
    }
    return finished.last().at(0).toBool();
}

// The published photos on the kiosk: listed by its copies and downloaded.
int photosOnKiosk(const PublicFeed &feed)
{
    int n = 0;
    for (const PublicRecord &r : feed.records()) {
        for (const QString &url : r.photoUrls)
            n += QFileInfo::exists(QUrl(url).toLocalFile()) ? 1 : 0;
    }
    return n;
}

// The published photos the screen has shown: every visible, loaded Image (a gallery tile, a
// unit's card, a record view) whose source is in the kiosk's photo folder, by file name.
void notePhotosShown(QQuickItem *item, const QString &photoRoot, QSet<QString> *shown)
{
    if (!item->isVisible())
        return;
    if (item->inherits("QQuickImageBase") && item->property("status").toInt() == 1) {
        const QString file = item->property("source").toUrl().toLocalFile();
        if (file.startsWith(photoRoot))
            shown->insert(QFileInfo(file).fileName());
    }
    for (QQuickItem *child : item->childItems())
        notePhotosShown(child, photoRoot, shown);
}

QQuickItem *findItem(QQuickWindow *window, const QString &name)
{
    return findVisualItem(window->contentItem(), name);
}

} // namespace

int runKioskBench(int argc, char *argv[])
{
    int cycles = 10000;
    QSize size(1920, 1080);
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--cycles") == 0) {
            cycles = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--size") == 0) {
            const QStringList wh = QString::fromLatin1(argv[i + 1]).split(QLatin1Char('x'));
            size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        } else {
            std::fprintf(stderr, "qingshui-bench kiosk: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (cycles <= kWarmUpCycles || !size.isValid() || size.isEmpty()) {
        std::fprintf(stderr, "usage: qingshui-bench kiosk [--cycles N>%d] [--size WxH]\n",
                     kWarmUpCycles);
        return 2;
    }

    QQuickStyle::setStyle(QStringLiteral("Material"));
    QTemporaryDir dir;
    // The demo's copies and photos, published on a real server; the kiosk logs in and its
    // own sync brings them (the server stays up: a kiosk syncs now and then all day).
    KioskDemoFeed demo;
    const QString store = dir.filePath(QStringLiteral("kiosk/store.db"));
    if (!demo.publish(dir.filePath(QStringLiteral("demo"))) || !demo.logInKiosk(store)) {
        std::fprintf(stderr, "qingshui-bench kiosk: the demo copies: %s\n",
                     qPrintable(demo.error()));
        return 1;
    }
    ServiceHost host;
    if (!host.start({QStringLiteral("kiosk"), store, demo.address(), QString(), false,
                     QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "qingshui-bench kiosk: %s\n", qPrintable(host.error()));
        return 1;
    }
    if (!syncApp(host.services()->sync)) {
        std::fprintf(stderr, "qingshui-bench kiosk: the kiosk's sync failed: %s\n",
                     qPrintable(host.services()->sync->lastError()));
        return 1;
    }
    const PublicFeed &feed = *host.services()->publicFeed;
    const int copies = feed.count();
    const int photos = photosOnKiosk(feed);
    if (copies != demo.copiesPublished() || photos != demo.photosPublished()) {
        std::fprintf(stderr,
                     "qingshui-bench kiosk: the kiosk holds %d of %d copies, %d of %d photos\n",
                     copies, demo.copiesPublished(), photos, demo.photosPublished());
        return 1;
    }
    Services::setInstance(host.services());

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    host.language()->setEngine(&engine);
    engine.setInitialProperties(
        {{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}});
    engine.load(QUrl(QStringLiteral("qrc:/Qingshui/Ui/main/KioskApp.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        std::fprintf(stderr, "qingshui-bench kiosk: cannot load KioskApp.qml\n");
        return 1;
    }

    // Frame time: from the start of the scene graph's sync (beforeSynchronizing, the GUI
    // thread blocked) to the swap (frameSwapped): sync, render and present of one frame, on
    // the render thread. It leaves out the GUI thread's own work before the sync (bindings,
    // JS, layout of the touch navigation), which the wall time covers.
    QMutex frameMutex;
    QElapsedTimer frameClock;
    QList<double> frameMs;
    bool measuring = false;
    QObject::connect(
        window, &QQuickWindow::beforeSynchronizing, window, [&] { frameClock.start(); },
        Qt::DirectConnection);
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            if (!frameClock.isValid())
                return;
            const double ms = double(frameClock.nsecsElapsed()) / 1e6;
            QMutexLocker lock(&frameMutex);
            if (measuring)
                frameMs << ms;
        },
        Qt::DirectConnection);

    window->show();
    if (!QTest::qWaitForWindowExposed(window) || !renderOneFrame(window)) {
        std::fprintf(stderr, "qingshui-bench kiosk: the window never showed a frame\n");
        return 1;
    }

    // The touch targets of the shell's contract, each unit marker touched on the map; a name
    // not in the QML, or not on screen (an attract step changed the page), is skipped.
    const QStringList targets = {QStringLiteral("navHome"),         QStringLiteral("unit_411326"),
                                 QStringLiteral("navAchievements"), QStringLiteral("navHome"),
                                 QStringLiteral("unit_420381450"),  QStringLiteral("navGallery")};
    // Until the shell part's KioskApp lands it has no attractStep(): counted, not called.
    const bool hasAttractStep = window->metaObject()->indexOfMethod("attractStep()") >= 0;
    QPointingDevice *touchScreen = QTest::createTouchDevice();
    int attractFailures = 0, skippedTouches = 0, touches = 0, missedFrames = 0;
    double rssAfterWarmUp = 0;
    const QString photoRoot = QFileInfo(store).absolutePath() + QStringLiteral("/photos/");
    QSet<QString> photosShown;
    QElapsedTimer wall;
    wall.start();
    for (int cycle = 0; cycle < cycles; ++cycle) {
        if (cycle == kWarmUpCycles) {
            rssAfterWarmUp = residentBytes();
            QMutexLocker lock(&frameMutex);
            measuring = true;
        }
        QVariant advanced;
        if (!hasAttractStep
            || !QMetaObject::invokeMethod(window, "attractStep", Q_RETURN_ARG(QVariant, advanced)))
            ++attractFailures;
        if (!renderOneFrame(window))
            ++missedFrames;

        QQuickItem *target = findItem(window, targets.at(cycle % targets.size()));
        if (target && target->isVisible() && target->isEnabled() && target->width() > 0) {
            const QPoint centre
                = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
            QTest::touchEvent(window, touchScreen).press(0, centre, window);
            QTest::touchEvent(window, touchScreen).release(0, centre, window);
            ++touches;
        } else {
            ++skippedTouches;
        }
        if (!renderOneFrame(window))
            ++missedFrames;
        notePhotosShown(window->contentItem(), photoRoot, &photosShown);
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double rssAtEnd = residentBytes();
    QList<double> frames;
    {
        QMutexLocker lock(&frameMutex);
        frames = frameMs;
    }

    // What the soak had to show, brought by the kiosk's sync, and what it did show.
    printFigure("kiosk_public_copies", copies, "copies");
    printFigure("kiosk_public_photos", photos, "photos");
    printFigure("kiosk_photos_shown", photosShown.size(), "photos");
    printFigure("kiosk_cycles", cycles, "cycles");
    printFigure("kiosk_touches", touches, "touches");
    printFigure("kiosk_touches_skipped", skippedTouches, "touches"); // target not in the QML
    printFigure("kiosk_attract_step_failures", attractFailures, "calls"); // no attractStep()
    printFigure("kiosk_missed_frames", missedFrames, "frames");
    printFigure("kiosk_frames_measured", frames.size(), "frames");
    printFigure("frame_time_p50_ms", percentile(frames, 50), "ms");
    printFigure("frame_time_p99_ms", percentile(frames, 99), "ms");
    printFigure("frame_time_max_ms", percentile(frames, 100), "ms");
    printFigure("soak_rss_mb", rssAtEnd / 1048576.0, "MB");
    printFigure("soak_rss_growth_pct", 100.0 * (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp, "%");
    printFigure("kiosk_wall_s", seconds, "s");
    return 0;
}
