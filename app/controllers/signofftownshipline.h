#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A township whose monthly ledger this account signs (LedgerBoardController::
// signoffTownships): where its sign-off stands this month, its open items, and whether this
// account may sign it now (at its own level: the township's supervisor, then the county).
struct SignoffTownshipLine {
    Q_GADGET
    QML_VALUE_TYPE(signoffTownshipLine)
    Q_PROPERTY(QString townshipCode MEMBER townshipCode CONSTANT)
    Q_PROPERTY(QString townshipName MEMBER townshipName CONSTANT)
    Q_PROPERTY(QString statusText MEMBER statusText CONSTANT)
    Q_PROPERTY(int openItems MEMBER openItems CONSTANT)
    Q_PROPERTY(bool canSign MEMBER canSign CONSTANT)
    Q_PROPERTY(QString levelText MEMBER levelText CONSTANT)
public:
    QString townshipCode;
    QString townshipName;
    QString statusText; // "乡镇已签认 (li) · 待县级签认"
    int openItems = 0;
    bool canSign = false;
    QString levelText; // the button: "乡镇签认" / "县级签认"
};
