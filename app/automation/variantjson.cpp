#include "variantjson.h"

#include "itemquery.h"

#include <QColor>
#include <QDateTime>
#include <QJSValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QUrl>

namespace VariantJson {

QJsonValue toJson(const QVariant &value)
{
    if (!value.isValid())
        return QJsonValue::Undefined;
    const QMetaType type = value.metaType();
    if (type == QMetaType::fromType<QJSValue>())
        return toJson(value.value<QJSValue>().toVariant());
    if (type == QMetaType::fromType<QUrl>())
        return value.toUrl().toString();
    if (type == QMetaType::fromType<QColor>())
        return value.value<QColor>().name(QColor::HexArgb);
    if (type == QMetaType::fromType<QDateTime>() || type == QMetaType::fromType<QDate>())
        return value.toDateTime().toString(Qt::ISODate);
    if (type == QMetaType::fromType<QPointF>() || type == QMetaType::fromType<QPoint>()) {
        const QPointF p = value.toPointF();
        return QJsonObject {{QStringLiteral("x"), p.x()}, {QStringLiteral("y"), p.y()}};
    }
    if (type == QMetaType::fromType<QSizeF>() || type == QMetaType::fromType<QSize>()) {
        const QSizeF s = value.toSizeF();
        return QJsonObject {{QStringLiteral("width"), s.width()},
                            {QStringLiteral("height"), s.height()}};
    }
    if (type == QMetaType::fromType<QRectF>() || type == QMetaType::fromType<QRect>()) {
        const QRectF r = value.toRectF();
        return QJsonObject {{QStringLiteral("x"), r.x()},
                            {QStringLiteral("y"), r.y()},
                            {QStringLiteral("width"), r.width()},
                            {QStringLiteral("height"), r.height()}};
    }
    if (type.flags().testFlag(QMetaType::PointerToQObject)) {
        const QObject *object = value.value<QObject *>();
        return object ? QJsonValue(ItemQuery::pathOf(object)) : QJsonValue(QJsonValue::Null);
    }
    if (type == QMetaType::fromType<QVariantList>() || type == QMetaType::fromType<QStringList>()) {
        QJsonArray list;
        for (const QVariant &item : value.toList())
            list.append(toJson(item));
        return list;
    }
    if (type == QMetaType::fromType<QVariantMap>()) {
        QJsonObject map;
        const QVariantMap source = value.toMap();
        for (auto it = source.cbegin(); it != source.cend(); ++it)
            map.insert(it.key(), toJson(it.value()));
        return map;
    }
    const QJsonValue plain = QJsonValue::fromVariant(value);
    if (!plain.isNull() || value.isNull())
        return plain;
    return value.canConvert<QString>() ? QJsonValue(value.toString())
                                       : QJsonValue(QJsonValue::Null);
}

} // namespace VariantJson
