#include "keyboardinput.h"

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QQuickWindow>

namespace KeyboardInput {

namespace {

void sendKey(QQuickWindow *window, int key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    QKeyEvent press(QEvent::KeyPress, key, modifiers, text);
    QCoreApplication::sendEvent(window, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers, text);
    QCoreApplication::sendEvent(window, &release);
}

void commit(QQuickWindow *window, const QString &text)
{
    QObject *target = window->focusObject();
    if (!target || text.isEmpty())
        return;
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(target, &event);
}

bool isKeyboardChar(QChar c)
{
    return c.unicode() >= 0x20 && c.unicode() < 0x7f;
}

} // namespace

void type(QQuickWindow *window, const QString &text)
{
    QString composed; // a run of characters no key gives, committed in one go
    for (const QChar c : text) {
        if (!isKeyboardChar(c) && c != QLatin1Char('\n') && c != QLatin1Char('\t')) {
            composed += c;
            continue;
        }
        commit(window, composed);
        composed.clear();
        if (c == QLatin1Char('\n'))
            sendKey(window, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        else if (c == QLatin1Char('\t'))
            sendKey(window, Qt::Key_Tab, Qt::NoModifier, QStringLiteral("\t"));
        else // Qt's key codes for printable ASCII are the (upper-case) characters themselves
            sendKey(window, c.toUpper().unicode(), c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier,
                    QString(c));
    }
    commit(window, composed);
}

bool key(QQuickWindow *window, const QString &name)
{
    const QKeySequence sequence(name);
    if (sequence.count() != 1 || sequence[0].key() == Qt::Key_unknown)
        return false;
    const QKeyCombination combination = sequence[0];
    const int code = combination.key();
    const QString text = code == Qt::Key_Space            ? QStringLiteral(" ")
        : code == Qt::Key_Return || code == Qt::Key_Enter ? QStringLiteral("\r")
        : code == Qt::Key_Tab                             ? QStringLiteral("\t")
                                                          : QString();
    sendKey(window, code, combination.keyboardModifiers(), text);
    return true;
}

} // namespace KeyboardInput
