#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One achievement fact on the kiosk's page (domain/achievementfacts), in the UI language;
// source joins the fact's sources.
struct FactLine {
    Q_GADGET
    QML_VALUE_TYPE(factLine)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString group MEMBER group CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QString value MEMBER value CONSTANT)
    Q_PROPERTY(QString when MEMBER when CONSTANT)
    Q_PROPERTY(QString source MEMBER source CONSTANT)
public:
    QString id;
    QString group;
    QString label;
    QString value;
    QString when;
    QString source;
};
