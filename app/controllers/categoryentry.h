#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A work category an inspector can start a record in; name in the app's language.
struct CategoryEntry {
    Q_GADGET
    QML_VALUE_TYPE(categoryEntry)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
public:
    QString id;
    QString name;
};
