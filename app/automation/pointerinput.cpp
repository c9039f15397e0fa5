#include "pointerinput.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QQuickWindow>

namespace PointerInput {

namespace {

bool g_pressed = false;

// Event times as a device gives them (milliseconds, rising), so that what measures a hold
// or a double tap sees the time that really passed between commands.
ulong now()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return ulong(clock.elapsed()) + 1;
}

void send(QQuickWindow *window, QEvent::Type type, const QPointF &at, Qt::MouseButton button,
          Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, window->mapToGlobal(at), button, buttons, Qt::NoModifier);
    event.setTimestamp(now());
    QCoreApplication::sendEvent(window, &event);
}

} // namespace

void press(QQuickWindow *window, const QPointF &at)
{
    g_pressed = true;
    send(window, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
}

void move(QQuickWindow *window, const QPointF &to)
{
    send(window, QEvent::MouseMove, to, Qt::NoButton, g_pressed ? Qt::LeftButton : Qt::NoButton);
}

void release(QQuickWindow *window, const QPointF &at)
{
    g_pressed = false;
    send(window, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
}

void click(QQuickWindow *window, const QPointF &at)
{
    press(window, at);
    release(window, at);
}

} // namespace PointerInput
