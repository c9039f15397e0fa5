#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// The newest version of a checklist template an inspector can start; title and categoryName
// in the app's language.
struct TemplateEntry {
    Q_GADGET
    QML_VALUE_TYPE(templateEntry)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString category MEMBER category CONSTANT)
    Q_PROPERTY(QString categoryName MEMBER categoryName CONSTANT)
    Q_PROPERTY(int version MEMBER version CONSTANT)
public:
    QString id;
    QString title;
    QString category;
    QString categoryName;
    int version = 0;
};
