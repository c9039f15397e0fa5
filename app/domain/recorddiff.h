#pragma once

#include "formtemplate.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>

// What changed between two revisions of a record, question by question, with the
// template's labels: what a supervisor reads when a returned record comes back.
struct AnswerChange {
    QString questionId;
    LocalizedText label; // the question's id when the template does not know it
    QJsonValue before; // Undefined: not answered
    QJsonValue after;
};

struct PhotoChange {
    QString questionId;
    LocalizedText label;
    QStringList added; // SHA-256 names, in the new revision's order
    QStringList removed;
};

struct GpsMove {
    QString questionId;
    LocalizedText label;
    QJsonValue before; // {lat, lon, ...} or Undefined
    QJsonValue after;
    double metres = -1; // -1: one side has no point
};

struct RecordDiff {
    QList<AnswerChange> answers;
    QList<PhotoChange> photos;
    QList<GpsMove> gps;
    bool isEmpty() const { return answers.isEmpty() && photos.isEmpty() && gps.isEmpty(); }
};

// Compares the answers of two revisions' contents ({"answers": {...}}), in the template's
// question order; answers to questions the template does not know follow, by id.
RecordDiff diffRevisions(const FormTemplate &form, const QByteArray &before,
                         const QByteArray &after);
