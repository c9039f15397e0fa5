#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One township in the ledger's ranking (激励先进、鞭策后进): closure rate first, then fewest
// overdue (LedgerBoardController::ranking).
struct TownshipRankLine {
    Q_GADGET
    QML_VALUE_TYPE(townshipRankLine)
    Q_PROPERTY(QString townshipCode MEMBER townshipCode CONSTANT)
    Q_PROPERTY(QString townshipName MEMBER townshipName CONSTANT)
    Q_PROPERTY(int raised MEMBER raised CONSTANT)
    Q_PROPERTY(int closed MEMBER closed CONSTANT)
    Q_PROPERTY(int overdue MEMBER overdue CONSTANT)
    Q_PROPERTY(int ratePercent MEMBER ratePercent CONSTANT)
    Q_PROPERTY(QString meanDaysToClose MEMBER meanDaysToClose CONSTANT)
public:
    QString townshipCode;
    QString townshipName;
    int raised = 0;
    int closed = 0;
    int overdue = 0;
    int ratePercent = 0;
    QString meanDaysToClose;
};
