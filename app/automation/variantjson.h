#pragma once

#include <QJsonValue>
#include <QVariant>

// QML property values as JSON for the automation hook's answers: strings, numbers, booleans,
// lists and maps as they are; JavaScript values through their variant; urls, colours, dates
// and geometry as text or small objects; an object as its path on screen.
namespace VariantJson {

QJsonValue toJson(const QVariant &value);

} // namespace VariantJson
