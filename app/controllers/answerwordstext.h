#pragma once

#include "domain/answertext.h"

#include <QCoreApplication>

// The words of an answer's text (domain/answertext.h) in the app's language of the moment,
// shared by the record view and the supervisor's diff.
class AnswerWordsText {
    Q_DECLARE_TR_FUNCTIONS(AnswerWordsText)
public:
    static AnswerWords current();
};
