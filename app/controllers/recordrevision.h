#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

// One revision of a record the store holds (ReviewController::revisions). answers stays a
// map: it is the stored answers keyed by question id, free-form per template, and QML reads
// it by id (answers[questionId]).
struct RecordRevision {
    Q_GADGET
    QML_VALUE_TYPE(recordRevision)
    Q_PROPERTY(qint64 serverSeq MEMBER serverSeq CONSTANT)
    Q_PROPERTY(int status MEMBER status CONSTANT) // RecordStatus as int
    Q_PROPERTY(qint64 updatedAtMs MEMBER updatedAtMs CONSTANT)
    Q_PROPERTY(QVariantMap answers MEMBER answers CONSTANT)
public:
    qint64 serverSeq = 0;
    int status = 0;
    qint64 updatedAtMs = 0;
    QVariantMap answers;
};
