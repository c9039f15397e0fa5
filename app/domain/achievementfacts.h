#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One exhibition figure of domain.md §4 (app/data/kiosk/achievements.json), in both UI
// languages, with the seeds (sources) it comes from.
struct AchievementFact {
    QString id;
    QString group; // water, pairing, ecology, people, livelihood, industry
    QString labelZh, labelEn;
    QString valueZh, valueEn;
    QString whenZh, whenEn; // the date or context the source gives
    // The titles of its seeds, in the order the fact names them, in each language.
    QStringList sourcesZh, sourcesEn;
};

// Reads achievements.json. Any defect (not JSON, a fact without its label, value, date or a
// known source, a source without its title in both languages) rejects the whole file: an
// empty list and *error says what and where.
QList<AchievementFact> parseAchievementFacts(const QByteArray &json, QString *error);

// The copy compiled into the resources (:/qingshui/kiosk/achievements.json).
QList<AchievementFact> bundledAchievementFacts(QString *error);
