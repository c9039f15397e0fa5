// Answer validation: required and relevant questions (with chains), numbers, options, text,
// photos and the GPS accuracy gate.
#include "domain/formvalidation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {

// found → kind → other_text is a relevance chain; tags → tag_note depends on a multi answer.
const char kTemplate[] = R"({"id": "test.validation", "version": 1, "category": "sanitation",
  "title": {"zh": "校验", "en": "Validation"}, "source": "tst_formvalidation",
  "gps_accuracy_m": 10,
  "sections": [
    {"id": "main", "title": {"zh": "主要"}, "questions": [
      {"id": "found", "type": "yesno", "label": {"zh": "发现问题"}, "required": true},
      {"id": "kind", "type": "single", "label": {"zh": "问题类型"}, "required": true,
       "options": [{"value": "a", "label": {"zh": "甲"}}, {"value": "b", "label": {"zh": "乙"}},
                   {"value": "other", "label": {"zh": "其他"}}],
       "relevant": {"question": "found", "equals": true}},
      {"id": "other_text", "type": "text", "label": {"zh": "其他说明"}, "required": true,
       "relevant": {"question": "kind", "equals": "other"}},
      {"id": "tags", "type": "multi", "label": {"zh": "标签"},
       "options": [{"value": "x", "label": {"zh": "叉"}}, {"value": "y", "label": {"zh": "歪"}},
                   {"value": "z", "label": {"zh": "贼"}}]},
      {"id": "tag_note", "type": "text", "label": {"zh": "标签说明"}, "required": true,
       "relevant": {"question": "tags", "equals": "z"}},
      {"id": "level", "type": "number", "label": {"zh": "水位"}, "unit": {"zh": "米"},
       "min": 0, "max": 10},
      {"id": "count", "type": "number", "label": {"zh": "户数"}, "unit": {"zh": "户"},
       "min": 0, "max": 50, "integer": true, "required": true},
      {"id": "big", "type": "number", "label": {"zh": "较大"},
       "relevant": {"question": "count", "equals": 7}, "required": true},
      {"id": "note", "type": "text", "label": {"zh": "备注"}, "max_length": 5, "multiline": true}
    ]},
    {"id": "evidence", "title": {"zh": "证据"}, "questions": [
      {"id": "location", "type": "gps", "label": {"zh": "检查位置"}, "required": true},
      {"id": "photos", "type": "photos", "label": {"zh": "现场照片"}, "min": 2, "max": 3,
       "required": true},
      {"id": "extra_photos", "type": "photos", "label": {"zh": "补充照片"}, "min": 1, "max": 2}
    ]}]})";

QString photo(char c)
{
    return QString(64, QLatin1Char(c));
}

QJsonObject goodFix()
{
    return {{"lat", 33.1302},      {"lon", 111.5097},       {"alt", 170.0},
            {"accuracy_m", 4.5},   {"fix_time_ms", 1.7e12}, {"source", "gps"},
            {"fixes_averaged", 5}, {"override_reason", ""}};
}

// Every required, relevant question answered well; nothing extra.
QJsonObject goodAnswers()
{
    return {{"found", false},
            {"count", 12},
            {"location", goodFix()},
            {"photos", QJsonArray {photo('a'), photo('b')}}};
}

using Issue = QPair<QString, QString>; // question id, code

QList<Issue> issuesOf(const QList<ValidationIssue> &issues)
{
    QList<Issue> out;
    for (const ValidationIssue &i : issues)
        out << Issue(i.questionId, i.code);
    return out;
}

} // namespace

class TestFormValidation : public QObject {
    Q_OBJECT

    FormTemplate m_t;

    QList<Issue> check(const QJsonObject &answers) const
    {
        return issuesOf(validateAnswers(m_t, answers));
    }

    // goodAnswers() with one answer set (or removed, for an undefined value).
    QList<Issue> checkWith(const QString &id, const QJsonValue &value,
                           QJsonObject answers = goodAnswers()) const
    {
        if (value.isUndefined())
            answers.remove(id);
        else
            answers.insert(id, value);
        return check(answers);
    }

    bool relevant(const char *id, const QJsonObject &answers) const
    {
        const Question *q = m_t.question(QLatin1String(id));
        if (!q)
            qFatal("no question %s", id);
        return isRelevant(m_t, *q, answers);
    }

private slots:
    void initTestCase()
    {
        QString error;
        const auto t = FormTemplate::fromJson(QJsonDocument::fromJson(kTemplate).object(), &error);
        QVERIFY2(t, qPrintable(error));
        m_t = *t;
    }

    void goodAnswersPass()
    {
        QCOMPARE(check(goodAnswers()), QList<Issue>());
        // and with every optional and conditional question answered too
        QJsonObject all = goodAnswers();
        all.insert("found", true);
        all.insert("kind", "other");
        all.insert("other_text", "新的问题");
        all.insert("tags", QJsonArray {"x", "z"});
        all.insert("tag_note", "说明");
        all.insert("level", 9.75);
        all.insert("count", 7);
        all.insert("big", 1e6);
        all.insert("note", "五个汉字啊");
        all.insert("extra_photos", QJsonArray {photo('c')});
        QCOMPARE(check(all), QList<Issue>());
    }

    void requiredQuestionsMustBeAnswered()
    {
        QCOMPARE(check(QJsonObject()),
                 QList<Issue>({{"found", "required"},
                               {"count", "required"},
                               {"location", "required"},
                               {"photos", "required"}}));
    }

    void emptyAnswersCountAsMissing_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("null yesno") << "found" << QJsonValue(QJsonValue::Null);
        QTest::newRow("missing number") << "count" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("empty gps object") << "location" << QJsonValue(QJsonObject());
        QTest::newRow("no photos") << "photos" << QJsonValue(QJsonArray());
    }

    void emptyAnswersCountAsMissing()
    {
        QFETCH(QString, id);
        QFETCH(QJsonValue, value);
        QCOMPARE(checkWith(id, value), QList<Issue>({{id, "required"}}));
    }

    void blankTextIsMissing()
    {
        QJsonObject answers = goodAnswers();
        answers.insert("found", true);
        answers.insert("kind", "other");
        QCOMPARE(checkWith("other_text", "  \n ", answers),
                 QList<Issue>({{"other_text", "required"}}));
        QCOMPARE(checkWith("other_text", "有内容", answers), QList<Issue>());
    }

    void falseAndZeroAreAnswers()
    {
        QCOMPARE(checkWith("found", false), QList<Issue>());
        QCOMPARE(checkWith("count", 0), QList<Issue>());
    }

    void relevanceFollowsTheAnswer()
    {
        QVERIFY(relevant("found", {}));
        QVERIFY(!relevant("kind", {}));
        QVERIFY(!relevant("kind", {{"found", false}}));
        QVERIFY(relevant("kind", {{"found", true}}));
        QVERIFY(!relevant("kind", {{"found", "true"}})); // a string is not a yes
        QVERIFY(!relevant("big", {{"count", 6}}));
        QVERIFY(relevant("big", {{"count", 7}}));
        QVERIFY(relevant("big", {{"count", 7.0}}));
        QVERIFY(!relevant("big", {{"count", "7"}}));
    }

    void relevanceChains()
    {
        // other_text needs kind == other, and kind itself needs found == yes
        QVERIFY(relevant("other_text", {{"found", true}, {"kind", "other"}}));
        QVERIFY(!relevant("other_text", {{"found", true}, {"kind", "a"}}));
        QVERIFY(!relevant("other_text", {{"found", false}, {"kind", "other"}}));
        QVERIFY(!relevant("other_text", {{"kind", "other"}}));

        // a stale answer further up the chain does not make other_text required
        QJsonObject answers = goodAnswers();
        answers.insert("found", false);
        answers.insert("kind", "other");
        QCOMPARE(check(answers), QList<Issue>());
        answers.insert("found", true);
        QCOMPARE(check(answers), QList<Issue>({{"other_text", "required"}}));
    }

    void multiChoiceRelevanceMeansContains()
    {
        QVERIFY(relevant("tag_note", {{"tags", QJsonArray {"x", "z"}}}));
        QVERIFY(!relevant("tag_note", {{"tags", QJsonArray {"x", "y"}}}));
        QVERIFY(!relevant("tag_note", {{"tags", "z"}}));
        QCOMPARE(checkWith("tags", QJsonArray {"z"}), QList<Issue>({{"tag_note", "required"}}));
    }

    void irrelevantAnswersAreIgnored()
    {
        QJsonObject answers = goodAnswers();
        answers.insert("found", false);
        answers.insert("kind", "not an option");
        answers.insert("other_text", 42);
        answers.insert("tag_note", QJsonArray {1, 2});
        answers.insert("big", "huge");
        answers.insert("unknown_question", true);
        QCOMPARE(check(answers), QList<Issue>());
    }

    void wrongJsonType_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("yesno as string") << "found" << QJsonValue("yes");
        QTest::newRow("yesno as number") << "found" << QJsonValue(1);
        QTest::newRow("number as string") << "count" << QJsonValue("12");
        QTest::newRow("text as number") << "note" << QJsonValue(12);
        QTest::newRow("multi as string") << "tags" << QJsonValue("x");
        QTest::newRow("multi with a number") << "tags" << QJsonValue(QJsonArray {"x", 2});
        QTest::newRow("gps as array") << "location" << QJsonValue(QJsonArray {33.1, 111.5});
        QTest::newRow("photos as string") << "photos" << QJsonValue(photo('a'));
    }

    void wrongJsonType()
    {
        QFETCH(QString, id);
        QFETCH(QJsonValue, value);
        QCOMPARE(checkWith(id, value), QList<Issue>({{id, "type"}}));
    }

    void singleChoiceOnlyItsOptions()
    {
        QJsonObject answers = goodAnswers();
        answers.insert("found", true);
        QCOMPARE(checkWith("kind", "b", answers), QList<Issue>());
        QCOMPARE(checkWith("kind", "c", answers), QList<Issue>({{"kind", "option"}}));
        QCOMPARE(checkWith("kind", 1, answers), QList<Issue>({{"kind", "type"}}));
    }

    void multiChoiceOnlyItsOptions()
    {
        QCOMPARE(checkWith("tags", QJsonArray {"x", "y"}), QList<Issue>());
        QCOMPARE(checkWith("tags", QJsonArray {"x", "w"}), QList<Issue>({{"tags", "option"}}));
        QCOMPARE(checkWith("tags", QJsonArray {"v", "w"}),
                 QList<Issue>({{"tags", "option"}, {"tags", "option"}}));
    }

    void numberRanges_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("value");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("lowest") << "count" << 0.0 << QStringList();
        QTest::newRow("highest") << "count" << 50.0 << QStringList();
        QTest::newRow("below min") << "count" << -1.0 << QStringList {"min"};
        QTest::newRow("above max") << "count" << 51.0 << QStringList {"max"};
        QTest::newRow("fraction") << "count" << 2.5 << QStringList {"integer"};
        QTest::newRow("fraction below min") << "count" << -0.5 << QStringList {"min", "integer"};
        QTest::newRow("fraction allowed") << "level" << 3.3 << QStringList();
        QTest::newRow("fraction at max") << "level" << 10.0 << QStringList();
        QTest::newRow("fraction above max") << "level" << 10.01 << QStringList {"max"};
        QTest::newRow("negative level") << "level" << -0.01 << QStringList {"min"};
    }

    void numberRanges()
    {
        QFETCH(QString, id);
        QFETCH(double, value);
        QFETCH(QStringList, codes);
        QList<Issue> expected;
        for (const QString &code : codes)
            expected << Issue(id, code);
        QCOMPARE(checkWith(id, value), expected);
    }

    void textLengthCountsCharacters()
    {
        QCOMPARE(checkWith("note", "12345"), QList<Issue>());
        QCOMPARE(checkWith("note", "123456"), QList<Issue>({{"note", "too_long"}}));
        QCOMPARE(checkWith("note", "五个汉字啊"), QList<Issue>());
        QCOMPARE(checkWith("note", "六个汉字啊啊"), QList<Issue>({{"note", "too_long"}}));
        // an emoji is two UTF-16 units but one character for the inspector
        QCOMPARE(checkWith("note", QString::fromUtf8("水\xF0\x9F\x8C\x8A\xF0\x9F\x8C\x8A清澈")),
                 QList<Issue>());
    }

    void photoCountsAndReferences_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QJsonArray>("photos");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("two") << "photos" << QJsonArray {photo('a'), photo('1')} << QStringList();
        QTest::newRow("three") << "photos" << QJsonArray {photo('a'), photo('b'), photo('c')}
                               << QStringList();
        QTest::newRow("one, min two")
            << "photos" << QJsonArray {photo('a')} << QStringList {"photos_min"};
        QTest::newRow("four, max three")
            << "photos" << QJsonArray {photo('a'), photo('b'), photo('c'), photo('d')}
            << QStringList {"photos_max"};
        QTest::newRow("uppercase hex")
            << "photos" << QJsonArray {photo('A'), photo('b')} << QStringList {"photo_unknown"};
        QTest::newRow("63 characters") << "photos" << QJsonArray {photo('a').left(63), photo('b')}
                                       << QStringList {"photo_unknown"};
        QTest::newRow("not hex") << "photos" << QJsonArray {photo('g'), photo('b')}
                                 << QStringList {"photo_unknown"};
        QTest::newRow("a file name")
            << "photos" << QJsonArray {"IMG_0001.jpg", photo('b')} << QStringList {"photo_unknown"};
        QTest::newRow("a number") << "photos" << QJsonArray {7, photo('b')}
                                  << QStringList {"photo_unknown"};
        // the same photo twice is one photo: too few as well
        QTest::newRow("repeated") << "photos" << QJsonArray {photo('a'), photo('a')}
                                  << QStringList {"photo_duplicate", "photos_min"};
        QTest::newRow("optional, none") << "extra_photos" << QJsonArray() << QStringList();
        QTest::newRow("optional, too many")
            << "extra_photos" << QJsonArray {photo('a'), photo('b'), photo('c')}
            << QStringList {"photos_max"};
    }

    void photoCountsAndReferences()
    {
        QFETCH(QString, id);
        QFETCH(QJsonArray, photos);
        QFETCH(QStringList, codes);
        QList<Issue> expected;
        for (const QString &code : codes)
            expected << Issue(id, code);
        QCOMPARE(checkWith(id, photos), expected);
    }

    void photoRefFormat()
    {
        QVERIFY(isPhotoRef(photo('0')));
        QVERIFY(isPhotoRef(
            QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
        QVERIFY(!isPhotoRef(QString()));
        QVERIFY(!isPhotoRef(photo('0') + QLatin1Char('0')));
        QVERIFY(!isPhotoRef(photo('0') + QLatin1Char('\n')));
    }

    void gpsGate_data()
    {
        QTest::addColumn<QJsonObject>("fix");
        QTest::addColumn<QString>("code"); // empty: accepted

        auto fix = [](std::initializer_list<QPair<QString, QJsonValue>> changes) {
            QJsonObject f = goodFix();
            for (const auto &[key, value] : changes) {
                if (value.isUndefined())
                    f.remove(key);
                else
                    f.insert(key, value);
            }
            return f;
        };
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("good") << goodFix() << QString();
        QTest::newRow("at the limit") << fix({{"accuracy_m", 10}}) << QString();
        QTest::newRow("poor") << fix({{"accuracy_m", 25}}) << "gps_accuracy";
        QTest::newRow("just over") << fix({{"accuracy_m", 10.1}}) << "gps_accuracy";
        QTest::newRow("poor, overridden")
            << fix({{"accuracy_m", 25}, {"override_reason", "山谷中信号弱"}}) << QString();
        QTest::newRow("poor, blank reason")
            << fix({{"accuracy_m", 25}, {"override_reason", "   "}}) << "gps_accuracy";
        QTest::newRow("poor, no reason key")
            << fix({{"accuracy_m", 25}, {"override_reason", gone}}) << "gps_accuracy";
        QTest::newRow("no accuracy") << fix({{"accuracy_m", gone}}) << "gps_accuracy";
        QTest::newRow("accuracy as text") << fix({{"accuracy_m", "5"}}) << "gps_accuracy";
        QTest::newRow("no accuracy, overridden")
            << fix({{"accuracy_m", gone}, {"override_reason", "接收机不报告精度"}}) << QString();
        QTest::newRow("no latitude") << fix({{"lat", gone}}) << "gps_invalid";
        QTest::newRow("no longitude") << fix({{"lon", gone}}) << "gps_invalid";
        QTest::newRow("latitude as text") << fix({{"lat", "33.13"}}) << "gps_invalid";
        QTest::newRow("latitude 91") << fix({{"lat", 91}}) << "gps_invalid";
        QTest::newRow("longitude -181") << fix({{"lon", -181}}) << "gps_invalid";
        // an override excuses a poor fix, never a position that is not there
        QTest::newRow("invalid, overridden")
            << fix({{"lat", gone}, {"override_reason", "信号弱"}}) << "gps_invalid";
    }

    void gpsGate()
    {
        QFETCH(QJsonObject, fix);
        QFETCH(QString, code);
        QList<Issue> expected;
        if (!code.isEmpty())
            expected << Issue("location", code);
        QCOMPARE(checkWith("location", fix), expected);
    }

    void gpsGateUsesTheTemplateLimit()
    {
        FormTemplate lenient = m_t;
        lenient.gpsAccuracyM = 50;
        QJsonObject answers = goodAnswers();
        QJsonObject fix = goodFix();
        fix.insert("accuracy_m", 25);
        answers.insert("location", fix);
        QCOMPARE(issuesOf(validateAnswers(lenient, answers)), QList<Issue>());
        QCOMPARE(issuesOf(validateAnswers(m_t, answers)),
                 QList<Issue>({{"location", "gps_accuracy"}}));
    }

    // The app words an issue (controllers/validationtext); the issue carries what the
    // wording needs.
    void issuesCarryWhatTheirWordingNeeds()
    {
        QJsonObject answers = goodAnswers();
        answers.remove("count");
        QJsonObject fix = goodFix();
        fix.insert("accuracy_m", 32.4);
        answers.insert("location", fix);
        answers.insert("note", "这段备注太长了");
        const QList<ValidationIssue> issues = validateAnswers(m_t, answers);
        QCOMPARE(issuesOf(issues),
                 QList<Issue>(
                     {{"count", "required"}, {"note", "too_long"}, {"location", "gps_accuracy"}}));
        QCOMPARE(issues.at(0).args, QStringList());
        QCOMPARE(issues.at(1).args, QStringList({"5", "7"}));
        QCOMPARE(issues.at(2).args, QStringList({"32.4", "10"}));
        fix.remove("accuracy_m");
        answers.insert("location", fix);
        QCOMPARE(validateAnswers(m_t, answers).at(2).args, QStringList());
    }

    void numberRangeIssueCarriesTheLimit()
    {
        QJsonObject answers = goodAnswers();
        answers.insert("count", 60);
        const QList<ValidationIssue> issues = validateAnswers(m_t, answers);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().code, QStringLiteral("max"));
        QCOMPARE(issues.first().args, QStringList({"50"}));
    }

    // A template built by hand (not parsed) with a loop must not hang isRelevant.
    void relevanceLoopEnds()
    {
        FormTemplate t;
        t.id = QStringLiteral("loop");
        Section s;
        Question a;
        a.id = QStringLiteral("a");
        a.type = QuestionType::YesNo;
        a.relevant = Relevance {QStringLiteral("b"), true};
        Question b = a;
        b.id = QStringLiteral("b");
        b.relevant = Relevance {QStringLiteral("a"), true};
        s.questions = {a, b};
        t.sections = {s};
        QVERIFY(!isRelevant(t, *t.question("a"), {{"a", true}, {"b", true}}));
    }

    // The bundled templates: the E15 chain and a realistic complete record.
    void bundledAppearanceChecklist()
    {
        QFile f(QStringLiteral(":/qingshui/templates/sanitation_appearance.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto t
            = FormTemplate::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        QVERIFY2(t, qPrintable(error));
        QJsonObject answers;
        for (int i = 1; i <= 13; ++i)
            answers.insert(QStringLiteral("E%1").arg(i), i <= 6);
        answers.insert("E14", "unknown");
        answers.insert("E15_seat", false);
        answers.insert("E15", "bogus"); // not asked: the village is not the township seat
        answers.insert("location", goodFix());
        answers.insert("photos", QJsonArray {photo('a')});
        QCOMPARE(issuesOf(validateAnswers(*t, answers)), QList<Issue>());

        answers.insert("E9", true); // 乱倒 found: its count and photos become required
        answers.insert("E15_seat", true);
        QCOMPARE(
            issuesOf(validateAnswers(*t, answers)),
            QList<Issue>({{"E9_count", "required"}, {"E9_photos", "required"}, {"E15", "option"}}));
    }
};

QTEST_GUILESS_MAIN(TestFormValidation)
#include "tst_formvalidation.moc"
