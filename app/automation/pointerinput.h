#pragma once

#include <QPointF>

class QQuickWindow;

// Mouse presses, moves and releases sent to a window at a point of its scene, as a finger's
// touch arrives from the platform: the window delivers them, so handlers, popups' modal
// dimmers and press-and-hold timers behave as they do for a user. One pointer, the left
// button.
namespace PointerInput {

void press(QQuickWindow *window, const QPointF &at);
void move(QQuickWindow *window, const QPointF &to);
void release(QQuickWindow *window, const QPointF &at);
// press + release at one point.
void click(QQuickWindow *window, const QPointF &at);

} // namespace PointerInput
