#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// How many public records one work category has (the kiosk's figures and feed); name in the
// UI language.
struct CategoryCount {
    Q_GADGET
    QML_VALUE_TYPE(categoryCount)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(int count MEMBER count CONSTANT)
public:
    QString id;
    QString name;
    int count = 0;
};
