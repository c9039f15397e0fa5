#pragma once

#include "domain/formvalidation.h"

#include <QCoreApplication>

// A validation issue worded for the inspector in the app's language (QLocale's default),
// naming the question by its label in that language.
class ValidationText {
    Q_DECLARE_TR_FUNCTIONS(ValidationText)
public:
    static QString describe(const ValidationIssue &issue, const Question &question);
};
