#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A reviewer's comment on one question, under the question's label.
struct QuestionCommentLine {
    Q_GADGET
    QML_VALUE_TYPE(questionCommentLine)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QString comment MEMBER comment CONSTANT)
public:
    QString label;
    QString comment;
};

// One decision in a record's history as the record view shows it: its words in the user's
// language, and photosConfirmation "" or e.g. "照片未到齐 (1/2) 时确认通过".
struct ReviewHistoryEntry {
    Q_GADGET
    QML_VALUE_TYPE(reviewHistoryEntry)
    Q_PROPERTY(QString decision MEMBER decision CONSTANT)
    Q_PROPERTY(QString comment MEMBER comment CONSTANT)
    Q_PROPERTY(QString reviewer MEMBER reviewer CONSTANT)
    Q_PROPERTY(QString at MEMBER at CONSTANT)
    Q_PROPERTY(QList<QuestionCommentLine> questionComments MEMBER questionComments CONSTANT)
    Q_PROPERTY(QString photosConfirmation MEMBER photosConfirmation CONSTANT)
public:
    QString decision;
    QString comment;
    QString reviewer;
    QString at;
    QList<QuestionCommentLine> questionComments;
    QString photosConfirmation;
};
