#pragma once

#include "problemline.h"
#include "problemstep.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// The problem a detail page shows (LedgerController::current): its line, what it was found
// on, its history and what this user may do next.
struct ProblemDetail {
    Q_GADGET
    QML_VALUE_TYPE(problemDetail)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(ProblemLine line MEMBER line CONSTANT)
    Q_PROPERTY(QString raisedText MEMBER raisedText CONSTANT)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QStringList beforePhotos MEMBER beforePhotos CONSTANT)
    Q_PROPERTY(QStringList afterPhotos MEMBER afterPhotos CONSTANT)
    Q_PROPERTY(QList<ProblemStep> history MEMBER history CONSTANT)
    // "assign", "progress", "report_fix", "recheck", "close", "return", "publish"
    Q_PROPERTY(QStringList actions MEMBER actions CONSTANT)
public:
    bool valid = false;
    ProblemLine line;
    QString raisedText; // who found it, when
    QString recordId;
    QStringList beforePhotos;
    QStringList afterPhotos;
    QList<ProblemStep> history;
    QStringList actions;
};
