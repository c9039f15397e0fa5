#include "domain/formvalidation.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace {

bool matches(const Question &dependency, const QJsonValue &answer, const QJsonValue &equals)
{
    if (dependency.type == QuestionType::MultiChoice)
        return answer.isArray() && answer.toArray().contains(equals);
    return answer.type() == equals.type() && answer == equals;
}

bool isUnanswered(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return v.toString().trimmed().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    case QJsonValue::Object:
        return v.toObject().isEmpty();
    case QJsonValue::Bool:
    case QJsonValue::Double:
        break;
    }
    return false;
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

class Checker {
public:
    Checker(const FormTemplate &t, QList<ValidationIssue> *issues) : m_t(t), m_issues(issues) { }

    void check(const Question &q, const QJsonValue &v)
    {
        m_q = &q;
        switch (q.type) {
        case QuestionType::YesNo:
            if (!v.isBool())
                wrongType();
            break;
        case QuestionType::Number:
            checkNumber(v);
            break;
        case QuestionType::SingleChoice:
            if (!v.isString())
                wrongType();
            else if (!hasOption(v.toString()))
                unknownOption(v.toString());
            break;
        case QuestionType::MultiChoice:
            checkMulti(v);
            break;
        case QuestionType::Text:
            checkText(v);
            break;
        case QuestionType::GpsPoint:
            checkGps(v);
            break;
        case QuestionType::Photos:
            checkPhotos(v);
            break;
        }
    }

private:
    void add(const QString &code, const QStringList &args = {})
    {
        m_issues->append({m_q->id, code, args});
    }

    void wrongType() { add(QStringLiteral("type")); }

    void unknownOption(const QString &value) { add(QStringLiteral("option"), {value}); }

    bool hasOption(const QString &value) const
    {
        for (const ChoiceOption &o : m_q->options)
            if (o.value == value)
                return true;
        return false;
    }

    void checkNumber(const QJsonValue &v)
    {
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            wrongType();
            return;
        }
        const double d = v.toDouble();
        if (m_q->min && d < *m_q->min)
            add(QStringLiteral("min"), {number(*m_q->min)});
        if (m_q->max && d > *m_q->max)
            add(QStringLiteral("max"), {number(*m_q->max)});
        if (m_q->integer && d != std::floor(d))
            add(QStringLiteral("integer"));
    }

    void checkMulti(const QJsonValue &v)
    {
        if (!v.isArray()) {
            wrongType();
            return;
        }
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                wrongType();
                return;
            }
            if (!hasOption(item.toString()))
                unknownOption(item.toString());
        }
    }

    void checkText(const QJsonValue &v)
    {
        if (!v.isString()) {
            wrongType();
            return;
        }
        // Characters as the inspector counts them: one per Chinese character or emoji.
        const qsizetype length = v.toString().toUcs4().size();
        if (m_q->maxLength > 0 && length > m_q->maxLength)
            add(QStringLiteral("too_long"),
                {QString::number(m_q->maxLength), QString::number(length)});
    }

    void checkPhotos(const QJsonValue &v)
    {
        if (!v.isArray()) {
            wrongType();
            return;
        }
        const QJsonArray photos = v.toArray();
        QSet<QString> seen;
        bool badRef = false;
        bool duplicate = false;
        for (const QJsonValue &item : photos) {
            const QString ref = item.toString();
            if (!item.isString() || !isPhotoRef(ref))
                badRef = true;
            else if (seen.contains(ref))
                duplicate = true;
            seen.insert(ref);
        }
        if (badRef)
            add(QStringLiteral("photo_unknown"));
        if (duplicate)
            add(QStringLiteral("photo_duplicate"));
        // A repeated photo is one piece of evidence, not two.
        const qsizetype count = seen.size();
        if (count < m_q->minPhotos)
            add(QStringLiteral("photos_min"),
                {QString::number(m_q->minPhotos), QString::number(count)});
        if (m_q->maxPhotos > 0 && count > m_q->maxPhotos)
            add(QStringLiteral("photos_max"),
                {QString::number(m_q->maxPhotos), QString::number(count)});
    }

    void checkGps(const QJsonValue &v)
    {
        if (!v.isObject()) {
            wrongType();
            return;
        }
        const QJsonObject fix = v.toObject();
        const QJsonValue lat = fix.value(QStringLiteral("lat"));
        const QJsonValue lon = fix.value(QStringLiteral("lon"));
        if (!lat.isDouble() || !lon.isDouble() || !std::isfinite(lat.toDouble())
            || !std::isfinite(lon.toDouble()) || std::abs(lat.toDouble()) > 90
            || std::abs(lon.toDouble()) > 180) {
            add(QStringLiteral("gps_invalid"));
            return; // accuracy means nothing without a position
        }
        // A poor fix may still be kept when the inspector says why (dense forest, a valley).
        if (!fix.value(QStringLiteral("override_reason")).toString().trimmed().isEmpty())
            return;
        const QJsonValue accuracy = fix.value(QStringLiteral("accuracy_m"));
        if (!accuracy.isDouble() || !std::isfinite(accuracy.toDouble())
            || accuracy.toDouble() < 0) {
            add(QStringLiteral("gps_accuracy"));
        } else if (accuracy.toDouble() > m_t.gpsAccuracyM) {
            add(QStringLiteral("gps_accuracy"),
                {number(std::round(accuracy.toDouble() * 10) / 10), number(m_t.gpsAccuracyM)});
        }
    }

    const FormTemplate &m_t;
    QList<ValidationIssue> *m_issues;
    const Question *m_q = nullptr;
};

} // namespace

bool isRelevant(const FormTemplate &t, const Question &q, const QJsonObject &answers)
{
    // The parser only lets a question depend on an earlier one, so the chain ends; the bound
    // keeps a hand-built template with a loop from spinning.
    const qsizetype bound = t.allQuestions().size();
    const Question *current = &q;
    for (qsizetype steps = 0; current->relevant; ++steps) {
        const Question *dependency = t.question(current->relevant->questionId);
        if (!dependency || steps > bound)
            return false;
        if (!matches(*dependency, answers.value(dependency->id), current->relevant->equals))
            return false;
        current = dependency;
    }
    return true;
}

QList<ValidationIssue> validateAnswers(const FormTemplate &t, const QJsonObject &answers)
{
    QList<ValidationIssue> issues;
    Checker checker(t, &issues);
    for (const Question *q : t.allQuestions()) {
        if (!isRelevant(t, *q, answers))
            continue;
        const QJsonValue v = answers.value(q->id);
        if (isUnanswered(v)) {
            if (q->required)
                issues.append({q->id, QStringLiteral("required"), {}});
            continue;
        }
        checker.check(*q, v);
    }
    return issues;
}

bool isPhotoRef(const QString &ref)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
    return re.match(ref).hasMatch();
}
