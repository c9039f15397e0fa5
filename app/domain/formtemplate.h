#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLocale>
#include <QString>
#include <optional>

// A checklist template as versioned data: app/data/templates/*.json, one dynamic QML form
// renders any of them. A record keeps the template id and version it was filled with.

struct LocalizedText {
    QString zh;
    QString en;
    QString text(const QString &language) const
    {
        return language.startsWith(QLatin1String("en")) && !en.isEmpty() ? en : zh;
    }
    // In the app's language (QLocale's default).
    QString text() const { return text(QLocale().name()); }
};

struct ChoiceOption {
    QString value;
    LocalizedText label;
};

enum class QuestionType { YesNo, Number, SingleChoice, MultiChoice, Text, GpsPoint, Photos };

// Shown only when another question's answer equals a value (bool, number or option string).
struct Relevance {
    QString questionId;
    QJsonValue equals;
};

// An answer that fails the checklist's standard and raises a problem in the rectification
// ledger by itself when the record is submitted (the template marks which; forms stay data).
struct ProblemRule {
    QJsonValue when; // yesno: the failing bool; single: the failing option value
    int severity = 1; // 1 一般, 2 较重, 3 严重
    LocalizedText text; // the problem's description
};

struct Question {
    QString id;
    QuestionType type = QuestionType::Text;
    LocalizedText label;
    LocalizedText hint;
    bool required = false;
    std::optional<Relevance> relevant;
    // Number
    LocalizedText unit;
    std::optional<double> min;
    std::optional<double> max;
    bool integer = false;
    // Single / multi choice
    QList<ChoiceOption> options;
    // Text
    bool multiline = false;
    int maxLength = 0; // 0: no limit
    // Photos: min/max count (max 0: no limit)
    int minPhotos = 0;
    int maxPhotos = 0;
    // Yes/no and single choice: the answer that raises a problem
    std::optional<ProblemRule> problem;

    bool failsStandard(const QJsonValue &answer) const
    {
        return problem && !answer.isUndefined() && answer == problem->when;
    }

    // A choice's label in the app's language; a value no option has (one a later template
    // version dropped) as it was stored.
    QString optionText(const QString &value) const
    {
        for (const ChoiceOption &o : options) {
            if (o.value == value)
                return o.label.text();
        }
        return value;
    }
};

struct Section {
    QString id;
    LocalizedText title;
    QList<Question> questions;
};

struct FormTemplate {
    QString id;
    int version = 0;
    QString category; // village_visit, sanitation, ecology, project_progress
    LocalizedText title;
    QString source; // where the checklist comes from (domain.md section, seed)
    double gpsAccuracyM = 10; // a GPS point must be at least this accurate, or overridden
    int gpsAveragingFixes = 1;
    QList<Section> sections;

    const Question *question(const QString &id) const;
    QList<const Question *> allQuestions() const;

    // Parses one template; on error returns nullopt and says why in *error.
    static std::optional<FormTemplate> fromJson(const QJsonObject &json, QString *error);
};

QString questionTypeName(
    QuestionType type); // "yesno", "number", "single", "multi", "text", "gps", "photos"
