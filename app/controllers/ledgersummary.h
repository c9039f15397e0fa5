#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// The figures of the ledger a supervisor is looking at (LedgerBoardController::summary).
struct LedgerSummary {
    Q_GADGET
    QML_VALUE_TYPE(ledgerSummary)
    Q_PROPERTY(int open MEMBER open CONSTANT)
    Q_PROPERTY(int overdue MEMBER overdue CONSTANT)
    Q_PROPERTY(int closed MEMBER closed CONSTANT)
    // The mean days from finding to 销号, one decimal ("" with nothing closed)
    Q_PROPERTY(QString meanDaysToClose MEMBER meanDaysToClose CONSTANT)
public:
    int open = 0;
    int overdue = 0;
    int closed = 0;
    QString meanDaysToClose;
};
