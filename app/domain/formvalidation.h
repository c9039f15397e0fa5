#pragma once

#include "domain/formtemplate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

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

struct ValidationIssue {
    QString questionId;
    QString code; // required, type, min, max, integer, option, too_long, photos_min,
                  // photos_max, photo_ref, gps_accuracy, gps_invalid
    QString message; // Chinese, for the inspector
};

// Whether the question is asked at all given the answers so far. A question that depends on
// another is relevant only if that one is relevant too and its answer equals the value (for a
// multi-choice answer: contains it). Answers to irrelevant questions are ignored.
bool isRelevant(const FormTemplate &t, const Question &q, const QJsonObject &answers);

// Every problem, in form order; empty when the answers may be submitted.
QList<ValidationIssue> validateAnswers(const FormTemplate &t, const QJsonObject &answers);

// A photo reference: the sha256 of the file, 64 lowercase hex characters.
bool isPhotoRef(const QString &ref);
