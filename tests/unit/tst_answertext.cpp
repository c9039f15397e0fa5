// An answer's text (domain/answertext.h), as the record view, the supervisor's diff and the
// exports write it: each question type, answers the template does not know, both photo styles,
// and the words of either language.
#include "domain/answertext.h"
#include "domain/formtemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

const QString kSha1 = QString(64, QLatin1Char('a'));
const QString kSha2 = QString(64, QLatin1Char('b'));

Question question(QuestionType type)
{
    Question q;
    q.id = QStringLiteral("q");
    q.type = type;
    q.unit = {QStringLiteral("户"), QStringLiteral("households")};
    q.options = {{QStringLiteral("dam"), {QStringLiteral("坝"), QStringLiteral("Dam")}},
                 {QStringLiteral("weir"), {QStringLiteral("堰"), QStringLiteral("Weir")}}};
    return q;
}

AnswerWords chinese()
{
    AnswerWords w;
    w.yes = QStringLiteral("是");
    w.no = QStringLiteral("否");
    w.listSeparator = QStringLiteral("、");
    w.photoCount = [](int n) { return QStringLiteral("%1 张照片").arg(n); };
    w.accuracy = QStringLiteral("±%1 米");
    return w;
}

AnswerWords english()
{
    AnswerWords w;
    w.yes = QStringLiteral("Yes");
    w.no = QStringLiteral("No");
    w.listSeparator = QStringLiteral(", ");
    w.photoCount = [](int n) {
        return n == 1 ? QStringLiteral("1 photo") : QStringLiteral("%1 photos").arg(n);
    };
    w.accuracy = QStringLiteral("±%1 m");
    return w;
}

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

AnswerTextOptions chineseView()
{
    AnswerTextOptions o;
    o.locale = QLocale(QLocale::Chinese, QLocale::China);
    return o;
}

} // namespace

class TestAnswerText : public QObject {
    Q_OBJECT

private slots:
    void eachTypeAsTheRecordViewWritesIt()
    {
        const AnswerWords w = chinese();
        const AnswerTextOptions o = chineseView();
        const Question yesNo = question(QuestionType::YesNo);
        QCOMPARE(answerText(&yesNo, true, w, o), QString("是"));
        QCOMPARE(answerText(&yesNo, false, w, o), QString("否"));
        const Question number = question(QuestionType::Number);
        QCOMPARE(answerText(&number, 1234.5, w, o), QString("1,234.5 户"));
        QCOMPARE(answerText(&number, 40, w, o), QString("40 户"));
        const Question single = question(QuestionType::SingleChoice);
        QCOMPARE(answerText(&single, "weir", w, o), QString("堰"));
        // A value no option has (a later version dropped it) as it was stored.
        QCOMPARE(answerText(&single, "pond", w, o), QString("pond"));
        const Question multi = question(QuestionType::MultiChoice);
        QCOMPARE(answerText(&multi, json(R"(["dam","weir"])"), w, o), QString("坝、堰"));
        const Question text = question(QuestionType::Text);
        QCOMPARE(answerText(&text, "渗漏, \"旧\"", w, o), QString("渗漏, \"旧\""));
        const Question photos = question(QuestionType::Photos);
        QCOMPARE(answerText(&photos, QJsonArray {kSha1, kSha2}, w, o), QString("2 张照片"));
        QCOMPARE(answerText(&photos, QJsonArray {}, w, o), QString("0 张照片"));
    }

    void aPointWithAndWithoutAccuracy()
    {
        const AnswerWords w = chinese();
        const Question gps = question(QuestionType::GpsPoint);
        const QJsonValue exact = json(R"({"lat":32.5,"lon":111.25,"accuracy_m":4.24})");
        QCOMPARE(answerText(&gps, exact, w), QString("32.500000, 111.250000 ±4.2 米"));
        const QJsonValue bare = json(R"({"lat":-32.5,"lon":111.1234567})");
        QCOMPARE(answerText(&gps, bare, w), QString("-32.500000, 111.123457"));

        // An export's cell: no accuracy; a GIS property: the geometry's precision, no space.
        AnswerTextOptions cell;
        cell.gpsAccuracy = false;
        QCOMPARE(answerText(&gps, exact, w, cell), QString("32.500000, 111.250000"));
        AnswerTextOptions gis = cell;
        gis.gpsDecimals = 7;
        gis.coordinateSeparator = QStringLiteral(",");
        QCOMPARE(answerText(&gps, bare, w, gis), QString("-32.5000000,111.1234567"));
    }

    // An answer the template does not know (no question): a point, a string, else JSON.
    void anUnknownQuestionShowsWhatIsStored()
    {
        const AnswerWords w = chinese();
        QCOMPARE(answerText(nullptr, json(R"({"lat":1,"lon":2})"), w),
                 QString("1.000000, 2.000000"));
        QCOMPARE(answerText(nullptr, "旧字段", w), QString("旧字段"));
        QCOMPARE(answerText(nullptr, 41, w), QString("41"));
        QCOMPARE(answerText(nullptr, true, w), QString("true"));
        QCOMPARE(answerText(nullptr, json(R"(["dam",2])"), w), QString(R"(["dam",2])"));
        QCOMPARE(answerText(nullptr, json(R"({"b":1})"), w), QString(R"({"b":1})"));
        // Not answered: nothing, whatever the type.
        const Question yesNo = question(QuestionType::YesNo);
        QCOMPARE(answerText(&yesNo, QJsonValue(QJsonValue::Undefined), w), QString());
        QCOMPARE(answerText(&yesNo, QJsonValue(QJsonValue::Null), w), QString());
    }

    // JSON that is not what the type stores reads as the record view always showed it.
    void valuesOfAnotherShape()
    {
        const AnswerWords w = chinese();
        const Question text = question(QuestionType::Text);
        QCOMPARE(answerText(&text, 12.5, w), QString("12.5"));
        QCOMPARE(answerText(&text, json(R"([1,"二"])"), w), QString(R"([1,"二"])"));
        const Question gps = question(QuestionType::GpsPoint);
        QCOMPARE(answerText(&gps, "未定位", w), QString("未定位"));
        const Question yesNo = question(QuestionType::YesNo);
        QCOMPARE(answerText(&yesNo, "yes", w), QString("否"));
    }

    void photosByCountOrByName()
    {
        const Question photos = question(QuestionType::Photos);
        const QJsonArray shas {kSha2, kSha1};
        AnswerTextOptions names;
        names.photos = AnswerTextOptions::Photos::FileNames;
        names.photoRefs = {kSha1, kSha2};
        names.photoNames = {QStringLiteral("柳林村_r1_1.jpg"), QStringLiteral("柳林村_r1_2.jpg")};
        QCOMPARE(answerText(&photos, shas, chinese(), names),
                 QString("柳林村_r1_2.jpg 柳林村_r1_1.jpg"));
        // A photo the export has no file for is left out, not named by its hash.
        names.photoRefs = {kSha1};
        names.photoNames = {QStringLiteral("柳林村_r1_1.jpg")};
        QCOMPARE(answerText(&photos, shas, chinese(), names), QString("柳林村_r1_1.jpg"));
        QCOMPARE(answerText(&photos, QJsonArray {kSha1}, english()), QString("1 photo"));
        QCOMPARE(answerText(&photos, shas, english()), QString("2 photos"));
    }

    void spreadsheetNumbersAndStoredChoices()
    {
        const AnswerWords w = chinese();
        AnswerTextOptions o;
        o.numbers = AnswerTextOptions::Numbers::Plain;
        const Question number = question(QuestionType::Number);
        QCOMPARE(answerText(&number, 1234.5, w, o), QString("1234.5"));
        QCOMPARE(answerText(&number, 0.1 + 0.2, w, o), QString("0.3"));
        QCOMPARE(answerText(&number, "12", w, o), QString("12"));
        o.choices = AnswerTextOptions::Choices::StoredValues;
        AnswerWords comma = w;
        comma.listSeparator = QStringLiteral(",");
        const Question multi = question(QuestionType::MultiChoice);
        QCOMPARE(answerText(&multi, json(R"(["dam","weir"])"), comma, o), QString("dam,weir"));
        const Question single = question(QuestionType::SingleChoice);
        QCOMPARE(answerText(&single, "weir", comma, o), QString("weir"));
    }

    void englishWords()
    {
        const AnswerWords w = english();
        AnswerTextOptions o;
        o.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        const Question yesNo = question(QuestionType::YesNo);
        QCOMPARE(answerText(&yesNo, true, w, o), QString("Yes"));
        QCOMPARE(answerText(&yesNo, false, w, o), QString("No"));
        const Question multi = question(QuestionType::MultiChoice);
        const Question gps = question(QuestionType::GpsPoint);
        QCOMPARE(answerText(&gps, json(R"({"lat":32.5,"lon":111.25,"accuracy_m":3})"), w, o),
                 QString("32.500000, 111.250000 ±3.0 m"));
        // Labels and units follow the app's language: the default locale's.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(answerText(&multi, json(R"(["dam","weir"])"), w, o), QString("Dam, Weir"));
        const Question number = question(QuestionType::Number);
        QCOMPARE(answerText(&number, 2500, w, o), QString("2,500 households"));
        QLocale::setDefault(before);
    }
};

QTEST_APPLESS_MAIN(TestAnswerText)
#include "tst_answertext.moc"
