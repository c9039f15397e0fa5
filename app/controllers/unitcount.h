#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// How many public records one paired unit has (the kiosk's figures and feed); name in the
// UI language.
struct UnitCount {
    Q_GADGET
    QML_VALUE_TYPE(unitCount)
    Q_PROPERTY(QString code MEMBER code CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(int count MEMBER count CONSTANT)
public:
    QString code;
    QString name;
    int count = 0;
};
