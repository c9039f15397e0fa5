#include "unitlistmodel.h"

UnitListModel::UnitListModel(const QList<PairedUnit> &units, QObject *parent)
    : QAbstractListModel(parent), m_units(units)
{
}

int UnitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_units.size());
}

QVariant UnitListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_units.size())
        return {};
    const PairedUnit &u = m_units.at(index.row());
    switch (role) {
    case CodeRole:
        return u.code;
    case NameRole:
        return u.name;
    case NameEnRole:
        return u.nameEn;
    case ProvinceRole:
        return u.provinceName;
    case PrefectureRole:
        return u.prefectureName;
    case ZoneRole:
        return u.zone;
    case PartnerDistrictRole:
        return u.partnerDistrictName;
    }
    return {};
}

QHash<int, QByteArray> UnitListModel::roleNames() const
{
    return {{CodeRole, "code"},
            {NameRole, "name"},
            {NameEnRole, "nameEn"},
            {ProvinceRole, "province"},
            {PrefectureRole, "prefecture"},
            {ZoneRole, "zone"},
            {PartnerDistrictRole, "partnerDistrict"}};
}
