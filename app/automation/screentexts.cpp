#include "screentexts.h"

#include "itemquery.h"

#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>

namespace ScreenTexts {

namespace {

// A field the user can type into: what it holds is their input (or a stored answer).
bool isEditable(const QQuickItem *item)
{
    return (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
        && !item->property("readOnly").toBool();
}

QString shownText(const QQuickItem *item)
{
    if (item->inherits("QQuickTextInput")) // echoMode: the mask, not the password
        return item->property("displayText").toString();
    if (item->inherits("QQuickText") || item->inherits("QQuickTextEdit"))
        return item->property("text").toString();
    return {};
}

void collectFrom(const QQuickItem *item, bool includeScrolledAway, QJsonArray *out)
{
    if (!item->isVisible() || item->opacity() <= 0.0)
        return; // nor anything inside it
    const QString text = shownText(item);
    if (!text.trimmed().isEmpty()) {
        const bool onScreen = !ItemQuery::visibleRect(item).isEmpty();
        if (onScreen || includeScrolledAway) {
            const QRectF rect = ItemQuery::windowRect(item);
            out->append(QJsonObject {{QStringLiteral("text"), text},
                                     {QStringLiteral("path"), ItemQuery::pathOf(item)},
                                     {QStringLiteral("x"), rect.x()},
                                     {QStringLiteral("y"), rect.y()},
                                     {QStringLiteral("width"), rect.width()},
                                     {QStringLiteral("height"), rect.height()},
                                     {QStringLiteral("onScreen"), onScreen},
                                     {QStringLiteral("editable"), isEditable(item)}});
        }
    }
    for (const QQuickItem *child : item->childItems())
        collectFrom(child, includeScrolledAway, out);
}

} // namespace

QJsonArray collect(bool includeScrolledAway)
{
    QJsonArray out;
    for (QQuickWindow *window : ItemQuery::windows())
        collectFrom(window->contentItem(), includeScrolledAway, &out);
    return out;
}

} // namespace ScreenTexts
