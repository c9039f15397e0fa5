#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// One event in a problem's history, as its detail page lists it.
struct ProblemStep {
    Q_GADGET
    QML_VALUE_TYPE(problemStep)
    Q_PROPERTY(QString actionText MEMBER actionText CONSTANT)
    Q_PROPERTY(QString author MEMBER author CONSTANT)
    Q_PROPERTY(QString whenText MEMBER whenText CONSTANT)
    Q_PROPERTY(QString comment MEMBER comment CONSTANT)
    Q_PROPERTY(QString detail MEMBER detail CONSTANT)
    Q_PROPERTY(QStringList photos MEMBER photos CONSTANT)
    Q_PROPERTY(bool pending MEMBER pending CONSTANT)
    Q_PROPERTY(bool conflicted MEMBER conflicted CONSTANT)
public:
    QString actionText;
    QString author;
    QString whenText;
    QString comment;
    // What else the step says: the unit and deadline, the re-check's distance or off-site
    // reason, "计入 2027-01 台账" when a signed-off month moved it
    QString detail;
    QStringList photos; // SHA-256
    bool pending = false;
    bool conflicted = false;
};
