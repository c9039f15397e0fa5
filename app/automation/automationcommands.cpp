#include "automationcommands.h"

#include "itemquery.h"
#include "keyboardinput.h"
#include "methodcall.h"
#include "pointerinput.h"
#include "screentexts.h"
#include "variantjson.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <functional>

namespace AutomationCommands {

namespace {

using Handler = std::function<QJsonObject(const QJsonObject &)>;

QJsonObject failed(const QString &error)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}

QJsonObject done(QJsonObject fields = {})
{
    fields.insert(QStringLiteral("ok"), true);
    return fields;
}

QString text(const QJsonObject &command, const char *key)
{
    return command.value(QLatin1String(key)).toString();
}

bool hasTarget(const QJsonObject &command)
{
    return command.contains(QLatin1String("target"));
}

// A command's target: the one object its selector ("target") names, or nullptr and why.
QObject *target(const QJsonObject &command, QString *error)
{
    if (!hasTarget(command)) {
        *error = QStringLiteral("no target given");
        return nullptr;
    }
    return ItemQuery::findOne(command.value(QLatin1String("target")).toObject(), error);
}

QQuickItem *targetItem(const QJsonObject &command, QString *error)
{
    QObject *object = target(command, error);
    if (!object)
        return nullptr;
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item)
        *error = QStringLiteral("%1 is not an item on screen").arg(ItemQuery::pathOf(object));
    return item;
}

// Where a finger would touch: an explicit x, y in the current window, or the centre of the
// part of the named item that is on screen.
bool touchPoint(const QJsonObject &command, QQuickWindow **window, QPointF *at, QString *error)
{
    if (!hasTarget(command)) {
        *window = ItemQuery::currentWindow();
        *at = QPointF(command.value(QLatin1String("x")).toDouble(),
                      command.value(QLatin1String("y")).toDouble());
        if (!*window)
            *error = QStringLiteral("no window on screen");
        return *window != nullptr;
    }
    QQuickItem *item = targetItem(command, error);
    if (!item)
        return false;
    const QRectF visible = ItemQuery::visibleRect(item);
    if (visible.isEmpty()) {
        *error = QStringLiteral("%1 is not on screen (scrolled away or clipped: reveal it first)")
                     .arg(ItemQuery::pathOf(item));
        return false;
    }
    *window = item->window();
    *at = visible.center();
    return true;
}

QJsonObject pointAnswer(const QPointF &at)
{
    return done({{QStringLiteral("at"),
                  QJsonObject {{QStringLiteral("x"), at.x()}, {QStringLiteral("y"), at.y()}}}});
}

QJsonObject pointer(const QJsonObject &command,
                    const std::function<void(QQuickWindow *, const QPointF &)> &gesture)
{
    QQuickWindow *window = nullptr;
    QPointF at;
    QString error;
    if (!touchPoint(command, &window, &at, &error))
        return failed(error);
    gesture(window, at);
    return pointAnswer(at);
}

QJsonObject windowsCommand(const QJsonObject &)
{
    QJsonArray list;
    for (QQuickWindow *window : ItemQuery::windows()) {
        list.append(QJsonObject {{QStringLiteral("title"), window->title()},
                                 {QStringLiteral("type"), ItemQuery::typeName(window)},
                                 {QStringLiteral("width"), window->width()},
                                 {QStringLiteral("height"), window->height()},
                                 {QStringLiteral("active"), window->isActive()}});
    }
    return done({{QStringLiteral("windows"), list}});
}

QJsonObject findCommand(const QJsonObject &command)
{
    QJsonArray items;
    for (const QObject *object :
         ItemQuery::findAll(command.value(QLatin1String("target")).toObject()))
        items.append(ItemQuery::describe(object));
    return done({{QStringLiteral("items"), items}});
}

QJsonObject getCommand(const QJsonObject &command)
{
    QString error;
    const QObject *object = target(command, &error);
    if (!object)
        return failed(error);
    // "popup.visible": a property of the object another property holds.
    const auto read = [object](const QString &name, QJsonValue *out) {
        const QStringList parts = name.split(QLatin1Char('.'));
        const QObject *holder = object;
        for (int i = 0; i + 1 < parts.size() && holder; ++i)
            holder = holder->property(parts.at(i).toUtf8()).value<QObject *>();
        const QVariant value = holder ? holder->property(parts.last().toUtf8()) : QVariant();
        if (!value.isValid())
            return false;
        *out = VariantJson::toJson(value);
        return true;
    };
    if (command.contains(QLatin1String("properties"))) {
        QJsonObject values;
        for (const QJsonValue &name : command.value(QLatin1String("properties")).toArray()) {
            QJsonValue value;
            if (!read(name.toString(), &value))
                return failed(QStringLiteral("%1 has no property %2")
                                  .arg(ItemQuery::pathOf(object), name.toString()));
            values.insert(name.toString(), value);
        }
        return done({{QStringLiteral("values"), values}});
    }
    const QString name = text(command, "property");
    QJsonValue value;
    if (!read(name, &value))
        return failed(QStringLiteral("%1 has no property %2").arg(ItemQuery::pathOf(object), name));
    return done({{QStringLiteral("value"), value}});
}

QJsonObject setCommand(const QJsonObject &command)
{
    QString error;
    QObject *object = target(command, &error);
    if (!object)
        return failed(error);
    const QString name = text(command, "property");
    if (!object->setProperty(name.toUtf8(), command.value(QLatin1String("value")).toVariant()))
        return failed(QStringLiteral("cannot set %2 of %1").arg(ItemQuery::pathOf(object), name));
    return done();
}

// Scrolls every Flickable around the item (innermost first) so that the item is in its
// view, as a swipe would: the test then taps only what is on screen.
QJsonObject revealCommand(const QJsonObject &command)
{
    QString error;
    QQuickItem *item = targetItem(command, &error);
    if (!item)
        return failed(error);
    constexpr qreal kMargin = 80; // leaves some context above it, as FormPage.reveal does
    for (QQuickItem *flick = item->parentItem(); flick; flick = flick->parentItem()) {
        if (!flick->inherits("QQuickFlickable"))
            continue;
        const auto *content = flick->property("contentItem").value<QQuickItem *>();
        if (!content)
            continue;
        const qreal y = item->mapToItem(content, QPointF(0, 0)).y();
        const qreal maxY = qMax(0.0, flick->property("contentHeight").toReal() - flick->height());
        flick->setProperty("contentY", qBound(0.0, y - kMargin, maxY));
    }
    return done({{QStringLiteral("onScreen"), !ItemQuery::visibleRect(item).isEmpty()}});
}

QJsonObject typeCommand(const QJsonObject &command)
{
    QQuickWindow *window = ItemQuery::currentWindow();
    if (hasTarget(command)) {
        QPointF at; // a finger taps the field first, which gives it the focus
        QString error;
        if (!touchPoint(command, &window, &at, &error))
            return failed(error);
        PointerInput::click(window, at);
    }
    if (!window)
        return failed(QStringLiteral("no window on screen"));
    KeyboardInput::type(window, text(command, "text"));
    return done();
}

QJsonObject keyCommand(const QJsonObject &command)
{
    QQuickWindow *window = ItemQuery::currentWindow();
    if (!window)
        return failed(QStringLiteral("no window on screen"));
    if (!KeyboardInput::key(window, text(command, "key")))
        return failed(QStringLiteral("not a key: %1").arg(text(command, "key")));
    return done();
}

QJsonObject textsCommand(const QJsonObject &command)
{
    return done({{QStringLiteral("texts"),
                  ScreenTexts::collect(command.value(QLatin1String("scrolled")).toBool())}});
}

QJsonObject grabCommand(const QJsonObject &command)
{
    QQuickWindow *window = ItemQuery::currentWindow();
    if (hasTarget(command)) {
        QString error;
        QQuickItem *item = targetItem(command, &error);
        if (!item)
            return failed(error);
        window = item->window();
    }
    if (!window)
        return failed(QStringLiteral("no window on screen"));
    const QImage image = window->grabWindow();
    const QString file = text(command, "file");
    if (image.isNull() || !image.save(file, "PNG"))
        return failed(QStringLiteral("cannot write %1").arg(file));
    return done(
        {{QStringLiteral("width"), image.width()}, {QStringLiteral("height"), image.height()}});
}

QJsonObject invokeCommand(const QJsonObject &command)
{
    QString error;
    QObject *object = target(command, &error);
    if (!object)
        return failed(error);
    QVariant result;
    if (!MethodCall::invoke(object, text(command, "method"),
                            command.value(QLatin1String("args")).toArray(), &result, &error))
        return failed(error);
    return done({{QStringLiteral("value"), VariantJson::toJson(result)}});
}

QJsonObject quitCommand(const QJsonObject &command)
{
    const int code = command.value(QLatin1String("code")).toInt(0);
    // After this answer has gone out.
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
    return done();
}

const QHash<QString, Handler> &handlers()
{
    static const QHash<QString, Handler> table {
        {QStringLiteral("ping"), [](const QJsonObject &) { return done(); }},
        {QStringLiteral("windows"), windowsCommand},
        {QStringLiteral("find"), findCommand},
        {QStringLiteral("get"), getCommand},
        {QStringLiteral("set"), setCommand},
        {QStringLiteral("click"),
         [](const QJsonObject &c) { return pointer(c, PointerInput::click); }},
        {QStringLiteral("press"),
         [](const QJsonObject &c) { return pointer(c, PointerInput::press); }},
        {QStringLiteral("move"),
         [](const QJsonObject &c) { return pointer(c, PointerInput::move); }},
        {QStringLiteral("release"),
         [](const QJsonObject &c) { return pointer(c, PointerInput::release); }},
        {QStringLiteral("reveal"), revealCommand},
        {QStringLiteral("type"), typeCommand},
        {QStringLiteral("key"), keyCommand},
        {QStringLiteral("texts"), textsCommand},
        {QStringLiteral("grab"), grabCommand},
        {QStringLiteral("invoke"), invokeCommand},
        {QStringLiteral("quit"), quitCommand},
    };
    return table;
}

} // namespace

QJsonObject run(const QJsonObject &command)
{
    const QString name = text(command, "cmd");
    const auto handler = handlers().constFind(name);
    QJsonObject answer = handler == handlers().cend()
        ? failed(QStringLiteral("unknown command \"%1\"").arg(name))
        : (*handler)(command);
    if (command.contains(QLatin1String("id")))
        answer.insert(QStringLiteral("id"), command.value(QLatin1String("id")));
    return answer;
}

} // namespace AutomationCommands
