#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One sanitation indicator on the dashboard beside its 2025 target: share -1 when there is
// nothing to count, targetShare -1 when the source names no share; name and targetText in
// the app's language.
struct IndicatorLine {
    Q_GADGET
    QML_VALUE_TYPE(indicatorLine)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(qint64 numerator MEMBER numerator CONSTANT)
    Q_PROPERTY(qint64 denominator MEMBER denominator CONSTANT)
    Q_PROPERTY(double share MEMBER share CONSTANT)
    Q_PROPERTY(double targetShare MEMBER targetShare CONSTANT)
    Q_PROPERTY(QString targetText MEMBER targetText CONSTANT)
public:
    QString id;
    QString name;
    qint64 numerator = 0;
    qint64 denominator = 0;
    double share = -1;
    double targetShare = -1;
    QString targetText;
};
