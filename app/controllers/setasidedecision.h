#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A decision the server refused for good (ReviewController::setAside): the record's title
// as the queue names it, and why, worded in the user's language.
struct SetAsideDecision {
    Q_GADGET
    QML_VALUE_TYPE(setAsideDecision)
    Q_PROPERTY(QString reviewId MEMBER reviewId CONSTANT)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString error MEMBER error CONSTANT)
public:
    QString reviewId;
    QString recordId;
    QString title;
    QString error;
};
