#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

// A changed answer: before/after as stored (choices as their labels), undefined in QML when
// that side has no answer.
struct AnswerChangeLine {
    Q_GADGET
    QML_VALUE_TYPE(answerChangeLine)
    Q_PROPERTY(QString questionId MEMBER questionId CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QVariant before MEMBER before CONSTANT)
    Q_PROPERTY(QVariant after MEMBER after CONSTANT)
public:
    QString questionId;
    QString label;
    QVariant before;
    QVariant after;
};

// The photos of one question added and removed (sha256s).
struct PhotoChangeLine {
    Q_GADGET
    QML_VALUE_TYPE(photoChangeLine)
    Q_PROPERTY(QString questionId MEMBER questionId CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QStringList added MEMBER added CONSTANT)
    Q_PROPERTY(QStringList removed MEMBER removed CONSTANT)
public:
    QString questionId;
    QString label;
    QStringList added;
    QStringList removed;
};

// A GPS point that moved: before/after as stored ({lat, lon, …}), metres -1 when a side
// lacks a point.
struct GpsMoveLine {
    Q_GADGET
    QML_VALUE_TYPE(gpsMoveLine)
    Q_PROPERTY(QString questionId MEMBER questionId CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QVariant before MEMBER before CONSTANT)
    Q_PROPERTY(QVariant after MEMBER after CONSTANT)
    Q_PROPERTY(double metres MEMBER metres CONSTANT)
public:
    QString questionId;
    QString label;
    QVariant before;
    QVariant after;
    double metres = -1;
};

// What changed between two revisions of a record (ReviewController::diffBetween), labels in
// the app's language. valid is false when the store lacks either revision or the template;
// returnedSeq and currentSeq are set by diffAgainstReturned only.
struct RevisionDiff {
    Q_GADGET
    QML_VALUE_TYPE(revisionDiff)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(qint64 fromSeq MEMBER fromSeq CONSTANT)
    Q_PROPERTY(qint64 toSeq MEMBER toSeq CONSTANT)
    Q_PROPERTY(qint64 returnedSeq MEMBER returnedSeq CONSTANT)
    Q_PROPERTY(qint64 currentSeq MEMBER currentSeq CONSTANT)
    Q_PROPERTY(QList<AnswerChangeLine> answers MEMBER answers CONSTANT)
    Q_PROPERTY(QList<PhotoChangeLine> photos MEMBER photos CONSTANT)
    Q_PROPERTY(QList<GpsMoveLine> gps MEMBER gps CONSTANT)
public:
    bool valid = false;
    qint64 fromSeq = 0;
    qint64 toSeq = 0;
    qint64 returnedSeq = 0;
    qint64 currentSeq = 0;
    QList<AnswerChangeLine> answers;
    QList<PhotoChangeLine> photos;
    QList<GpsMoveLine> gps;
};
