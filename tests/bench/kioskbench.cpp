#include "kioskbench.h"
#include "framewait.h"

#include "benchstats.h"
#include "controllers/figurescontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "publicrecordseed.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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

// A handful of public records in every category, over several units (武当山特区 too), for
// the gallery and the counts to show, until the feed part's kiosk demo data exists.
bool seedFeed(QSqlDatabase db, QString *error)
{
    const char *villages[] = {"411326", "420381450", "420381100", "420322", "411323", "429021"};
    const char *categories[] = {"village_visit", "sanitation", "ecology", "project_progress"};
    for (const char *prefix : villages) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT min(code) FROM village WHERE code LIKE ?"));
        q.addBindValue(QLatin1String(prefix) + QLatin1Char('%'));
        if (!q.exec() || !q.next() || q.value(0).isNull()) {
            *error = QStringLiteral("no village under %1").arg(QLatin1String(prefix));
            return false;
        }
        for (const char *category : categories) {
            if (!seedPublicRecords(db, q.value(0).toString(), QLatin1String(category), 2, error))
                return false;
        }
    }
    return true;
}

// Searched through the visual tree: items a Repeater or a view made have no QObject parent,
// so QObject::findChild misses them (the navigation buttons, the unit markers).
QQuickItem *findVisualItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findVisualItem(child, name))
            return found;
    }
    return nullptr;
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
    ServiceHost host;
    if (!host.start({QStringLiteral("kiosk"), dir.filePath(QStringLiteral("store.db")), QString(),
                     QString(), false, QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "qingshui-bench kiosk: %s\n", qPrintable(host.error()));
        return 1;
    }
    QString error;
    if (!seedFeed(host.database()->connection(), &error)) {
        std::fprintf(stderr, "qingshui-bench kiosk: seeding the feed: %s\n", qPrintable(error));
        return 1;
    }
    Services::setInstance(host.services());
    host.services()->figures->refresh(); // counted after the seed

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
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    const double rssAtEnd = residentBytes();
    QList<double> frames;
    {
        QMutexLocker lock(&frameMutex);
        frames = frameMs;
    }

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
