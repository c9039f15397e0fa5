#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <functional>

class QJsonValue;
struct Question;

// The words an answer's text is made of besides the checklist's own labels and options. The
// caller supplies them in its language (the controllers with tr(), the exports from
// ExportWords), so the domain needs no translations.
struct AnswerWords {
    QString yes;
    QString no;
    QString listSeparator; // between a multiple choice's options
    std::function<QString(int)> photoCount; // "3 photos"
    QString accuracy; // "±%1 m", %1 the GPS accuracy in metres
};

// How an answer is written where the places that show answers differ on purpose.
struct AnswerTextOptions {
    // LocaleWithUnit: "1,234.5 m" as a person reads it; Plain: "1234.5", no unit, as a
    // spreadsheet computes on it.
    enum class Numbers { LocaleWithUnit, Plain };
    // Count: "3 photos"; FileNames: the photos' names in an export's photo ZIP.
    enum class Photos { Count, FileNames };
    // Labels: the option's text; StoredValues: the value stored (a GIS keeps codes).
    enum class Choices { Labels, StoredValues };

    Numbers numbers = Numbers::LocaleWithUnit;
    QLocale locale; // of LocaleWithUnit numbers
    Photos photos = Photos::Count;
    QStringList photoRefs; // FileNames: the record's photos (SHA-256) ...
    QStringList photoNames; // ... and the name of each, in the same order
    Choices choices = Choices::Labels;
    bool gpsAccuracy = true; // a point's "±x m" after its coordinates
    int gpsDecimals = 6;
    QString coordinateSeparator = QStringLiteral(", ");
};

// An answer as a person reads it. q is null for an answer the template does not know: a
// point, a string or compact JSON then. A missing answer (undefined) is empty.
QString answerText(const Question *q, const QJsonValue &value, const AnswerWords &words,
                   const AnswerTextOptions &options = {});
