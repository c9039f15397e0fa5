#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One place in the village picker (a unit, township or village): detail names where it is,
// "" where the list it is in says so already.
struct PlaceEntry {
    Q_GADGET
    QML_VALUE_TYPE(placeEntry)
    Q_PROPERTY(QString code MEMBER code CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString detail MEMBER detail CONSTANT)
public:
    QString code;
    QString name;
    QString detail;
};
