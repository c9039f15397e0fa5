#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// Where one photo the record view shows is: url ("" until here), state "here" | "waiting" |
// "fetching" | "failed" | "notUploaded" (the tablet has not sent it yet: no error), done and
// total bytes while fetching, error (why it is not here, in the user's language).
struct PhotoViewState {
    Q_GADGET
    QML_VALUE_TYPE(photoViewState)
    Q_PROPERTY(QString url MEMBER url CONSTANT)
    Q_PROPERTY(QString state MEMBER state CONSTANT)
    Q_PROPERTY(qint64 done MEMBER done CONSTANT)
    Q_PROPERTY(qint64 total MEMBER total CONSTANT)
    Q_PROPERTY(QString error MEMBER error CONSTANT)
public:
    QString url;
    QString state;
    qint64 done = 0;
    qint64 total = 0;
    QString error;
};
