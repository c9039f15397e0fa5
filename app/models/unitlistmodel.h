#pragma once

#include "domain/region.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The 16 Beijing-paired water-source units, in the order of Beijing's pairing list.
class UnitListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(int count READ rowCount CONSTANT)
public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        NameEnRole,
        ProvinceRole,
        PrefectureRole,
        ZoneRole,
        PartnerDistrictRole,
    };
    Q_ENUM(Role)

    explicit UnitListModel(const QList<PairedUnit> &units, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<PairedUnit> m_units;
};
