#pragma once

#include <QString>

// The 16 Beijing-paired water-source units and their administrative children.
struct PairedUnit {
    QString code; // GB/T 2260 county code, or the 9-digit NBS code for 武当山特区
    QString name;
    QString nameEn;
    QString prefectureName;
    QString provinceName;
    QString zone; // 库区, 核心区 or 影响区 (the most specific one)
    bool upstream = false;
    QString partnerDistrictCode;
    QString partnerDistrictName; // Beijing district paired one-to-one
};

struct Township {
    QString code; // 9-digit NBS code
    QString name;
    QString countyCode;
};

struct Village {
    QString code; // 12-digit NBS code
    QString name;
    QString townshipCode;
};

// The paired unit a village belongs to: its county, except for 武当山特区, a township-level
// unit (420381450) that Beijing pairs on its own, parallel to 丹江口市.
inline QString pairedUnitCodeOfVillage(const QString &villageCode)
{
    const QString township = villageCode.left(9);
    return township == QLatin1String("420381450") ? township : villageCode.left(6);
}
