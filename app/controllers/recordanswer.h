#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One photo of an answer in the record view: url is "" for a photo not on this device when
// the record opened (RecordViewController::photoStates has it as it arrives).
struct AnswerPhoto {
    Q_GADGET
    QML_VALUE_TYPE(answerPhoto)
    Q_PROPERTY(QString sha256 MEMBER sha256 CONSTANT)
    Q_PROPERTY(QString url MEMBER url CONSTANT)
public:
    QString sha256;
    QString url;
};

// The GPS point of an answer; accuracyM is -1 when the tablet stored none, overrideReason ""
// unless the inspector kept a fix that missed the accuracy asked for.
struct AnswerGps {
    Q_GADGET
    QML_VALUE_TYPE(answerGps)
    Q_PROPERTY(double lat MEMBER lat CONSTANT)
    Q_PROPERTY(double lon MEMBER lon CONSTANT)
    Q_PROPERTY(double accuracyM MEMBER accuracyM CONSTANT)
    Q_PROPERTY(QString overrideReason MEMBER overrideReason CONSTANT)
public:
    double lat = 0;
    double lon = 0;
    double accuracyM = -1;
    QString overrideReason;
};

// One answer as the record view shows it: the label of the template version it was filled
// with, its text in the user's language, and its photos or GPS point (hasGps) when it has
// them.
struct RecordAnswer {
    Q_GADGET
    QML_VALUE_TYPE(recordAnswer)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString section MEMBER section CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QString type MEMBER type CONSTANT)
    Q_PROPERTY(QString text MEMBER text CONSTANT)
    Q_PROPERTY(QList<AnswerPhoto> photos MEMBER photos CONSTANT)
    Q_PROPERTY(int missingPhotos MEMBER missingPhotos CONSTANT)
    Q_PROPERTY(bool hasGps MEMBER hasGps CONSTANT)
    Q_PROPERTY(AnswerGps gps MEMBER gps CONSTANT)
public:
    QString id;
    QString section;
    QString label;
    QString type;
    QString text;
    QList<AnswerPhoto> photos;
    int missingPhotos = 0;
    bool hasGps = false;
    AnswerGps gps;
};
