#include "windowrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <atomic>
#include <cstdio>

namespace {

std::atomic<int> g_warnings {0};
std::atomic<bool> g_counting {false};
QtMessageHandler g_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_counting && (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg))
        ++g_warnings;
    g_previousHandler(type, context, message);
}

QString mainQmlFor(const QString &mode)
{
    const QString name = mode.at(0).toUpper() + mode.mid(1) + QStringLiteral("App.qml");
    return QStringLiteral("qrc:/Qingshui/Ui/main/") + name;
}

} // namespace

WindowRunner::WindowRunner(QQmlApplicationEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{
}

void WindowRunner::watchWarnings()
{
    g_previousHandler = qInstallMessageHandler(countingHandler);
}

int WindowRunner::warningCount()
{
    return g_warnings.load();
}

bool WindowRunner::load(const QString &mode, const QSize &size)
{
    m_mode = mode;
    g_counting = true; // from here on, a warning is the QML's or the app's, not the platform's
    m_engine.setInitialProperties(
        {{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}});
    m_engine.load(QUrl(mainQmlFor(mode)));
    if (m_engine.rootObjects().isEmpty())
        return false;
    m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
    return m_window != nullptr;
}

void WindowRunner::whenFirstFrameShown(std::function<void()> then, int settleMs)
{
    auto done = std::make_shared<bool>(false);
    auto once = [done, then, settleMs] {
        if (*done)
            return;
        *done = true;
        // Let queued work (model resets, bindings) settle and render once more.
        QTimer::singleShot(settleMs, then);
    };
    connect(m_window, &QQuickWindow::frameSwapped, this, once, Qt::QueuedConnection);
    QTimer::singleShot(5000, this, once); // a renderer that never reports a frame
    m_window->show();
}

void WindowRunner::runSelfTest()
{
    whenFirstFrameShown([mode = m_mode] {
        const int warnings = warningCount();
        if (warnings == 0)
            std::printf("self-test passed: %s\n", qPrintable(mode));
        else
            std::fprintf(stderr, "self-test failed: %d warning(s)\n", warnings);
        QCoreApplication::exit(warnings == 0 ? 0 : 1);
    });
}

void WindowRunner::runScreenshot(const QString &path)
{
    whenFirstFrameShown([this, path] {
        const QImage image = m_window->grabWindow();
        const bool ok = !image.isNull() && image.save(path);
        if (ok)
            std::printf("screenshot %dx%d written to %s\n", image.width(), image.height(),
                        qPrintable(path));
        else
            std::fprintf(stderr, "cannot write screenshot %s\n", qPrintable(path));
        QCoreApplication::exit(ok ? 0 : 1);
    });
}

namespace {
qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

void WindowRunner::runStartupProbe(qint64 startedMsAgo)
{
    QElapsedTimer sinceLoad;
    sinceLoad.start();
    whenFirstFrameShown(
        [startedMsAgo, sinceLoad] {
            std::printf("first_frame_ms=%lld rss_kb=%lld\n",
                        static_cast<long long>(startedMsAgo + sinceLoad.elapsed()),
                        static_cast<long long>(residentKb()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        },
        0);
}
