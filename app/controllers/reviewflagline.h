#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One thing a reviewer should check before trusting a record (ReviewFlagText::lines):
// kind "gpsOverride" | "staleFix" | "clockSkew", and its sentence in the user's language.
struct ReviewFlagLine {
    Q_GADGET
    QML_VALUE_TYPE(reviewFlagLine)
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)
    Q_PROPERTY(QString text MEMBER text CONSTANT)
public:
    QString kind;
    QString text;
};
