#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One township's village coverage (LedgerBoardController::coverage): its villages, those
// visited within the period, the rate, and the names of those not visited.
struct CoverageLine {
    Q_GADGET
    QML_VALUE_TYPE(coverageLine)
    Q_PROPERTY(QString townshipCode MEMBER townshipCode CONSTANT)
    Q_PROPERTY(QString townshipName MEMBER townshipName CONSTANT)
    Q_PROPERTY(int villages MEMBER villages CONSTANT)
    Q_PROPERTY(int visited MEMBER visited CONSTANT)
    Q_PROPERTY(int ratePercent MEMBER ratePercent CONSTANT)
    Q_PROPERTY(QString notVisitedText MEMBER notVisitedText CONSTANT)
public:
    QString townshipCode;
    QString townshipName;
    int villages = 0;
    int visited = 0;
    int ratePercent = 0;
    QString notVisitedText; // "、"-separated village names
};
