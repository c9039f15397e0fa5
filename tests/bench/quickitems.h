#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QQuickItem>
#include <QTimer>

#include <functional>

// What the suites that drive real QML share.

// Searched through the visual tree: items a Repeater or a view made have no QObject parent,
// so QObject::findChild misses them (the navigation buttons, the unit markers).
inline QQuickItem *findVisualItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findVisualItem(child, name))
            return found;
    }
    return nullptr;
}

// Spins the event loop until done() or the bound passes; checks every millisecond. Whether
// done() held.
inline bool waitUntil(const std::function<bool()> &done, int boundMs)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > boundMs)
            loop.quit();
    });
    tick.start();
    if (!done())
        loop.exec();
    return done();
}
