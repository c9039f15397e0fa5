#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One problem in a list of the ledger (LedgerController): what it is, where, how it stands,
// how long is left and, on a tablet with a fix, the way there.
struct ProblemLine {
    Q_GADGET
    QML_VALUE_TYPE(problemLine)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString description MEMBER description CONSTANT)
    Q_PROPERTY(QString categoryText MEMBER categoryText CONSTANT)
    Q_PROPERTY(QString villageName MEMBER villageName CONSTANT)
    Q_PROPERTY(int state MEMBER state CONSTANT)
    Q_PROPERTY(QString stateText MEMBER stateText CONSTANT)
    Q_PROPERTY(QString severityText MEMBER severityText CONSTANT)
    Q_PROPERTY(QString responsibleText MEMBER responsibleText CONSTANT)
    Q_PROPERTY(QString deadlineText MEMBER deadlineText CONSTANT)
    Q_PROPERTY(bool overdue MEMBER overdue CONSTANT)
    Q_PROPERTY(bool pending MEMBER pending CONSTANT)
    Q_PROPERTY(bool conflicted MEMBER conflicted CONSTANT)
    // The way there from the tablet's current fix (hasWay false: no fix, or no point)
    Q_PROPERTY(bool hasWay MEMBER hasWay CONSTANT)
    Q_PROPERTY(QString wayText MEMBER wayText CONSTANT)
public:
    QString id;
    QString description;
    QString categoryText;
    QString villageName;
    int state = 0;
    QString stateText;
    QString severityText;
    QString responsibleText;
    QString deadlineText;
    bool overdue = false;
    bool pending = false; // a change made here has not reached the server yet
    bool conflicted = false;
    bool hasWay = false;
    QString wayText; // "东北 350 米"
};
