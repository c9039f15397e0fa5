#include "publiccontent.h"

#include "domain/formtemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace {

bool isOption(const Question &question, const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    for (const ChoiceOption &option : question.options) {
        if (option.value == text)
            return true;
    }
    return false;
}

bool isNumberInRange(const Question &question, const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && (!question.min || number >= *question.min)
        && (!question.max || number <= *question.max)
        && (!question.integer || number == std::floor(number));
}

bool isSetOfOptions(const Question &question, const QJsonValue &value)
{
    const QJsonArray values = value.toArray();
    if (!value.isArray() || values.isEmpty())
        return false;
    QSet<QString> seen;
    for (const QJsonValue &v : values) {
        if (!isOption(question, v) || seen.contains(v.toString()))
            return false;
        seen.insert(v.toString());
    }
    return true;
}

// The renditions of the ticked photos among the answer's, in its order, each once.
QJsonArray publicPhotos(const QJsonValue &value, const QHash<QString, QString> &renditionOf)
{
    QJsonArray shown;
    QSet<QString> seen;
    for (const QJsonValue &photo : value.toArray()) {
        const QString rendition = renditionOf.value(photo.toString());
        if (!rendition.isEmpty() && !seen.contains(rendition)) {
            seen.insert(rendition);
            shown.append(rendition);
        }
    }
    return shown;
}

} // namespace

bool hasPublicShape(const Question &question, const QJsonValue &value)
{
    switch (question.type) {
    case QuestionType::YesNo:
        return value.isBool();
    case QuestionType::Number:
        return isNumberInRange(question, value);
    case QuestionType::SingleChoice:
        return isOption(question, value);
    case QuestionType::MultiChoice:
        return isSetOfOptions(question, value);
    case QuestionType::Text:
    case QuestionType::GpsPoint:
    case QuestionType::Photos: // only through publicPhotos
        break;
    }
    return false;
}

QByteArray publicContent(const QByteArray &content, const FormTemplate &form,
                         const QHash<QString, QString> &renditionOf)
{
    const QJsonObject answers
        = QJsonDocument::fromJson(content).object().value(QLatin1String("answers")).toObject();
    QJsonObject kept;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Question *question = form.question(it.key());
        if (!question)
            continue;
        if (question->type == QuestionType::Photos) {
            const QJsonArray shown = publicPhotos(it.value(), renditionOf);
            if (!shown.isEmpty())
                kept.insert(it.key(), shown);
        } else if (hasPublicShape(*question, it.value())) {
            kept.insert(it.key(), it.value());
        }
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("answers"), kept}})
        .toJson(QJsonDocument::Compact);
}
