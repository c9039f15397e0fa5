#include "domain/formtemplate.h"

#include "domain/category.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

const QStringList kCommonQuestionKeys
    = {QStringLiteral("id"),     QStringLiteral("type"),     QStringLiteral("label"),
       QStringLiteral("hint"),   QStringLiteral("required"), QStringLiteral("relevant"),
       QStringLiteral("problem")};

const QList<QPair<QuestionType, QString>> &typeNames()
{
    static const QList<QPair<QuestionType, QString>> names = {
        {QuestionType::YesNo, QStringLiteral("yesno")},
        {QuestionType::Number, QStringLiteral("number")},
        {QuestionType::SingleChoice, QStringLiteral("single")},
        {QuestionType::MultiChoice, QStringLiteral("multi")},
        {QuestionType::Text, QStringLiteral("text")},
        {QuestionType::GpsPoint, QStringLiteral("gps")},
        {QuestionType::Photos, QStringLiteral("photos")},
    };
    return names;
}

std::optional<QuestionType> typeFromName(const QString &name)
{
    for (const auto &[type, typeName] : typeNames())
        if (typeName == name)
            return type;
    return std::nullopt;
}

// Keys a question of this type may carry besides the common ones.
QStringList typeKeys(QuestionType type)
{
    switch (type) {
    case QuestionType::Number:
        return {QStringLiteral("unit"), QStringLiteral("min"), QStringLiteral("max"),
                QStringLiteral("integer")};
    case QuestionType::SingleChoice:
    case QuestionType::MultiChoice:
        return {QStringLiteral("options")};
    case QuestionType::Text:
        return {QStringLiteral("multiline"), QStringLiteral("max_length")};
    case QuestionType::Photos:
        return {QStringLiteral("min"), QStringLiteral("max")};
    case QuestionType::YesNo:
    case QuestionType::GpsPoint:
        break;
    }
    return {};
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

// Question ids become JSON keys of the answers and QML property-like names: keep them plain.
bool isPlainId(const QString &id)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z][A-Za-z0-9_]*")));
    return re.match(id).hasMatch();
}

// Parses one template, remembering where it is so every error names the template, section
// and question it is about.
class TemplateParser {
public:
    explicit TemplateParser(QString *error) : m_error(error) { }

    std::optional<FormTemplate> parse(const QJsonObject &json)
    {
        FormTemplate t;
        if (!parseHeader(json, &t))
            return std::nullopt;
        const QJsonArray sections = json.value(QStringLiteral("sections")).toArray();
        QSet<QString> sectionIds;
        for (const QJsonValue &value : sections) {
            m_sectionId.clear();
            m_questionId.clear();
            if (!value.isObject()) {
                fail(QStringLiteral("every section must be an object"));
                return std::nullopt;
            }
            Section section;
            if (!parseSection(value.toObject(), &section))
                return std::nullopt;
            if (sectionIds.contains(section.id)) {
                fail(QStringLiteral("duplicate section id"));
                return std::nullopt;
            }
            sectionIds.insert(section.id);
            t.sections << section;
        }
        m_sectionId.clear();
        m_questionId.clear();
        if (!checkRelevance(t))
            return std::nullopt;
        return t;
    }

private:
    bool fail(const QString &message)
    {
        if (m_error) {
            QString where
                = QStringLiteral("template '%1'")
                      .arg(m_templateId.isEmpty() ? QStringLiteral("(no id)") : m_templateId);
            if (!m_sectionId.isEmpty())
                where += QStringLiteral(", section '%1'").arg(m_sectionId);
            if (!m_questionId.isEmpty())
                where += QStringLiteral(", question '%1'").arg(m_questionId);
            *m_error = where + QStringLiteral(": ") + message;
        }
        return false;
    }

    bool checkKeys(const QJsonObject &o, const QStringList &allowed, const QString &what)
    {
        // A misspelt key ("requried", "relevent") would otherwise be silently dropped.
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key())) {
                fail(QStringLiteral("unknown key '%1' in %2").arg(it.key(), what));
                return false;
            }
        return true;
    }

    bool readString(const QJsonObject &o, const QString &key, bool required, QString *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            fail(QStringLiteral("'%1' must be a non-empty string, not %2")
                     .arg(key, v.isString() ? QStringLiteral("empty") : jsonTypeName(v)));
            return false;
        }
        *out = v.toString();
        return true;
    }

    bool readBool(const QJsonObject &o, const QString &key, bool *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isBool()) {
            fail(QStringLiteral("'%1' must be true or false, not %2").arg(key, jsonTypeName(v)));
            return false;
        }
        *out = v.toBool();
        return true;
    }

    bool readNumber(const QJsonObject &o, const QString &key, std::optional<double> *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(QStringLiteral("'%1' must be a number, not %2").arg(key, jsonTypeName(v)));
            return false;
        }
        *out = v.toDouble();
        return true;
    }

    bool readInt(const QJsonObject &o, const QString &key, int minimum, int *out)
    {
        std::optional<double> d;
        if (!readNumber(o, key, &d))
            return false;
        if (!d)
            return true;
        if (*d != std::floor(*d) || *d < minimum || *d > std::numeric_limits<int>::max()) {
            fail(
                QStringLiteral("'%1' must be a whole number of at least %2").arg(key).arg(minimum));
            return false;
        }
        *out = int(*d);
        return true;
    }

    // {"zh": "...", "en": "..."}: zh is what inspectors read, so it is never optional.
    // name says where it is in messages; by default the quoted key.
    bool readText(const QJsonObject &o, const QString &key, bool required, LocalizedText *out,
                  QString name = QString())
    {
        if (name.isEmpty())
            name = QStringLiteral("'%1'").arg(key);
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isObject()) {
            fail(QStringLiteral("%1 must be an object {\"zh\": ..., \"en\": ...}, not %2")
                     .arg(name, jsonTypeName(v)));
            return false;
        }
        const QJsonObject text = v.toObject();
        if (!checkKeys(text, {QStringLiteral("zh"), QStringLiteral("en")}, name))
            return false;
        const QJsonValue zh = text.value(QStringLiteral("zh"));
        const QJsonValue en = text.value(QStringLiteral("en"));
        if (!zh.isString() || zh.toString().trimmed().isEmpty()) {
            fail(QStringLiteral("%1 has no zh (Chinese) text").arg(name));
            return false;
        }
        if (!en.isUndefined() && !en.isString()) {
            fail(QStringLiteral("%1: 'en' must be a string").arg(name));
            return false;
        }
        out->zh = zh.toString();
        out->en = en.toString();
        return true;
    }

    bool parseHeader(const QJsonObject &json, FormTemplate *t)
    {
        // Read the id first so that every later error can name the template.
        if (json.value(QStringLiteral("id")).isString())
            m_templateId = json.value(QStringLiteral("id")).toString();
        if (!checkKeys(json,
                       {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("category"),
                        QStringLiteral("title"), QStringLiteral("source"),
                        QStringLiteral("gps_accuracy_m"), QStringLiteral("gps_averaging_fixes"),
                        QStringLiteral("sections")},
                       QStringLiteral("the template")))
            return false;
        if (!readString(json, QStringLiteral("id"), true, &t->id))
            return false;
        if (t->id.contains(QRegularExpression(QStringLiteral("\\s")))) {
            fail(QStringLiteral("the template id must not contain spaces"));
            return false;
        }
        if (json.value(QStringLiteral("version")).isUndefined()) {
            fail(QStringLiteral("'version' is missing"));
            return false;
        }
        if (!readInt(json, QStringLiteral("version"), 1, &t->version))
            return false;
        if (!readString(json, QStringLiteral("category"), true, &t->category))
            return false;
        bool knownCategory = false;
        for (const Category &c : workCategories())
            knownCategory = knownCategory || c.id == t->category;
        if (!knownCategory) {
            fail(QStringLiteral("unknown category '%1'").arg(t->category));
            return false;
        }
        if (!readText(json, QStringLiteral("title"), true, &t->title))
            return false;
        if (!readString(json, QStringLiteral("source"), true, &t->source))
            return false;
        std::optional<double> accuracy;
        if (!readNumber(json, QStringLiteral("gps_accuracy_m"), &accuracy))
            return false;
        if (accuracy) {
            if (*accuracy <= 0) {
                fail(QStringLiteral("'gps_accuracy_m' must be more than 0"));
                return false;
            }
            t->gpsAccuracyM = *accuracy;
        }
        t->gpsAveragingFixes = 1;
        if (!readInt(json, QStringLiteral("gps_averaging_fixes"), 1, &t->gpsAveragingFixes))
            return false;
        const QJsonValue sections = json.value(QStringLiteral("sections"));
        if (!sections.isArray() || sections.toArray().isEmpty()) {
            fail(QStringLiteral("'sections' must be a non-empty array"));
            return false;
        }
        return true;
    }

    bool parseSection(const QJsonObject &json, Section *section)
    {
        if (json.value(QStringLiteral("id")).isString())
            m_sectionId = json.value(QStringLiteral("id")).toString();
        if (!checkKeys(json,
                       {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("questions")},
                       QStringLiteral("the section")))
            return false;
        if (!readString(json, QStringLiteral("id"), true, &section->id))
            return false;
        if (!readText(json, QStringLiteral("title"), true, &section->title))
            return false;
        const QJsonValue questions = json.value(QStringLiteral("questions"));
        if (!questions.isArray() || questions.toArray().isEmpty()) {
            fail(QStringLiteral("'questions' must be a non-empty array"));
            return false;
        }
        for (const QJsonValue &value : questions.toArray()) {
            m_questionId.clear();
            if (!value.isObject()) {
                fail(QStringLiteral("every question must be an object"));
                return false;
            }
            Question q;
            if (!parseQuestion(value.toObject(), &q))
                return false;
            if (m_questionIds.contains(q.id)) {
                fail(QStringLiteral("duplicate question id"));
                return false;
            }
            m_questionIds.insert(q.id);
            section->questions << q;
        }
        m_questionId.clear();
        return true;
    }

    bool parseQuestion(const QJsonObject &json, Question *q)
    {
        if (json.value(QStringLiteral("id")).isString())
            m_questionId = json.value(QStringLiteral("id")).toString();
        if (!readString(json, QStringLiteral("id"), true, &q->id))
            return false;
        if (!isPlainId(q->id)) {
            fail(QStringLiteral("a question id must be a letter followed by letters, digits or _"));
            return false;
        }
        QString typeName;
        if (!readString(json, QStringLiteral("type"), true, &typeName))
            return false;
        const auto type = typeFromName(typeName);
        if (!type) {
            fail(QStringLiteral("unknown question type '%1'").arg(typeName));
            return false;
        }
        q->type = *type;
        if (!checkKeys(json, kCommonQuestionKeys + typeKeys(q->type),
                       QStringLiteral("a %1 question").arg(typeName)))
            return false;
        if (!readText(json, QStringLiteral("label"), true, &q->label)
            || !readText(json, QStringLiteral("hint"), false, &q->hint)
            || !readBool(json, QStringLiteral("required"), &q->required))
            return false;
        if (json.contains(QStringLiteral("relevant")) && !parseRelevance(json, q))
            return false;

        switch (q->type) {
        case QuestionType::Number:
            if (!readText(json, QStringLiteral("unit"), false, &q->unit)
                || !readNumber(json, QStringLiteral("min"), &q->min)
                || !readNumber(json, QStringLiteral("max"), &q->max)
                || !readBool(json, QStringLiteral("integer"), &q->integer))
                return false;
            if (q->min && q->max && *q->min > *q->max) {
                fail(QStringLiteral("min %1 is greater than max %2").arg(*q->min).arg(*q->max));
                return false;
            }
            break;
        case QuestionType::SingleChoice:
        case QuestionType::MultiChoice:
            return parseOptions(json, q) && parseProblem(json, q);
        case QuestionType::Text:
            if (!readBool(json, QStringLiteral("multiline"), &q->multiline)
                || !readInt(json, QStringLiteral("max_length"), 0, &q->maxLength))
                return false;
            break;
        case QuestionType::Photos:
            if (!readInt(json, QStringLiteral("min"), 0, &q->minPhotos)
                || !readInt(json, QStringLiteral("max"), 0, &q->maxPhotos))
                return false;
            if (q->maxPhotos > 0 && q->minPhotos > q->maxPhotos) {
                fail(QStringLiteral("min %1 photos is greater than max %2")
                         .arg(q->minPhotos)
                         .arg(q->maxPhotos));
                return false;
            }
            break;
        case QuestionType::YesNo:
        case QuestionType::GpsPoint:
            break;
        }
        return parseProblem(json, q);
    }

    // {"when": <failing answer>, "severity": 1..3, "text": {"zh", "en"}}: only on yes/no and
    // single-choice questions, whose failing answer is one value.
    bool parseProblem(const QJsonObject &json, Question *q)
    {
        if (!json.contains(QStringLiteral("problem")))
            return true;
        const QJsonValue v = json.value(QStringLiteral("problem"));
        if (!v.isObject()) {
            fail(QStringLiteral("'problem' must be an object {\"when\", \"severity\", \"text\"}"));
            return false;
        }
        const QJsonObject o = v.toObject();
        ProblemRule rule;
        if (!checkKeys(o,
                       {QStringLiteral("when"), QStringLiteral("severity"), QStringLiteral("text")},
                       QStringLiteral("'problem'"))
            || !readInt(o, QStringLiteral("severity"), 1, &rule.severity)
            || !readText(o, QStringLiteral("text"), true, &rule.text,
                         QStringLiteral("'problem.text'")))
            return false;
        if (rule.severity > 3) {
            fail(QStringLiteral("'problem.severity' must be 1, 2 or 3"));
            return false;
        }
        rule.when = o.value(QStringLiteral("when"));
        const bool fits = q->type == QuestionType::YesNo
            ? rule.when.isBool()
            : q->type == QuestionType::SingleChoice && rule.when.isString()
                && std::any_of(q->options.cbegin(), q->options.cend(), [&](const ChoiceOption &o) {
                       return o.value == rule.when.toString();
                   });
        if (!fits) {
            fail(QStringLiteral("'problem.when' must be a yes/no answer or one of a single "
                                "choice's option values"));
            return false;
        }
        q->problem = rule;
        return true;
    }

    bool parseOptions(const QJsonObject &json, Question *q)
    {
        const QJsonValue options = json.value(QStringLiteral("options"));
        if (!options.isArray() || options.toArray().isEmpty()) {
            fail(QStringLiteral("a choice question needs a non-empty 'options' array"));
            return false;
        }
        QSet<QString> values;
        for (const QJsonValue &value : options.toArray()) {
            if (!value.isObject()) {
                fail(QStringLiteral("every option must be an object {\"value\", \"label\"}"));
                return false;
            }
            const QJsonObject o = value.toObject();
            ChoiceOption option;
            if (!checkKeys(o, {QStringLiteral("value"), QStringLiteral("label")},
                           QStringLiteral("an option"))
                || !readString(o, QStringLiteral("value"), true, &option.value))
                return false;
            if (values.contains(option.value)) {
                fail(QStringLiteral("duplicate option value '%1'").arg(option.value));
                return false;
            }
            values.insert(option.value);
            if (!readText(o, QStringLiteral("label"), true, &option.label,
                          QStringLiteral("the label of option '%1'").arg(option.value)))
                return false;
            q->options << option;
        }
        return true;
    }

    // Only the shape here; what it points at is checked once all questions are known.
    bool parseRelevance(const QJsonObject &json, Question *q)
    {
        const QJsonValue v = json.value(QStringLiteral("relevant"));
        if (!v.isObject()) {
            fail(QStringLiteral("'relevant' must be an object {\"question\", \"equals\"}"));
            return false;
        }
        const QJsonObject o = v.toObject();
        Relevance r;
        if (!checkKeys(o, {QStringLiteral("question"), QStringLiteral("equals")},
                       QStringLiteral("'relevant'"))
            || !readString(o, QStringLiteral("question"), true, &r.questionId))
            return false;
        r.equals = o.value(QStringLiteral("equals"));
        if (r.equals.isUndefined() || r.equals.isNull() || r.equals.isArray()
            || r.equals.isObject()) {
            fail(QStringLiteral("'relevant.equals' must be a boolean, number or string"));
            return false;
        }
        q->relevant = r;
        return true;
    }

    // A question may only depend on an earlier one: the form fills top to bottom and the
    // dependency graph cannot loop.
    bool checkRelevance(const FormTemplate &t)
    {
        const QList<const Question *> questions = t.allQuestions();
        QHash<QString, int> position;
        for (int i = 0; i < questions.size(); ++i)
            position.insert(questions.at(i)->id, i);
        for (const Section &section : t.sections) {
            m_sectionId = section.id;
            for (const Question &q : section.questions) {
                if (!q.relevant)
                    continue;
                m_questionId = q.id;
                const QString &dependency = q.relevant->questionId;
                if (!position.contains(dependency))
                    return fail(
                        QStringLiteral("'relevant' names unknown question '%1'").arg(dependency));
                if (dependency == q.id)
                    return fail(QStringLiteral("'relevant' names the question itself"));
                if (position.value(dependency) > position.value(q.id))
                    return fail(QStringLiteral("'relevant' names question '%1', which comes later; "
                                               "a question may only depend on an earlier one")
                                    .arg(dependency));
                if (!checkEquals(*questions.at(position.value(dependency)), q.relevant->equals))
                    return false;
            }
        }
        return true;
    }

    bool checkEquals(const Question &dependency, const QJsonValue &equals)
    {
        const QString name = questionTypeName(dependency.type);
        switch (dependency.type) {
        case QuestionType::YesNo:
            if (equals.isBool())
                return true;
            break;
        case QuestionType::Number:
            if (equals.isDouble())
                return true;
            break;
        case QuestionType::Text:
            if (equals.isString())
                return true;
            break;
        case QuestionType::SingleChoice:
        case QuestionType::MultiChoice:
            if (equals.isString()) {
                for (const ChoiceOption &o : dependency.options)
                    if (o.value == equals.toString())
                        return true;
                return fail(QStringLiteral("'relevant.equals' is '%1', not an option of '%2'")
                                .arg(equals.toString(), dependency.id));
            }
            break;
        case QuestionType::GpsPoint:
        case QuestionType::Photos:
            return fail(QStringLiteral("'relevant' cannot depend on %1 question '%2'")
                            .arg(name, dependency.id));
        }
        return fail(QStringLiteral("'relevant.equals' is %1, which a %2 answer of '%3' never is")
                        .arg(jsonTypeName(equals), name, dependency.id));
    }

    QString *m_error;
    QString m_templateId;
    QString m_sectionId;
    QString m_questionId;
    QSet<QString> m_questionIds; // across all sections: answers are one flat object
};

} // namespace

const Question *FormTemplate::question(const QString &id) const
{
    for (const Section &section : sections)
        for (const Question &q : section.questions)
            if (q.id == id)
                return &q;
    return nullptr;
}

QList<const Question *> FormTemplate::allQuestions() const
{
    QList<const Question *> out;
    for (const Section &section : sections)
        for (const Question &q : section.questions)
            out << &q;
    return out;
}

std::optional<FormTemplate> FormTemplate::fromJson(const QJsonObject &json, QString *error)
{
    return TemplateParser(error).parse(json);
}

QString questionTypeName(QuestionType type)
{
    for (const auto &[t, name] : typeNames())
        if (t == type)
            return name;
    return QString();
}
