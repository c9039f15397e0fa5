// Checklist templates: the bundled ones are complete and bilingual, and the parser refuses
// every defect a template author can make.
#include "domain/category.h"
#include "domain/formtemplate.h"
#include "domain/templatecatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A small, valid template: the defect rows each break one thing in a copy of it.
const char kQuestions[] = R"([
  {"id": "found", "type": "yesno", "label": {"zh": "发现", "en": "Found"}, "required": true},
  {"id": "kind", "type": "single", "label": {"zh": "类型", "en": "Kind"},
   "options": [{"value": "a", "label": {"zh": "甲", "en": "A"}},
               {"value": "b", "label": {"zh": "乙", "en": "B"}}],
   "relevant": {"question": "found", "equals": true}},
  {"id": "count", "type": "number", "label": {"zh": "数量", "en": "Count"},
   "unit": {"zh": "处", "en": "sites"}, "min": 0, "max": 10, "integer": true},
  {"id": "where", "type": "gps", "label": {"zh": "位置", "en": "Location"}},
  {"id": "pics", "type": "photos", "label": {"zh": "照片", "en": "Photos"}, "min": 1, "max": 4}
])";

QByteArray templateJson(const QByteArray &questions)
{
    return R"({"id": "test.defects", "version": 1, "category": "sanitation",
               "title": {"zh": "测试", "en": "Test"}, "source": "tst_formtemplate",
               "sections": [{"id": "s1", "title": {"zh": "一", "en": "One"},
                             "questions": )"
        + questions + "}]}";
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in the test itself: %s\n%s", qPrintable(error.errorString()),
                 json.constData());
    return doc.object();
}

// The base template with one question replaced (by index) or one question appended.
QByteArray withQuestion(int index, const QByteArray &question)
{
    QJsonArray questions = QJsonDocument::fromJson(kQuestions).array();
    const QJsonObject q = QJsonDocument::fromJson(question).object();
    if (index < 0)
        questions.append(q);
    else
        questions[index] = q;
    return templateJson(QJsonDocument(questions).toJson(QJsonDocument::Compact));
}

QByteArray withTemplateKey(const QString &key, const QJsonValue &value)
{
    QJsonObject t = parseObject(templateJson(kQuestions));
    if (value.isUndefined())
        t.remove(key);
    else
        t.insert(key, value);
    return QJsonDocument(t).toJson(QJsonDocument::Compact);
}

QStringList missingLanguages(const LocalizedText &text)
{
    QStringList missing;
    if (text.zh.trimmed().isEmpty())
        missing << QStringLiteral("zh");
    if (text.en.trimmed().isEmpty())
        missing << QStringLiteral("en");
    return missing;
}

// A CJK ideograph, CJK punctuation or a full-width form: what English mode must not show.
bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u >= 0x3000 && u <= 0x303f) || (u >= 0x3400 && u <= 0x4dbf)
            || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff)
            || (u >= 0xff00 && u <= 0xffef))
            return true;
    }
    return false;
}

// Every text a template shows, with where it is ("sanitation.pond/C4 label").
QList<std::pair<QString, LocalizedText>> textsOf(const FormTemplate &t)
{
    QList<std::pair<QString, LocalizedText>> out {{t.id + QStringLiteral(" title"), t.title}};
    for (const Section &s : t.sections) {
        out.append({t.id + QLatin1Char('/') + s.id + QStringLiteral(" title"), s.title});
        for (const Question &q : s.questions) {
            const QString where = t.id + QLatin1Char('/') + q.id;
            out.append({where + QStringLiteral(" label"), q.label});
            if (!q.hint.zh.isEmpty() || !q.hint.en.isEmpty())
                out.append({where + QStringLiteral(" hint"), q.hint});
            if (!q.unit.zh.isEmpty() || !q.unit.en.isEmpty())
                out.append({where + QStringLiteral(" unit"), q.unit});
            for (const ChoiceOption &o : q.options)
                out.append({where + QStringLiteral(" option ") + o.value, o.label});
        }
    }
    return out;
}

// The newest version of each checklist: a template changes only under a new version.
const QHash<QString, int> kExpectedVersions = {
    {"sanitation.appearance", 2}, // 2: English section titles without Chinese glosses
    {"sanitation.pond", 3}, // 2: English labels without glosses; 3: answers raise problems
    {"sanitation.sewage", 2}, // 2: answers that fail the standard raise problems
    {"sanitation.toilet", 2}, // 2: answers that fail the standard raise problems
};

const QStringList kExpectedIds = {
    "ecology.buffer",
    "ecology.fish_release",
    "ecology.forest",
    "ecology.soil_water",
    "project_progress.cooperation",
    "sanitation.appearance",
    "sanitation.pond",
    "sanitation.refuse",
    "sanitation.sewage",
    "sanitation.toilet",
    "village_visit.pairing",
};

} // namespace

class TestFormTemplate : public QObject {
    Q_OBJECT

    QList<FormTemplate> m_bundled; // every bundled file, superseded versions too
    QList<FormTemplate> m_current; // the newest version of each checklist

    // The newest bundled version of a checklist: what a new record is filled with.
    const FormTemplate *bundled(const QString &id) const
    {
        for (const FormTemplate &t : m_current)
            if (t.id == id)
                return &t;
        return nullptr;
    }

    static QStringList optionValues(const Question *q)
    {
        QStringList values;
        for (const ChoiceOption &o : q->options)
            values << o.value;
        return values;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_bundled = loadBundledTemplates(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<QString, int> newest;
        for (const FormTemplate &t : std::as_const(m_bundled))
            newest[t.id] = qMax(newest.value(t.id), t.version);
        for (const FormTemplate &t : std::as_const(m_bundled))
            if (t.version == newest.value(t.id))
                m_current << t;
    }

    void everyBundledTemplateParses()
    {
        QStringList ids;
        for (const FormTemplate &t : std::as_const(m_current))
            ids << t.id;
        ids.sort();
        QCOMPARE(ids, kExpectedIds);
        QString error;
        QCOMPARE(bundledTemplateDefinitions(&error).size(), m_bundled.size());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A changed checklist is a new version in <name>.json; the versions it replaced stay
    // bundled, byte for byte, as <name>.v<N>.json, so that a record keeps the version it was
    // filled with on any device and any server (one that holds the old version refuses a
    // changed definition under its number).
    void supersededVersionsStayBundled()
    {
        const QDir dir(QStringLiteral(":/qingshui/templates"));
        QHash<QString, QPair<QString, int>> newestFile; // id → file, version
        QList<std::tuple<QString, QString, int>> superseded; // file, id, version
        const QRegularExpression versioned(QStringLiteral("^(.+)\\.v(\\d+)\\.json$"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QString error;
            const auto t
                = FormTemplate::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
            QVERIFY2(t, qPrintable(name + ": " + error));
            const QRegularExpressionMatch m = versioned.match(name);
            if (m.hasMatch()) {
                QCOMPARE(t->version, m.captured(2).toInt()); // named by its version
                superseded.append({m.captured(1) + QStringLiteral(".json"), t->id, t->version});
            } else {
                QVERIFY2(!newestFile.contains(t->id), qPrintable(name));
                newestFile.insert(t->id, {name, t->version});
            }
        }
        QCOMPARE(newestFile.size(), kExpectedIds.size());
        for (auto it = newestFile.cbegin(); it != newestFile.cend(); ++it)
            QCOMPARE(it.value().second, kExpectedVersions.value(it.key(), 1));
        QCOMPARE(superseded.size(), 5); // appearance v1, pond v1 and v2, sewage v1, toilet v1
        for (const auto &[file, id, version] : std::as_const(superseded)) {
            QCOMPARE(newestFile.value(id).first, file); // the newer one under the plain name
            QVERIFY(version < newestFile.value(id).second);
        }
    }

    void bundledTemplatesAreWellFormed()
    {
        QSet<QString> categories;
        for (const Category &c : workCategories())
            categories.insert(c.id);
        QSet<QString> seenIds;
        QSet<QString> usedCategories;
        for (const FormTemplate &t : std::as_const(m_current)) {
            QVERIFY2(!seenIds.contains(t.id), qPrintable(t.id));
            seenIds.insert(t.id);
            QCOMPARE(t.version, kExpectedVersions.value(t.id, 1));
            QVERIFY2(categories.contains(t.category), qPrintable(t.id));
            usedCategories.insert(t.category);
            QVERIFY2(t.id.startsWith(t.category + QLatin1Char('.')), qPrintable(t.id));
            QVERIFY2(t.source.contains(QStringLiteral("domain.md §")), qPrintable(t.id));
            QVERIFY2(t.source.contains(QLatin1String("seed")), qPrintable(t.id));
            QVERIFY(t.gpsAccuracyM > 0);
            QVERIFY(t.gpsAveragingFixes >= 1);

            QSet<QString> questionIds;
            bool hasGps = false;
            for (const Question *q : t.allQuestions()) {
                const QString where = t.id + QLatin1Char('/') + q->id;
                QVERIFY2(!questionIds.contains(q->id), qPrintable(where));
                questionIds.insert(q->id);
                hasGps = hasGps || q->type == QuestionType::GpsPoint;
                if (q->relevant) // the parser's promise: only earlier questions
                    QVERIFY2(questionIds.contains(q->relevant->questionId), qPrintable(where));
                if (q->type == QuestionType::Number)
                    QVERIFY2(q->min && q->max, qPrintable(where + " has no range"));
                if (q->type == QuestionType::Text)
                    QVERIFY2(q->maxLength > 0, qPrintable(where + " has no length limit"));
            }
            QVERIFY2(hasGps, qPrintable(t.id + " never asks where"));
        }
        QCOMPARE(usedCategories, categories); // every category has a checklist
    }

    // Title, section titles, labels, hints, units and options: each in both languages
    // (LocalizedText would show the Chinese in English mode where the English is missing).
    void everyTextHasChineseAndEnglish()
    {
        for (const FormTemplate &t : std::as_const(m_bundled)) {
            for (const auto &[where, text] : textsOf(t))
                QVERIFY2(missingLanguages(text).isEmpty(),
                         qPrintable(where + " v" + QString::number(t.version)));
        }
    }

    // English mode shows no Chinese from a checklist a record is filled with today: English
    // texts carry no Chinese glosses. (A superseded version keeps its texts as they were.)
    void noEnglishTextHasChinese()
    {
        QStringList offending;
        for (const FormTemplate &t : std::as_const(m_current)) {
            for (const auto &[where, text] : textsOf(t)) {
                if (hasChinese(text.en))
                    offending << where + QStringLiteral(": ") + text.en;
            }
        }
        QVERIFY2(offending.isEmpty(), qPrintable(offending.join(QLatin1Char('\n'))));
    }

    // The 16 partner districts offered are exactly Beijing's side of the bundled pairing list.
    void partnerDistrictsMatchTheReferenceData()
    {
        QFile units(QStringLiteral(":/qingshui/reference/units.csv"));
        QVERIFY(units.open(QIODevice::ReadOnly));
        units.readLine();
        QStringList expected; // "code name", in the list's order
        while (!units.atEnd()) {
            const QStringList f = QString::fromUtf8(units.readLine()).trimmed().split(',');
            if (f.size() == 11)
                expected << f.at(9) + QLatin1Char(' ') + f.at(10);
        }
        QCOMPARE(expected.size(), 16);
        int checked = 0;
        for (const FormTemplate &t : std::as_const(m_bundled)) {
            const Question *q = t.question(QStringLiteral("partner_district"));
            if (!q)
                continue;
            QStringList offered;
            for (const ChoiceOption &o : q->options)
                offered << o.value + QLatin1Char(' ') + o.label.zh;
            QVERIFY2(QSet<QString>(offered.begin(), offered.end())
                         == QSet<QString>(expected.begin(), expected.end()),
                     qPrintable(t.id));
            ++checked;
        }
        QVERIFY(checked >= 2);
        QVERIFY(bundled("village_visit.pairing")->question("partner_district")->required);
    }

    void villageVisitFollowsThePairingSeeds()
    {
        const FormTemplate *t = bundled(QStringLiteral("village_visit.pairing"));
        QVERIFY(t);
        QCOMPARE(t->category, QStringLiteral("village_visit"));
        const Question *activity = t->question(QStringLiteral("activity_type"));
        QVERIFY(activity);
        QCOMPARE(activity->type, QuestionType::SingleChoice);
        QStringList labels;
        for (const ChoiceOption &o : activity->options)
            labels << o.label.zh;
        QCOMPARE(
            labels,
            QStringList({"村党组织书记论坛", "远程线上研讨", "互访交流", "联合增殖放流", "其他"}));
        const Question *topics = t->question(QStringLiteral("topics"));
        QVERIFY(topics);
        QCOMPARE(topics->type, QuestionType::MultiChoice);
        labels.clear();
        for (const ChoiceOption &o : topics->options)
            labels << o.label.zh;
        QCOMPARE(labels, QStringList({"党的建设", "环境治理", "产业培育", "人才培养", "招商引资"}));
        const Question *participants = t->question(QStringLiteral("participants"));
        QVERIFY(participants && participants->integer);
        QCOMPARE(participants->unit.zh, QStringLiteral("人"));
        QVERIFY(t->question(QStringLiteral("outcome")));
        QVERIFY(t->question(QStringLiteral("follow_ups")));
        QCOMPARE(t->question(QStringLiteral("photos"))->type, QuestionType::Photos);
    }

    void sanitationChecklistsFollowTheSeeds()
    {
        const FormTemplate *toilet = bundled(QStringLiteral("sanitation.toilet"));
        QVERIFY(toilet);
        for (const char *id : {"A1", "A2", "A3", "A4", "A5", "A6_checked", "A6_sanitary"})
            QVERIFY2(toilet->question(QLatin1String(id)), id);
        QCOMPARE(toilet->question("A6_checked")->unit.zh, QStringLiteral("户"));
        QCOMPARE(toilet->gpsAveragingFixes, 5);

        // The seeds never describe the 内乡模式: B2 must allow "unknown".
        const FormTemplate *sewage = bundled(QStringLiteral("sanitation.sewage"));
        QVERIFY(sewage);
        const Question *b2 = sewage->question(QStringLiteral("B2"));
        QVERIFY(b2);
        QCOMPARE(optionValues(b2), QStringList({"yes", "no", "unknown"}));
        QCOMPARE(sewage->question("B5")->relevant->questionId, QStringLiteral("B3"));
        QCOMPARE(optionValues(sewage->question("B5")), QStringList({"treated", "untreated"}));

        const FormTemplate *pond = bundled(QStringLiteral("sanitation.pond"));
        QVERIFY(pond);
        for (int i = 1; i <= 11; ++i)
            QVERIFY2(pond->question(QStringLiteral("C%1").arg(i)), qPrintable(QString::number(i)));
        QCOMPARE(pond->question("C3")->type, QuestionType::GpsPoint);
        QCOMPARE(pond->question("C3")->required, true); // 坑塘 must carry 定位
        QCOMPARE(optionValues(pond->question("C7")), QStringList({"pond", "weir", "dam", "other"}));

        const FormTemplate *refuse = bundled(QStringLiteral("sanitation.refuse"));
        QVERIFY(refuse);
        for (const char *id : {"D1", "D2", "D3", "D4"})
            QVERIFY2(refuse->question(QLatin1String(id)), id);

        // 六清 E1–E6, 六乱 E7–E12 each with a count and photos shown only when found.
        const FormTemplate *appearance = bundled(QStringLiteral("sanitation.appearance"));
        QVERIFY(appearance);
        for (int i = 1; i <= 14; ++i)
            QVERIFY2(appearance->question(QStringLiteral("E%1").arg(i)),
                     qPrintable(QString::number(i)));
        for (int i = 7; i <= 12; ++i) {
            const QString id = QStringLiteral("E%1").arg(i);
            for (const QString &suffix : {QStringLiteral("_count"), QStringLiteral("_photos")}) {
                const Question *q = appearance->question(id + suffix);
                QVERIFY2(q && q->relevant, qPrintable(id + suffix));
                QCOMPARE(q->relevant->questionId, id);
                QCOMPARE(q->relevant->equals, QJsonValue(true));
            }
        }
    }

    void ecologyAndProjectUnits()
    {
        const FormTemplate *fish = bundled(QStringLiteral("ecology.fish_release"));
        QVERIFY(fish);
        QCOMPARE(fish->question("count")->unit.zh, QStringLiteral("尾"));
        QCOMPARE(fish->question("species")->type, QuestionType::Text); // species: a seed gap
        QCOMPARE(fish->question("site")->type, QuestionType::GpsPoint);
        const FormTemplate *forest = bundled(QStringLiteral("ecology.forest"));
        QVERIFY(forest);
        QCOMPARE(forest->question("count")->unit.zh, QStringLiteral("株"));
        QCOMPARE(forest->question("area")->unit.zh, QStringLiteral("亩"));
        const FormTemplate *buffer = bundled(QStringLiteral("ecology.buffer"));
        QVERIFY(buffer);
        QCOMPARE(buffer->question("length")->unit.zh, QStringLiteral("米"));
        QCOMPARE(buffer->question("area")->unit.zh, QStringLiteral("亩"));
        QVERIFY(bundled(QStringLiteral("ecology.soil_water")));
        const FormTemplate *project = bundled(QStringLiteral("project_progress.cooperation"));
        QVERIFY(project);
        const Question *done = project->question(QStringLiteral("percent_done"));
        QVERIFY(done);
        QCOMPARE(*done->min, 0.0);
        QCOMPARE(*done->max, 100.0);
        QVERIFY(project->question("project_name")->required);
        QCOMPARE(project->question("funding")->type, QuestionType::MultiChoice);
        QVERIFY(project->question("problems"));
        QVERIFY(project->question("photos"));
    }

    void parsesEveryField()
    {
        const QByteArray json = R"({"id": "t.full", "version": 3, "category": "ecology",
          "title": {"zh": "全", "en": "Full"}, "source": "here",
          "gps_accuracy_m": 25.5, "gps_averaging_fixes": 4,
          "sections": [
            {"id": "a", "title": {"zh": "甲"}, "questions": [
              {"id": "yn", "type": "yesno", "label": {"zh": "是否"},
               "hint": {"zh": "提示", "en": "Hint"}, "required": true},
              {"id": "n", "type": "number", "label": {"zh": "数"}, "unit": {"zh": "亩", "en": "mu"},
               "min": -1.5, "max": 7, "integer": true,
               "relevant": {"question": "yn", "equals": false}}]},
            {"id": "b", "title": {"zh": "乙"}, "questions": [
              {"id": "one", "type": "single", "label": {"zh": "单"},
               "options": [{"value": "x", "label": {"zh": "叉", "en": "X"}}],
               "relevant": {"question": "n", "equals": 3}},
              {"id": "many", "type": "multi", "label": {"zh": "多"},
               "options": [{"value": "p", "label": {"zh": "皮"}}, {"value": "q", "label": {"zh": "丘"}}]},
              {"id": "txt", "type": "text", "label": {"zh": "文"}, "multiline": true, "max_length": 500,
               "relevant": {"question": "many", "equals": "q"}},
              {"id": "g", "type": "gps", "label": {"zh": "位"}, "required": true},
              {"id": "ph", "type": "photos", "label": {"zh": "照"}, "min": 1, "max": 4}]}]})";
        QString error;
        const auto t = FormTemplate::fromJson(parseObject(json), &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->id, QStringLiteral("t.full"));
        QCOMPARE(t->version, 3);
        QCOMPARE(t->category, QStringLiteral("ecology"));
        QCOMPARE(t->title.en, QStringLiteral("Full"));
        QCOMPARE(t->source, QStringLiteral("here"));
        QCOMPARE(t->gpsAccuracyM, 25.5);
        QCOMPARE(t->gpsAveragingFixes, 4);
        QCOMPARE(t->sections.size(), 2);
        QCOMPARE(t->sections.at(1).title.zh, QStringLiteral("乙"));

        QList<QuestionType> types;
        QStringList ids;
        for (const Question *q : t->allQuestions()) {
            types << q->type;
            ids << q->id;
        }
        QCOMPARE(ids, QStringList({"yn", "n", "one", "many", "txt", "g", "ph"}));
        QCOMPARE(types,
                 QList<QuestionType>({QuestionType::YesNo, QuestionType::Number,
                                      QuestionType::SingleChoice, QuestionType::MultiChoice,
                                      QuestionType::Text, QuestionType::GpsPoint,
                                      QuestionType::Photos}));

        const Question *yn = t->question(QStringLiteral("yn"));
        QVERIFY(yn->required);
        QCOMPARE(yn->hint.en, QStringLiteral("Hint"));
        QVERIFY(!yn->relevant);
        const Question *n = t->question(QStringLiteral("n"));
        QVERIFY(!n->required);
        QCOMPARE(*n->min, -1.5);
        QCOMPARE(*n->max, 7.0);
        QVERIFY(n->integer);
        QCOMPARE(n->unit.en, QStringLiteral("mu"));
        QCOMPARE(n->relevant->questionId, QStringLiteral("yn"));
        QCOMPARE(n->relevant->equals, QJsonValue(false));
        QCOMPARE(t->question("one")->options.size(), 1);
        QCOMPARE(t->question("one")->options.first().label.en, QStringLiteral("X"));
        QCOMPARE(t->question("one")->relevant->equals, QJsonValue(3));
        QCOMPARE(t->question("many")->options.size(), 2);
        QVERIFY(t->question("txt")->multiline);
        QCOMPARE(t->question("txt")->maxLength, 500);
        QCOMPARE(t->question("ph")->minPhotos, 1);
        QCOMPARE(t->question("ph")->maxPhotos, 4);
        QVERIFY(!t->question("nope"));
        // question() hands out the template's own question, not a copy
        QCOMPARE(t->question("g"), t->allQuestions().at(5));
    }

    void gpsSettingsDefault()
    {
        QString error;
        const auto t = FormTemplate::fromJson(parseObject(templateJson(kQuestions)), &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->gpsAccuracyM, 10.0);
        QCOMPARE(t->gpsAveragingFixes, 1);
        QCOMPARE(t->allQuestions().size(), 5);
    }

    void typeNames()
    {
        QCOMPARE(questionTypeName(QuestionType::YesNo), QStringLiteral("yesno"));
        QCOMPARE(questionTypeName(QuestionType::Number), QStringLiteral("number"));
        QCOMPARE(questionTypeName(QuestionType::SingleChoice), QStringLiteral("single"));
        QCOMPARE(questionTypeName(QuestionType::MultiChoice), QStringLiteral("multi"));
        QCOMPARE(questionTypeName(QuestionType::Text), QStringLiteral("text"));
        QCOMPARE(questionTypeName(QuestionType::GpsPoint), QStringLiteral("gps"));
        QCOMPARE(questionTypeName(QuestionType::Photos), QStringLiteral("photos"));
    }

    void rejectsDefects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("mentions"); // besides the template id

        QTest::newRow("unknown type")
            << withQuestion(0, R"({"id": "found", "type": "boolean", "label": {"zh": "发现"}})")
            << QStringList {"'found'", "unknown question type 'boolean'"};
        QTest::newRow("missing type")
            << withQuestion(0, R"({"id": "found", "label": {"zh": "发现"}})")
            << QStringList {"'found'", "'type'"};
        QTest::newRow("duplicate id in a section")
            << withQuestion(-1, R"({"id": "count", "type": "text", "label": {"zh": "重"}})")
            << QStringList {"'count'", "duplicate question id"};
        QTest::newRow("duplicate id across sections")
            << QByteArray(R"({"id": "test.defects", "version": 1, "category": "sanitation",
                 "title": {"zh": "测试"}, "source": "x", "sections": [
                 {"id": "s1", "title": {"zh": "一"}, "questions": [
                   {"id": "dup", "type": "yesno", "label": {"zh": "一"}}]},
                 {"id": "s2", "title": {"zh": "二"}, "questions": [
                   {"id": "dup", "type": "text", "label": {"zh": "二"}}]}]})")
            << QStringList {"section 's2'", "'dup'", "duplicate question id"};
        QTest::newRow("relevant names a missing question")
            << withQuestion(1, R"({"id": "kind", "type": "yesno", "label": {"zh": "类型"},
                                   "relevant": {"question": "ghost", "equals": true}})")
            << QStringList {"'kind'", "unknown question 'ghost'"};
        QTest::newRow("relevant names a later question")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "relevant": {"question": "count", "equals": 3}})")
            << QStringList {"'found'", "'count'", "comes later"};
        QTest::newRow("relevant names itself")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "relevant": {"question": "found", "equals": true}})")
            << QStringList {"'found'", "itself"};
        QTest::newRow("relevant equals of the wrong type")
            << withQuestion(1, R"({"id": "kind", "type": "yesno", "label": {"zh": "类型"},
                                   "relevant": {"question": "found", "equals": "yes"}})")
            << QStringList {"'kind'", "equals"};
        QTest::newRow("relevant equals an unknown option")
            << withQuestion(2, R"({"id": "count", "type": "number", "label": {"zh": "数"},
                                   "relevant": {"question": "kind", "equals": "c"}})")
            << QStringList {"'count'", "'c'", "not an option"};
        QTest::newRow("relevant on a gps question")
            << withQuestion(-1, R"({"id": "late", "type": "yesno", "label": {"zh": "晚"},
                                    "relevant": {"question": "where", "equals": true}})")
            << QStringList {"'late'", "gps"};
        QTest::newRow("relevant without equals")
            << withQuestion(1, R"({"id": "kind", "type": "yesno", "label": {"zh": "类型"},
                                   "relevant": {"question": "found"}})")
            << QStringList {"'kind'", "equals"};
        QTest::newRow("number min > max")
            << withQuestion(2, R"({"id": "count", "type": "number", "label": {"zh": "数"},
                                   "min": 10, "max": 1})")
            << QStringList {"'count'", "min 10 is greater than max 1"};
        QTest::newRow("photos min > max")
            << withQuestion(4, R"({"id": "pics", "type": "photos", "label": {"zh": "照片"},
                                   "min": 5, "max": 2})")
            << QStringList {"'pics'", "min 5 photos is greater than max 2"};
        QTest::newRow("negative photo count")
            << withQuestion(4, R"({"id": "pics", "type": "photos", "label": {"zh": "照片"},
                                   "min": -1})")
            << QStringList {"'pics'", "'min'"};
        QTest::newRow("single without options")
            << withQuestion(1, R"({"id": "kind", "type": "single", "label": {"zh": "类型"}})")
            << QStringList {"'kind'", "options"};
        QTest::newRow("multi with empty options")
            << withQuestion(1, R"({"id": "kind", "type": "multi", "label": {"zh": "类型"},
                                   "options": []})")
            << QStringList {"'kind'", "options"};
        QTest::newRow("duplicate option value")
            << withQuestion(1, R"({"id": "kind", "type": "single", "label": {"zh": "类型"},
                 "options": [{"value": "a", "label": {"zh": "甲"}},
                             {"value": "a", "label": {"zh": "乙"}}]})")
            << QStringList {"'kind'", "duplicate option value 'a'"};
        QTest::newRow("option without zh label")
            << withQuestion(1, R"({"id": "kind", "type": "single", "label": {"zh": "类型"},
                 "options": [{"value": "a", "label": {"en": "A"}}]})")
            << QStringList {"'kind'", "option 'a'", "zh"};
        QTest::newRow("question label without zh")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"en": "Found"}})")
            << QStringList {"'found'", "'label'", "zh"};
        QTest::newRow("question label zh empty") << withQuestion(
            0, R"({"id": "found", "type": "yesno", "label": {"zh": " ", "en": "F"}})")
                                                 << QStringList {"'found'", "zh"};
        QTest::newRow("question without label")
            << withQuestion(0, R"({"id": "found", "type": "yesno"})")
            << QStringList {"'found'", "'label'"};
        QTest::newRow("label as a plain string")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": "发现"})")
            << QStringList {"'found'", "'label'"};
        QTest::newRow("hint without zh")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "hint": {"en": "Look"}})")
            << QStringList {"'found'", "'hint'", "zh"};
        QTest::newRow("unit without zh")
            << withQuestion(2, R"({"id": "count", "type": "number", "label": {"zh": "数"},
                                   "unit": {"en": "m"}})")
            << QStringList {"'count'", "'unit'", "zh"};
        QTest::newRow("section title without zh")
            << QByteArray(R"({"id": "test.defects", "version": 1, "category": "sanitation",
                 "title": {"zh": "测试"}, "source": "x", "sections": [
                 {"id": "s1", "title": {"en": "One"}, "questions": [
                   {"id": "a", "type": "yesno", "label": {"zh": "一"}}]}]})")
            << QStringList {"section 's1'", "'title'", "zh"};
        QTest::newRow("template title without zh")
            << withTemplateKey("title", QJsonObject {{"en", "Test"}})
            << QStringList {"'title'", "zh"};
        QTest::newRow("misspelt key")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "requried": true})")
            << QStringList {"'found'", "unknown key 'requried'"};
        QTest::newRow("key of another type")
            << withQuestion(3, R"({"id": "where", "type": "gps", "label": {"zh": "位置"},
                                   "options": []})")
            << QStringList {"'where'", "unknown key 'options'"};
        QTest::newRow("required not a boolean")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "required": "yes"})")
            << QStringList {"'found'", "'required'"};
        QTest::newRow("question id with a space")
            << withQuestion(0, R"({"id": "fo und", "type": "yesno", "label": {"zh": "发现"}})")
            << QStringList {"'fo und'", "question id"};
        QTest::newRow("question id ending in a newline")
            << withQuestion(0, R"({"id": "found\n", "type": "yesno", "label": {"zh": "发现"}})")
            << QStringList {"question id"};
        QTest::newRow("negative max_length")
            << withQuestion(-1, R"({"id": "t", "type": "text", "label": {"zh": "文"},
                                    "max_length": -1})")
            << QStringList {"'t'", "'max_length'"};
        QTest::newRow("unknown category")
            << withTemplateKey("category", "water") << QStringList {"unknown category 'water'"};
        QTest::newRow("version 0") << withTemplateKey("version", 0) << QStringList {"'version'"};
        QTest::newRow("fractional version")
            << withTemplateKey("version", 1.5) << QStringList {"'version'"};
        QTest::newRow("missing version")
            << withTemplateKey("version", QJsonValue::Undefined) << QStringList {"'version'"};
        QTest::newRow("missing source")
            << withTemplateKey("source", QJsonValue::Undefined) << QStringList {"'source'"};
        QTest::newRow("zero gps accuracy")
            << withTemplateKey("gps_accuracy_m", 0) << QStringList {"'gps_accuracy_m'"};
        QTest::newRow("zero averaging fixes")
            << withTemplateKey("gps_averaging_fixes", 0) << QStringList {"'gps_averaging_fixes'"};
        QTest::newRow("no sections")
            << withTemplateKey("sections", QJsonArray()) << QStringList {"'sections'"};
        QTest::newRow("problem rule on a text question")
            << withQuestion(-1, R"({"id": "memo", "type": "text", "label": {"zh": "备注"},
                                    "problem": {"when": "x", "text": {"zh": "问题"}}})")
            << QStringList {"'memo'", "'problem.when'"};
        QTest::newRow("problem rule naming no option")
            << withQuestion(1, R"({"id": "kind", "type": "single", "label": {"zh": "类型"},
                 "options": [{"value": "a", "label": {"zh": "甲"}}],
                 "problem": {"when": "z", "text": {"zh": "问题"}}})")
            << QStringList {"'kind'", "'problem.when'"};
        QTest::newRow("problem rule without text")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                                   "problem": {"when": true}})")
            << QStringList {"'found'", "'problem.text'"};
        QTest::newRow("problem severity out of range")
            << withQuestion(0, R"({"id": "found", "type": "yesno", "label": {"zh": "发现"},
                 "problem": {"when": true, "severity": 4, "text": {"zh": "问题"}}})")
            << QStringList {"'found'", "severity"};
        QTest::newRow("section without questions")
            << withTemplateKey("sections",
                               QJsonArray {QJsonObject {{"id", "empty"},
                                                        {"title", QJsonObject {{"zh", "空"}}},
                                                        {"questions", QJsonArray()}}})
            << QStringList {"section 'empty'", "'questions'"};
    }

    void rejectsDefects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, mentions);
        const QJsonObject object = parseObject(json);
        QVERIFY(!object.isEmpty());
        QString error;
        const auto t = FormTemplate::fromJson(object, &error);
        QVERIFY2(!t, "a defective template parsed");
        QVERIFY2(error.startsWith(QLatin1String("template 'test.defects'")), qPrintable(error));
        for (const QString &m : mentions)
            QVERIFY2(error.contains(m),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(m, error)));
    }

    // An answer a template marks as failing its standard raises a problem (the ledger).
    void problemRulesMarkFailingAnswers()
    {
        QString error;
        const auto t
            = FormTemplate::fromJson(parseObject(withQuestion(0, R"({"id": "found", "type": "yesno",
                "label": {"zh": "发现"}, "problem": {"when": true, "severity": 3,
                "text": {"zh": "发现黑臭水体", "en": "Black water found"}}})")),
                                     &error);
        QVERIFY2(t, qPrintable(error));
        const Question *found = t->question(QStringLiteral("found"));
        QVERIFY(found->problem);
        QCOMPARE(found->problem->severity, 3);
        QCOMPARE(found->problem->text.zh, QStringLiteral("发现黑臭水体"));
        QVERIFY(found->failsStandard(QJsonValue(true)));
        QVERIFY(!found->failsStandard(QJsonValue(false)));
        QVERIFY(!found->failsStandard(QJsonValue()));
        QVERIFY(
            !t->question(QStringLiteral("kind"))->failsStandard(QJsonValue(QStringLiteral("a"))));

        // The bundled toilet checklist marks A1 = no.
        const FormTemplate *toilet = nullptr;
        for (const FormTemplate &c : std::as_const(m_current))
            if (c.id == QLatin1String("sanitation.toilet"))
                toilet = &c;
        QVERIFY(toilet);
        QVERIFY(toilet->question(QStringLiteral("A1"))->failsStandard(QJsonValue(false)));
    }

    void missingTemplateIdIsNamed()
    {
        QString error;
        QVERIFY(!FormTemplate::fromJson(parseObject(withTemplateKey("id", QJsonValue::Undefined)),
                                        &error));
        QVERIFY2(error.contains(QLatin1String("(no id)")) && error.contains(QLatin1String("'id'")),
                 qPrintable(error));
    }

    // The rows above must fail because of their defect, not because the base is broken.
    void baseOfTheDefectRowsParses()
    {
        QString error;
        QVERIFY2(FormTemplate::fromJson(parseObject(templateJson(kQuestions)), &error),
                 qPrintable(error));
        QVERIFY2(FormTemplate::fromJson(parseObject(withQuestion(-1, R"({"id": "late",
                     "type": "yesno", "label": {"zh": "晚"},
                     "relevant": {"question": "kind", "equals": "b"}})")),
                                        &error),
                 qPrintable(error));
    }

    void catalogFailsOnAnyBadFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(loadTemplates(dir.path(), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("no checklist templates")), qPrintable(error));

        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("b.json"), templateJson(kQuestions));
        QJsonObject other = parseObject(templateJson(kQuestions));
        other.insert(QStringLiteral("id"), QStringLiteral("test.other"));
        write(QStringLiteral("a.json"), QJsonDocument(other).toJson());
        write(QStringLiteral("notes.txt"), "not a template");
        error.clear();
        const QList<FormTemplate> loaded = loadTemplates(dir.path(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).id, QStringLiteral("test.other")); // sorted by file name
        QCOMPARE(loaded.at(1).id, QStringLiteral("test.defects"));

        write(QStringLiteral("c.json"), templateJson(kQuestions)); // same id and version as b
        QVERIFY(loadTemplates(dir.path(), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("c.json"))
                     && error.contains(QLatin1String("defined twice")),
                 qPrintable(error));

        write(QStringLiteral("c.json"), "{\"id\": ");
        QVERIFY(loadTemplates(dir.path(), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("c.json"))
                     && error.contains(QLatin1String("invalid JSON")),
                 qPrintable(error));

        write(QStringLiteral("c.json"),
              withQuestion(0, R"({"id": "found", "type": "boolean", "label": {"zh": "发现"}})"));
        QVERIFY(loadTemplates(dir.path(), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("c.json"))
                     && error.contains(QLatin1String("unknown question type")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFormTemplate)
#include "tst_formtemplate.moc"
