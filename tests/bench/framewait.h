#pragma once

#include <QEventLoop>
#include <QQuickWindow>
#include <QTimer>

// Asks for a frame and waits until it is on screen (or 2 s, counted as a missed frame): what
// the window-timing benches (kiosk, map) clock their frames by.
inline bool renderOneFrame(QQuickWindow *window)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    const auto swapped = QObject::connect(
        window, &QQuickWindow::frameSwapped, &loop, [&loop] { loop.exit(0); },
        Qt::QueuedConnection);
    window->update();
    timeout.start(2000);
    const int rc = loop.exec();
    QObject::disconnect(swapped);
    return rc == 0;
}
