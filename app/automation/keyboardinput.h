#pragma once

#include <QString>

class QQuickWindow;

// Typing into a window's focused item as a tablet's keyboards do it: Latin letters, digits
// and punctuation as key presses and releases; everything else (Chinese) as an input
// method's commit, the way a pinyin keyboard hands over a chosen phrase.
namespace KeyboardInput {

void type(QQuickWindow *window, const QString &text);
// One key by its QKeySequence name ("Tab", "Return", "Backspace", "Ctrl+A"); false if the
// name is not one key.
bool key(QQuickWindow *window, const QString &name);

} // namespace KeyboardInput
