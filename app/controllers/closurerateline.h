#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A county's closure rate on the kiosk (PublicFeed::closureRates): problems closed of those
// raised, all of them, as the server counted them.
struct ClosureRateLine {
    Q_GADGET
    QML_VALUE_TYPE(closureRateLine)
    Q_PROPERTY(QString unitCode MEMBER unitCode CONSTANT)
    Q_PROPERTY(QString unitName MEMBER unitName CONSTANT)
    Q_PROPERTY(int raised MEMBER raised CONSTANT)
    Q_PROPERTY(int closed MEMBER closed CONSTANT)
    Q_PROPERTY(int ratePercent MEMBER ratePercent CONSTANT)
public:
    QString unitCode;
    QString unitName;
    int raised = 0;
    int closed = 0;
    int ratePercent = 0;
};
