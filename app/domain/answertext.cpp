#include "answertext.h"

#include "formtemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString choiceText(const Question &q, const QJsonValue &v, const AnswerTextOptions &options)
{
    return options.choices == AnswerTextOptions::Choices::Labels ? q.optionText(v.toString())
                                                                 : v.toVariant().toString();
}

QString numberText(const Question &q, const QJsonValue &v, const AnswerTextOptions &options)
{
    if (options.numbers == AnswerTextOptions::Numbers::Plain)
        return v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toVariant().toString();
    return options.locale.toString(v.toDouble()) + QLatin1Char(' ') + q.unit.text();
}

QString photosText(const QJsonArray &shas, const AnswerWords &words,
                   const AnswerTextOptions &options)
{
    if (options.photos == AnswerTextOptions::Photos::Count)
        return words.photoCount ? words.photoCount(int(shas.size())) : QString();
    QStringList names;
    for (const QJsonValue &v : shas) {
        const qsizetype i = options.photoRefs.indexOf(v.toString());
        if (i >= 0 && i < options.photoNames.size())
            names << options.photoNames.at(i);
    }
    return names.join(QLatin1Char(' '));
}

// A point, a string, or anything else as compact JSON: what an answer without a type of its
// own (free text, a point, one the template does not know) reads as.
QString plainText(const QJsonValue &value, const AnswerWords &words,
                  const AnswerTextOptions &options)
{
    if (value.isObject() && value.toObject().contains(QLatin1String("lat"))) {
        const QJsonObject o = value.toObject();
        QString text
            = QString::number(o.value(QLatin1String("lat")).toDouble(), 'f', options.gpsDecimals)
            + options.coordinateSeparator
            + QString::number(o.value(QLatin1String("lon")).toDouble(), 'f', options.gpsDecimals);
        const QJsonValue accuracy = o.value(QLatin1String("accuracy_m"));
        if (options.gpsAccuracy && accuracy.isDouble())
            text += QLatin1Char(' ') + words.accuracy.arg(accuracy.toDouble(), 0, 'f', 1);
        return text;
    }
    if (value.isString())
        return value.toString();
    // A one-element array makes any JSON value (a number, true) a document; its brackets go.
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

QString answerText(const Question *q, const QJsonValue &value, const AnswerWords &words,
                   const AnswerTextOptions &options)
{
    if (value.isUndefined() || value.isNull())
        return QString(); // not answered
    switch (q ? q->type : QuestionType::Text) {
    case QuestionType::YesNo:
        return value.toBool() ? words.yes : words.no;
    case QuestionType::Number:
        return numberText(*q, value, options);
    case QuestionType::SingleChoice:
        return choiceText(*q, value, options);
    case QuestionType::MultiChoice: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << choiceText(*q, v, options);
        return parts.join(words.listSeparator);
    }
    case QuestionType::Photos:
        return photosText(value.toArray(), words, options);
    case QuestionType::Text:
    case QuestionType::GpsPoint:
        break;
    }
    return plainText(value, words, options);
}
