#pragma once

#include "domain/formtemplate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Checks a record's answers against the template it is filled with. Pure functions: the form
// calls them as the inspector types, the submit path before anything is stored.
//
// Answers are one JSON object keyed by question id:
//   yesno → bool, number → number, single → option value, multi → [option values],
//   text → string, photos → [sha256 hex, 64 lowercase], gps → {"lat", "lon", "alt",
//   "accuracy_m", "fix_time_ms", "source", "fixes_averaged", "override_reason"}.
// null, "", whitespace-only text, [] and {} count as not answered.
// Not answered is only an issue for a required question; a photos question's min counts once
// any photo is given, so a template that demands photos makes the question required.

// What is wrong with one answer, as a code and the values its wording needs; the app words
// it in the inspector's language (controllers/validationtext).
struct ValidationIssue {
    QString questionId;
    // required, type, option [value], min [limit], max [limit], integer,
    // too_long [max, length], photo_unknown, photo_duplicate, photos_min [min, count],
    // photos_max [max, count], gps_invalid, gps_accuracy [] (none given) or
    // [accuracy, required] (in metres)
    QString code;
    QStringList args;
};

// Whether the question is asked at all given the answers so far. A question that depends on
// another is relevant only if that one is relevant too and its answer equals the value (for a
// multi-choice answer: contains it). Answers to irrelevant questions are ignored.
bool isRelevant(const FormTemplate &t, const Question &q, const QJsonObject &answers);

// Every problem, in form order; empty when the answers may be submitted.
QList<ValidationIssue> validateAnswers(const FormTemplate &t, const QJsonObject &answers);

// A photo reference: the sha256 of the file, 64 lowercase hex characters.
bool isPhotoRef(const QString &ref);
