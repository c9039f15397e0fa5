#pragma once

#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>

class QObject;
class QQuickItem;
class QQuickWindow;

// What the automation hook's commands point at: the objects of the app's Qt Quick windows,
// picked by a selector the way a test names them. A selector is a JSON object:
//   name          objectName, exact
//   text          the object's `text`, exact; textContains: a part of it
//   type          the QML type (Button, Label, QsRecordDelegate …; see typeName)
//   within        objectName of an ancestor: an item's parents, or the popup it sits in
//   hidden        true: hidden objects too; by default only what the user could see
//   index         the n-th match (tree order) when several match; without it several is an
//                 error, so that a test never taps the wrong one of two look-alikes (a match
//                 inside another, such as a button's label, counts as the outer one)
// The tree walked is the visual one (items, popups in the window's overlay) plus the
// non-visual objects declared in it (dialogs, popups while closed, timers).
namespace ItemQuery {

// The Qt Quick windows on screen, in the order they were made.
QList<QQuickWindow *> windows();
// The window commands without an object act on (keys, grab): the focused one, else the last.
QQuickWindow *currentWindow();

// Every object matching the selector, in tree order (the `index` key is ignored).
QList<QObject *> findAll(const QJsonObject &selector);
// Exactly one object; nullptr with *error saying why (none, or which ones if several).
// Matches inside another match (a button's label) count as that one.
QObject *findOne(const QJsonObject &selector, QString *error);

// The QML type name: Label, Button, QsRecordDelegate; C++ types without their QQuick prefix.
QString typeName(const QObject *object);
// Where an object sits, for humans: its named ancestors and those of types defined in QML,
// e.g. "InspectorApp/RecordListPage(recordListPage)/QsRecordDelegate/Label".
QString pathOf(const QObject *object);
// Visible, not fully transparent, through all its parents.
bool isShown(const QQuickItem *item);
// The item's rectangle in its window, and that part of it not clipped away by an ancestor
// (nor outside the window): empty when the user cannot see any of it.
QRectF windowRect(const QQuickItem *item);
QRectF visibleRect(const QQuickItem *item);

// {path, type, name, text, visible, x, y, width, height} of one object.
QJsonObject describe(const QObject *object);

} // namespace ItemQuery
