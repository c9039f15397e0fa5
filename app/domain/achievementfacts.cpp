#include "achievementfacts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// A {"zh": …, "en": …} pair; false if either is missing or empty.
bool readPair(const QJsonObject &fact, const char *key, QString *zh, QString *en)
{
    const QJsonObject pair = fact.value(QLatin1String(key)).toObject();
    *zh = pair.value(QLatin1String("zh")).toString();
    *en = pair.value(QLatin1String("en")).toString();
    return !zh->isEmpty() && !en->isEmpty();
}

} // namespace

QList<AchievementFact> parseAchievementFacts(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("achievements.json is not valid JSON: %1 at byte %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    const QJsonObject seeds = doc.object().value(QLatin1String("seeds")).toObject();
    const QJsonArray facts = doc.object().value(QLatin1String("facts")).toArray();
    if (facts.isEmpty()) {
        *error = QStringLiteral("achievements.json has no facts");
        return {};
    }
    QList<AchievementFact> out;
    for (qsizetype i = 0; i < facts.size(); ++i) {
        const QJsonObject o = facts.at(i).toObject();
        AchievementFact f;
        f.id = o.value(QLatin1String("id")).toString();
        f.group = o.value(QLatin1String("group")).toString();
        const QString where = QStringLiteral("achievements.json fact %1 (%2)")
                                  .arg(i + 1)
                                  .arg(f.id.isEmpty() ? QStringLiteral("no id") : f.id);
        if (f.id.isEmpty() || f.group.isEmpty()) {
            *error = QStringLiteral("%1: needs an id and a group").arg(where);
            return {};
        }
        if (!readPair(o, "label", &f.labelZh, &f.labelEn)
            || !readPair(o, "value", &f.valueZh, &f.valueEn)
            || !readPair(o, "when", &f.whenZh, &f.whenEn)) {
            *error = QStringLiteral("%1: needs label, value and when in zh and en").arg(where);
            return {};
        }
        for (const QJsonValue &seed : o.value(QLatin1String("seeds")).toArray()) {
            if (!seeds.contains(seed.toString())) {
                *error = QStringLiteral("%1: unknown source '%2'").arg(where, seed.toString());
                return {};
            }
            QString zh, en;
            if (!readPair(seeds, qPrintable(seed.toString()), &zh, &en)) {
                *error = QStringLiteral("%1: source '%2' needs its title in zh and en")
                             .arg(where, seed.toString());
                return {};
            }
            f.sourcesZh << zh;
            f.sourcesEn << en;
        }
        if (f.sourcesZh.isEmpty()) {
            *error = QStringLiteral("%1: names no source").arg(where);
            return {};
        }
        out << f;
    }
    error->clear();
    return out;
}

QList<AchievementFact> bundledAchievementFacts(QString *error)
{
    QFile file(QStringLiteral(":/qingshui/kiosk/achievements.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the bundled achievements.json: %1")
                     .arg(file.errorString());
        return {};
    }
    return parseAchievementFacts(file.readAll(), error);
}
