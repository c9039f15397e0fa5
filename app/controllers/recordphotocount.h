#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A record's current photos on this device (n/m), whether the server says some are still on
// their way (pending), and text "照片未到齐 (n/m)". recordId and title name the record in a
// bulk approval's list (ReviewController::incompletePhotos). No such record: 0 of 0,
// complete.
struct RecordPhotoCount {
    Q_GADGET
    QML_VALUE_TYPE(recordPhotoCount)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(int here MEMBER here CONSTANT)
    Q_PROPERTY(int total MEMBER total CONSTANT)
    Q_PROPERTY(bool pending MEMBER pending CONSTANT)
    Q_PROPERTY(bool complete MEMBER complete CONSTANT)
    Q_PROPERTY(QString text MEMBER text CONSTANT)
public:
    QString recordId;
    QString title;
    int here = 0;
    int total = 0;
    bool pending = false;
    bool complete = true;
    QString text;
};
