#pragma once

#include "domain/region.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

// Place names in the language of the moment. Counties, Beijing districts, prefectures and
// provinces have English names (units.csv's unit_name_en; the kiosk's map_points.csv and
// place_names.csv: one source for the whole app); townships and villages do not (reference
// data, shown as they are).
class PlaceNames {
    Q_DECLARE_TR_FUNCTIONS(PlaceNames)
public:
    // A paired unit's name: "Xichuan" in English, "淅川县" in Chinese.
    static QString unit(const PairedUnit &unit);
    // A Beijing district, prefecture or province by its Chinese name ("朝阳区" → "Chaoyang
    // District"); the name itself in Chinese, or if the data has no English for it.
    static QString place(const QString &chineseName);
    // "Chaoyang District, Beijing" / "北京市朝阳区": whom a unit is paired with.
    static QString partnerDistrict(const PairedUnit &unit);

    static bool english();

private:
    static const QHash<QString, QString> &englishNames();
};
