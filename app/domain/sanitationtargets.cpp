#include "sanitationtargets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

LocalizedText textOf(const QJsonValue &v)
{
    return {v[QLatin1String("zh")].toString(), v[QLatin1String("en")].toString()};
}

} // namespace

const SanitationTarget *SanitationTargets::find(const QString &indicatorId) const
{
    for (const SanitationTarget &t : targets)
        if (t.indicatorId == indicatorId)
            return &t;
    return nullptr;
}

std::optional<SanitationTargets> loadSanitationTargets(QString *error)
{
    QFile file(QStringLiteral(":/qingshui/targets/sanitation_2025.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the bundled 2025 targets are missing");
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parse).object();
    const QJsonArray list = root.value(QLatin1String("indicators")).toArray();
    if (parse.error != QJsonParseError::NoError || list.isEmpty()) {
        *error
            = QStringLiteral("the bundled 2025 targets do not parse: %1").arg(parse.errorString());
        return std::nullopt;
    }
    SanitationTargets out;
    out.source = textOf(root.value(QLatin1String("source")));
    for (const QJsonValue &v : list) {
        SanitationTarget t;
        t.indicatorId = v[QLatin1String("id")].toString();
        t.name = textOf(v[QLatin1String("name")]);
        t.target = textOf(v[QLatin1String("target")]);
        if (v[QLatin1String("target_share")].isDouble())
            t.share = v[QLatin1String("target_share")].toDouble();
        if (t.indicatorId.isEmpty() || t.name.zh.isEmpty() || t.target.zh.isEmpty()) {
            *error = QStringLiteral("a bundled 2025 target lacks its id, name or text");
            return std::nullopt;
        }
        out.targets << t;
    }
    return out;
}
