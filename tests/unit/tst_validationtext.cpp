// Validation issues worded for the inspector: Chinese by default, English with the English
// translation, each naming the question by its label in that language.
#include "controllers/validationtext.h"
#include "domain/formtemplate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QtTest>

namespace {

const char kTemplate[] = R"({"id": "test.wording", "version": 1, "category": "sanitation",
  "title": {"zh": "措辞", "en": "Wording"}, "source": "tst_validationtext",
  "gps_accuracy_m": 10,
  "sections": [{"id": "main", "title": {"zh": "主要", "en": "Main"}, "questions": [
      {"id": "count", "type": "number", "label": {"zh": "户数", "en": "Households"},
       "unit": {"zh": "户", "en": " households"}, "min": 0, "max": 50, "required": true},
      {"id": "note", "type": "text", "label": {"zh": "备注", "en": "Note"}, "max_length": 5},
      {"id": "location", "type": "gps", "label": {"zh": "检查位置", "en": "Location"}},
      {"id": "photos", "type": "photos", "label": {"zh": "现场照片", "en": "Photos"}, "min": 2}
  ]}]})";

const QRegularExpression kChinese(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));

} // namespace

class TestValidationText : public QObject {
    Q_OBJECT

    FormTemplate m_t;
    QList<ValidationIssue> m_issues;

    QStringList worded() const
    {
        QStringList out;
        for (const ValidationIssue &issue : m_issues)
            out << ValidationText::describe(issue, *m_t.question(issue.questionId));
        return out;
    }

private slots:
    void initTestCase()
    {
        QString error;
        const auto t = FormTemplate::fromJson(QJsonDocument::fromJson(kTemplate).object(), &error);
        QVERIFY2(t, qPrintable(error));
        m_t = *t;
        m_issues = {{"count", "required", {}},
                    {"count", "max", {"50"}},
                    {"note", "too_long", {"5", "7"}},
                    {"location", "gps_accuracy", {"32.4", "10"}},
                    {"location", "gps_accuracy", {}},
                    {"location", "gps_invalid", {}},
                    {"photos", "photos_min", {"2", "1"}},
                    {"photos", "photo_unknown", {}},
                    {"photos", "photo_duplicate", {}},
                    {"count", "type", {}},
                    {"count", "a_code_from_a_newer_build", {}}};
    }

    void chineseNamesTheQuestionAndTheNumbers()
    {
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        const QStringList w = worded();
        QCOMPARE(w.at(0), QStringLiteral("请填写「户数」"));
        QCOMPARE(w.at(1), QStringLiteral("「户数」不能大于 50户"));
        QVERIFY2(w.at(2).contains("备注") && w.at(2).contains("5") && w.at(2).contains("7"),
                 qPrintable(w.at(2)));
        QVERIFY2(w.at(3).contains("检查位置") && w.at(3).contains("32.4") && w.at(3).contains("10"),
                 qPrintable(w.at(3)));
        QVERIFY(w.at(4) != w.at(3));
        for (const QString &text : w)
            QVERIFY2(text.contains(kChinese), qPrintable(text));
    }

    void englishHasNoChinese()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/qingshui_en.qm")));
        QCoreApplication::installTranslator(&english);
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        const QStringList w = worded();
        QCoreApplication::removeTranslator(&english);
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        QVERIFY2(w.at(0).contains(QLatin1String("Households")), qPrintable(w.at(0)));
        QVERIFY2(w.at(1).contains(QLatin1String("50 households")), qPrintable(w.at(1)));
        QVERIFY2(w.at(3).contains(QLatin1String("32.4")), qPrintable(w.at(3)));
        for (const QString &text : w)
            QVERIFY2(!text.contains(kChinese), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestValidationText)
#include "tst_validationtext.moc"
