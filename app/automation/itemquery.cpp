#include "itemquery.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSet>
#include <functional>

namespace ItemQuery {

namespace {

bool isPopupItem(const QObject *object)
{
    return object->inherits("QQuickPopupItem");
}

// The Popup (a QObject) a popup's item belongs to: the popup is that item's QObject parent.
QObject *popupOf(const QQuickItem *popupItem)
{
    QObject *parent = popupItem->parent();
    return parent && parent->inherits("QQuickPopup") ? parent : nullptr;
}

// An object's parent as a person reads the screen: an item's visual parent, except that the
// contents of a popup belong to the popup (not to the window's overlay).
QObject *logicalParent(const QObject *object)
{
    if (const auto *item = qobject_cast<const QQuickItem *>(object)) {
        if (isPopupItem(item)) {
            if (QObject *popup = popupOf(item))
                return popup;
        }
        if (item->parentItem())
            return item->parentItem();
    }
    return object->parent();
}

// Items through their visual children (what is drawn, popups in the overlay included), and
// every object through its non-visual children (dialogs, closed popups). Each object once.
void walk(QObject *node, QSet<QObject *> &seen, const std::function<void(QObject *)> &visit)
{
    if (!node || seen.contains(node))
        return;
    seen.insert(node);
    visit(node);
    const auto *item = qobject_cast<QQuickItem *>(node);
    if (item) {
        for (QQuickItem *child : item->childItems())
            walk(child, seen, visit);
    }
    for (QObject *child : node->children()) {
        if (!item || !qobject_cast<QQuickItem *>(child))
            walk(child, seen, visit);
    }
}

bool isShownObject(const QObject *object)
{
    if (const auto *item = qobject_cast<const QQuickItem *>(object))
        return isShown(item);
    const QVariant visible = object->property("visible");
    return !visible.isValid() || visible.toBool();
}

bool hasNamedAncestor(const QObject *object, const QString &name)
{
    for (const QObject *o = logicalParent(object); o; o = logicalParent(o)) {
        if (o->objectName() == name)
            return true;
    }
    return false;
}

bool matches(const QObject *object, const QJsonObject &selector)
{
    if (selector.contains(QLatin1String("name"))
        && object->objectName() != selector.value(QLatin1String("name")).toString())
        return false;
    if (selector.contains(QLatin1String("type"))
        && typeName(object) != selector.value(QLatin1String("type")).toString())
        return false;
    if (selector.contains(QLatin1String("text"))
        || selector.contains(QLatin1String("textContains"))) {
        const QVariant text = object->property("text");
        if (!text.isValid())
            return false;
        if (selector.contains(QLatin1String("text"))
            && text.toString() != selector.value(QLatin1String("text")).toString())
            return false;
        if (selector.contains(QLatin1String("textContains"))
            && !text.toString().contains(selector.value(QLatin1String("textContains")).toString()))
            return false;
    }
    if (!selector.value(QLatin1String("hidden")).toBool() && !isShownObject(object))
        return false;
    if (selector.contains(QLatin1String("within"))
        && !hasNamedAncestor(object, selector.value(QLatin1String("within")).toString()))
        return false;
    return true;
}

QString segment(const QObject *object)
{
    const QString type = typeName(object);
    return object->objectName().isEmpty()
        ? type
        : type + QLatin1Char('(') + object->objectName() + QLatin1Char(')');
}

// Worth naming in a path: named objects, types defined in QML files, popups and windows;
// not the content items Qt names after the control that holds them.
bool namesAPlace(const QObject *object)
{
    if (object->inherits("QQuickContentItem"))
        return false;
    return !object->objectName().isEmpty()
        || QByteArray(object->metaObject()->className()).contains("_QMLTYPE_")
        || object->inherits("QQuickPopup") || object->inherits("QQuickWindow");
}

} // namespace

QList<QQuickWindow *> windows()
{
    QList<QQuickWindow *> out;
    for (QWindow *window : QGuiApplication::topLevelWindows()) {
        auto *quick = qobject_cast<QQuickWindow *>(window);
        if (quick && quick->isVisible())
            out.append(quick);
    }
    return out;
}

QQuickWindow *currentWindow()
{
    const QList<QQuickWindow *> shown = windows();
    if (auto *focused = qobject_cast<QQuickWindow *>(QGuiApplication::focusWindow())) {
        if (shown.contains(focused))
            return focused;
    }
    return shown.isEmpty() ? nullptr : shown.last();
}

QList<QObject *> findAll(const QJsonObject &selector)
{
    QList<QObject *> found;
    QSet<QObject *> seen;
    const auto visit = [&](QObject *object) {
        if (matches(object, selector))
            found.append(object);
    };
    for (QQuickWindow *window : windows()) {
        walk(window->contentItem(), seen, visit);
        walk(window, seen, visit);
    }
    return found;
}

// A button and the label inside it both have the text "Open": a finger touching either
// touches the button. Of matches inside one another, the outermost stands for them all.
QList<QObject *> outermost(const QList<QObject *> &found)
{
    const QSet<QObject *> all(found.cbegin(), found.cend());
    QList<QObject *> out;
    for (QObject *object : found) {
        bool inner = false;
        for (const QObject *o = logicalParent(object); o && !inner; o = logicalParent(o))
            inner = all.contains(const_cast<QObject *>(o));
        if (!inner)
            out.append(object);
    }
    return out;
}

QObject *findOne(const QJsonObject &selector, QString *error)
{
    const QList<QObject *> found = outermost(findAll(selector));
    const auto compact = [&selector] {
        return QString::fromUtf8(QJsonDocument(selector).toJson(QJsonDocument::Compact));
    };
    if (selector.contains(QLatin1String("index"))) {
        const int index = selector.value(QLatin1String("index")).toInt();
        if (index >= 0 && index < found.size())
            return found.at(index);
        *error = QStringLiteral("%1 object(s) match %2, none at index %3")
                     .arg(found.size())
                     .arg(compact())
                     .arg(index);
        return nullptr;
    }
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        *error = QStringLiteral("nothing matches %1").arg(compact());
        return nullptr;
    }
    QStringList paths;
    for (const QObject *object : found)
        paths << pathOf(object);
    *error = QStringLiteral("%1 objects match %2 (add within or index): %3")
                 .arg(found.size())
                 .arg(compact(), paths.join(QLatin1String("; ")));
    return nullptr;
}

QString typeName(const QObject *object)
{
    static const QRegularExpression qmlSuffix(QStringLiteral("(_QML(TYPE)?_\\d+)+$"));
    QString name = QString::fromLatin1(object->metaObject()->className());
    name.remove(qmlSuffix);
    if (name.startsWith(QLatin1String("QQuick")))
        name.remove(0, 6);
    return name;
}

QString pathOf(const QObject *object)
{
    QStringList parts {segment(object)};
    for (const QObject *o = logicalParent(object); o; o = logicalParent(o)) {
        if (namesAPlace(o))
            parts.prepend(segment(o));
    }
    return parts.join(QLatin1Char('/'));
}

bool isShown(const QQuickItem *item)
{
    if (!item->isVisible() || !item->window() || !item->window()->isVisible())
        return false;
    for (const QQuickItem *i = item; i; i = i->parentItem()) {
        if (i->opacity() <= 0.0)
            return false;
    }
    return true;
}

QRectF windowRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

QRectF visibleRect(const QQuickItem *item)
{
    if (!item->window())
        return {};
    QRectF rect
        = windowRect(item).intersected(QRectF(QPointF(0, 0), QSizeF(item->window()->size())));
    for (const QQuickItem *i = item->parentItem(); i && !rect.isEmpty(); i = i->parentItem()) {
        if (i->clip())
            rect = rect.intersected(windowRect(i));
    }
    return rect;
}

QJsonObject describe(const QObject *object)
{
    QJsonObject out {{QStringLiteral("path"), pathOf(object)},
                     {QStringLiteral("type"), typeName(object)},
                     {QStringLiteral("name"), object->objectName()},
                     {QStringLiteral("visible"), isShownObject(object)}};
    const QVariant text = object->property("text");
    if (text.isValid())
        out.insert(QStringLiteral("text"), text.toString());
    if (const auto *item = qobject_cast<const QQuickItem *>(object)) {
        const QRectF rect = windowRect(item);
        out.insert(QStringLiteral("x"), rect.x());
        out.insert(QStringLiteral("y"), rect.y());
        out.insert(QStringLiteral("width"), rect.width());
        out.insert(QStringLiteral("height"), rect.height());
        out.insert(QStringLiteral("onScreen"), !visibleRect(item).isEmpty());
    }
    return out;
}

} // namespace ItemQuery
