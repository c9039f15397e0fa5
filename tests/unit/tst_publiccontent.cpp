// What a public copy keeps of a record's answers: only values of exactly the shape their
// question allows (project_progress.cooperation, a bundled template with every question
// type), each type with good and bad values; photos only as the renditions of ticked ones.
#include "domain/formtemplate.h"
#include "publiccontent.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <limits>

namespace {

QJsonObject keptAnswers(const FormTemplate &form, const QByteArray &answers,
                        const QHash<QString, QString> &renditionOf = {})
{
    const QByteArray content = "{\"answers\":" + answers + "}";
    const QJsonDocument kept = QJsonDocument::fromJson(publicContent(content, form, renditionOf));
    return kept.object().value("answers").toObject();
}

} // namespace

class TestPublicContent : public QObject {
    Q_OBJECT

    FormTemplate m_form;

    const Question &question(const char *id)
    {
        const Question *q = m_form.question(QString::fromLatin1(id));
        Q_ASSERT(q);
        return *q;
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(QS_TEMPLATES_DIR "/project_progress.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto form
            = FormTemplate::fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
        QVERIFY2(form, qPrintable(error));
        m_form = *form;
        QCOMPARE(m_form.id, QStringLiteral("project_progress.cooperation"));
    }

    void shapes_data()
    {
        QTest::addColumn<QString>("questionId");
        QTest::addColumn<QByteArray>("value"); // JSON
        QTest::addColumn<bool>("kept");
        // yesno
        QTest::newRow("yesno true") << "on_schedule" << QByteArray("true") << true;
        QTest::newRow("yesno false") << "on_schedule" << QByteArray("false") << true;
        QTest::newRow("yesno \"true\"") << "on_schedule" << QByteArray("\"true\"") << false;
        QTest::newRow("yesno 1") << "on_schedule" << QByteArray("1") << false;
        QTest::newRow("yesno null") << "on_schedule" << QByteArray("null") << false;
        QTest::newRow("yesno [true]") << "on_schedule" << QByteArray("[true]") << false;
        // number in [0, 100], not necessarily whole
        QTest::newRow("number 3") << "percent_done" << QByteArray("3") << true;
        QTest::newRow("number 0") << "percent_done" << QByteArray("0") << true;
        QTest::newRow("number 100") << "percent_done" << QByteArray("100") << true;
        QTest::newRow("number 37.5") << "percent_done" << QByteArray("37.5") << true;
        QTest::newRow("number \"3\"") << "percent_done" << QByteArray("\"3\"") << false;
        QTest::newRow("number 9999") << "percent_done" << QByteArray("9999") << false;
        QTest::newRow("number -1") << "percent_done" << QByteArray("-1") << false;
        QTest::newRow("number 1e400") << "percent_done" << QByteArray("1e400") << false;
        QTest::newRow("number true") << "percent_done" << QByteArray("true") << false;
        QTest::newRow("number {}")
            << "percent_done" << QByteArray("{\"value\":3,\"who\":\"王建国\"}") << false;
        // integer in [2013, 2035]
        QTest::newRow("integer 2024") << "plan_year" << QByteArray("2024") << true;
        QTest::newRow("integer 2024.5") << "plan_year" << QByteArray("2024.5") << false;
        QTest::newRow("integer 2012") << "plan_year" << QByteArray("2012") << false;
        // single: an option value, not its label
        QTest::newRow("single key") << "method" << QByteArray("\"onsite\"") << true;
        QTest::newRow("single label")
            << "method" << QStringLiteral("\"现场核查\"").toUtf8() << false;
        QTest::newRow("single unknown") << "method" << QByteArray("\"13800000000\"") << false;
        QTest::newRow("single array") << "method" << QByteArray("[\"onsite\"]") << false;
        QTest::newRow("single number") << "partner_district" << QByteArray("110105") << false;
        QTest::newRow("single code") << "partner_district" << QByteArray("\"110105\"") << true;
        // multi: distinct option values
        QTest::newRow("multi keys")
            << "funding" << QByteArray("[\"cooperation\",\"other\"]") << true;
        QTest::newRow("multi duplicate")
            << "funding" << QByteArray("[\"cooperation\",\"cooperation\"]") << false;
        QTest::newRow("multi label")
            << "funding" << QStringLiteral("[\"移民扶持资金\"]").toUtf8() << false;
        QTest::newRow("multi one unknown")
            << "funding" << QByteArray("[\"cooperation\",\"王建国\"]") << false;
        QTest::newRow("multi not strings") << "funding" << QByteArray("[1,2]") << false;
        QTest::newRow("multi empty") << "funding" << QByteArray("[]") << false;
        QTest::newRow("multi string") << "funding" << QByteArray("\"cooperation\"") << false;
        // never kept, whatever the value
        QTest::newRow("text") << "responsible_unit"
                              << QStringLiteral("\"王建国 13800000000\"").toUtf8() << false;
        QTest::newRow("text that looks like an option")
            << "project_name" << QByteArray("\"onsite\"") << false;
        QTest::newRow("gps") << "location" << QByteArray("{\"lat\":32.9,\"lon\":111.5}") << false;
        QTest::newRow("unknown question") << "A3_responsible" << QByteArray("true") << false;
    }
    void shapes()
    {
        QFETCH(QString, questionId);
        QFETCH(QByteArray, value);
        QFETCH(bool, kept);
        const QByteArray answers = "{\"" + questionId.toUtf8() + "\":" + value + "}";
        const QJsonObject out = keptAnswers(m_form, answers);
        QCOMPARE(out.contains(questionId), kept);
        if (kept) {
            QCOMPARE(
                QJsonDocument(QJsonArray {out.value(questionId)}).toJson(QJsonDocument::Compact),
                "[" + value + "]");
        } else {
            QVERIFY(out.isEmpty());
        }
    }

    // NaN and infinities cannot be written in JSON; a value that arrives as one is refused.
    void nonFiniteNumbersAreRefused()
    {
        const Question &percent = question("percent_done");
        QVERIFY(hasPublicShape(percent, QJsonValue(50.0)));
        QVERIFY(!hasPublicShape(percent, QJsonValue(std::nan(""))));
        QVERIFY(!hasPublicShape(percent, QJsonValue(std::numeric_limits<double>::infinity())));
    }

    // A photos answer lists the renditions of the ticked photos only, in its order, each
    // once; with none ticked it is dropped. Nothing names an original.
    void photosBecomeTheirRenditions()
    {
        const QString a(64, 'a'), b(64, 'b'), c(64, 'c'), ra(64, '1'), rc(64, '3');
        const QByteArray answers
            = QStringLiteral(R"({"photos":["%1","%2","%3","%1"],"on_schedule":true})")
                  .arg(a, b, c)
                  .toUtf8();
        QJsonObject out = keptAnswers(m_form, answers, {{c, rc}, {a, ra}});
        QCOMPARE(out.value("photos").toArray(), (QJsonArray {ra, rc}));
        QCOMPARE(out.value("on_schedule"), QJsonValue(true));
        const QByteArray whole
            = publicContent("{\"answers\":" + answers + "}", m_form, {{c, rc}, {a, ra}});
        for (const QString &original : {a, b, c})
            QVERIFY(!whole.contains(original.toUtf8()));

        out = keptAnswers(m_form, answers, {});
        QVERIFY(!out.contains("photos"));
        // Photos are a photos question's only: a rendition map does not turn text into one.
        out = keptAnswers(m_form, QStringLiteral(R"({"project_name":"%1"})").arg(a).toUtf8(),
                          {{a, ra}});
        QVERIFY(out.isEmpty());
    }

    // A whole record: what stays is exactly the well-shaped yes/no, number and choice
    // answers; content that is not an object of answers keeps nothing.
    void aWholeRecord()
    {
        const QByteArray answers
            = QStringLiteral(R"({"project_name":"南水北调配套","plan_year":2024,)"
                             R"("partner_district":"110105","funding":["agriculture"],)"
                             R"("method":"joint","percent_done":"80","on_schedule":true,)"
                             R"("quality_ok":"yes","funds_ok":"unknown",)"
                             R"("responsible_unit":"县水利局 王建国",)"
                             R"("location":{"lat":32.9,"lon":111.5}})")
                  .toUtf8();
        const QJsonObject out = keptAnswers(m_form, answers);
        QCOMPARE(QStringList(out.keys()),
                 (QStringList {"funding", "funds_ok", "method", "on_schedule", "partner_district",
                               "plan_year"}));
        QVERIFY(keptAnswers(m_form, "[1,2]").isEmpty());
        QVERIFY(keptAnswers(m_form, "\"on_schedule\"").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPublicContent)
#include "tst_publiccontent.moc"
