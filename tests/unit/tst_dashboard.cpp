// The supervisor's dashboard on a real store: counts by county × category × ISO week and the
// three sanitation indicators from known answers, with exact expected shares.
#include "domain/answerscan.h"
#include "domain/sanitationtargets.h"
#include "storage/dashboardrepository.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Noon, local time, on a day: the dashboard's weeks are local.
qint64 noonOn(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0)).toMSecsSinceEpoch();
}

const QString kXichuan = QStringLiteral("411326105200"); // 淅川县
const QString kYunxi = QStringLiteral("420322100200"); // 郧西县

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

    bool add(const QString &templateId, const QString &village, qint64 at, QJsonObject answers,
             bool draft = false)
    {
        Record r;
        r.id = uuid();
        r.templateId = templateId;
        r.category = templateId.section(QLatin1Char('.'), 0, 0);
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = at;
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = QStringLiteral("device-1");
        RecordRepository records(m_db.connection());
        return draft ? records.saveDraft(r) : records.submit(r, uuid());
    }

    IndicatorTally tally(const DashboardFigures &f, const QString &id)
    {
        for (const IndicatorTally &t : f.indicators)
            if (t.indicatorId == id)
                return t;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.filePath("dashboard.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        const qint64 mon = noonOn(2024, 12, 30); // ISO 2025-W01 (the week of 1 January)
        const qint64 sun = noonOn(2024, 12, 29); // ISO 2024-W52
        const qint64 later = noonOn(2025, 1, 8); // ISO 2025-W02

        // 厕所革命: 5 households in 淅川 (3 with a sanitary toilet), 2 in 郧西 (1 with).
        for (bool has : {true, true, true, false, false})
            QVERIFY(add("sanitation.toilet", kXichuan, mon, {{"A1", has}, {"A4", true}}));
        QVERIFY(add("sanitation.toilet", kYunxi, sun, {{"A1", true}}));
        QVERIFY(add("sanitation.toilet", kYunxi, sun, {{"A1", false}}));
        // A draft is no inspection yet, and content that is no JSON counts nowhere.
        QVERIFY(add("sanitation.toilet", kXichuan, mon, {{"A1", true}}, true));
        Record broken;
        broken.id = uuid();
        broken.templateId = "sanitation.toilet";
        broken.category = "sanitation";
        broken.villageCode = kXichuan;
        broken.createdAtMs = broken.updatedAtMs = later;
        broken.content = "{not json";
        QVERIFY(RecordRepository(m_db.connection()).submit(broken, uuid()));

        // 黑臭水体 in 淅川: 4 water bodies (1 treated), 2 villages with none.
        QVERIFY(add("sanitation.sewage", kXichuan, later, {{"B3", true}, {"B5", "treated"}}));
        for (int i = 0; i < 3; ++i)
            QVERIFY(add("sanitation.sewage", kXichuan, later, {{"B3", true}, {"B5", "untreated"}}));
        for (int i = 0; i < 2; ++i)
            QVERIFY(add("sanitation.sewage", kXichuan, later, {{"B3", false}, {"B1", true}}));

        // 坑塘 in 郧西: chief and number, chief only, number only, neither.
        QVERIFY(add("sanitation.pond", kYunxi, later, {{"C5", true}, {"C1_numbered", true}}));
        QVERIFY(add("sanitation.pond", kYunxi, later, {{"C5", true}, {"C1_numbered", false}}));
        QVERIFY(add("sanitation.pond", kYunxi, later, {{"C5", false}, {"C1_numbered", true}}));
        QVERIFY(add("sanitation.pond", kYunxi, later, {{"C5", false}, {"C1_numbered", false}}));

        // Other work counts by week but feeds no indicator.
        QVERIFY(add("ecology.forest", kYunxi, later, {{"A1", true}}));
    }

    void indicatorsCountKnownAnswers()
    {
        const auto f = DashboardRepository(m_db.connection()).figures({});
        QVERIFY(f);
        QCOMPARE(f->indicators.size(), 3);
        const IndicatorTally toilet = tally(*f, "sanitary_toilet");
        QCOMPARE(toilet.numerator, 4);
        QCOMPARE(toilet.denominator, 7); // the draft and the broken record left out
        const IndicatorTally water = tally(*f, "black_water_treated");
        QCOMPARE(water.numerator, 1);
        QCOMPARE(water.denominator, 4);
        const IndicatorTally ponds = tally(*f, "pond_chief_numbered");
        QCOMPARE(ponds.numerator, 1);
        QCOMPARE(ponds.denominator, 4);
    }

    void indicatorsFollowTheFilter()
    {
        RecordFilter filter;
        filter.unitCode = "411326"; // 淅川县
        const auto f = DashboardRepository(m_db.connection()).figures(filter);
        QVERIFY(f);
        QCOMPARE(tally(*f, "sanitary_toilet").numerator, 3);
        QCOMPARE(tally(*f, "sanitary_toilet").denominator, 5);
        QCOMPARE(tally(*f, "black_water_treated").denominator, 4);
        QCOMPARE(tally(*f, "pond_chief_numbered").denominator, 0); // the ponds are in 郧西

        RecordFilter before;
        before.toMs = noonOn(2025, 1, 1);
        const auto early = DashboardRepository(m_db.connection()).figures(before);
        QVERIFY(early);
        QCOMPARE(tally(*early, "sanitary_toilet").denominator, 7);
        QCOMPARE(tally(*early, "black_water_treated").denominator, 0);
    }

    void countsByCountyCategoryAndIsoWeek()
    {
        const auto f = DashboardRepository(m_db.connection()).figures({});
        QVERIFY(f);
        auto countOf = [&](const QString &unit, const QString &category, int year, int week) {
            for (const WeeklyCount &c : f->counts)
                if (c.unitCode == unit && c.category == category && c.isoYear == year
                    && c.isoWeek == week)
                    return c.count;
            return -1;
        };
        // 30 December 2024 is in ISO week 1 of 2025; the Sunday before ends 2024-W52.
        QCOMPARE(countOf("411326", "sanitation", 2025, 1), 5);
        QCOMPARE(countOf("420322", "sanitation", 2024, 52), 2);
        QCOMPARE(countOf("411326", "sanitation", 2025, 2), 7); // 6 sewage + the broken one
        QCOMPARE(countOf("420322", "sanitation", 2025, 2), 4);
        QCOMPARE(countOf("420322", "ecology", 2025, 2), 1);
        QCOMPARE(f->counts.size(), 5);
        int total = 0;
        for (const WeeklyCount &c : f->counts)
            total += c.count;
        QCOMPARE(total, RecordRepository(m_db.connection()).count({}) - 1); // not the draft
    }

    void emptySelectionGivesZeroes()
    {
        RecordFilter nothing;
        nothing.villageCode = "000000000000";
        const auto f = DashboardRepository(m_db.connection()).figures(nothing);
        QVERIFY(f);
        QVERIFY(f->counts.isEmpty());
        for (const IndicatorTally &t : f->indicators) {
            QCOMPARE(t.numerator, 0);
            QCOMPARE(t.denominator, 0);
        }
    }

    void answerScanAgreesWithQJsonDocument()
    {
        // Keys inside text, nested objects, escapes, spaces as an indenting writer leaves them.
        const QByteArray content
            = " { \"answers\" : {\n"
              "  \"note\": \"\\\"A1\\\":true, {\\\"B5\\\": \\\"treated\\\"} \\\\\",\n"
              "  \"location\": {\"lat\": 33.1, \"lon\": 111.5, \"A1\": true},\n"
              "  \"A2_photos\": [\"ab\", {\"A1\": true}],\n"
              "  \"A1\" : false, \"B5\": \"treated\", \"n\": -1.5e3, \"x\": null },\n"
              "  \"meta\": {\"answers\": {\"A1\": true}} } ";
        QVERIFY(!QJsonDocument::fromJson(content).isNull()); // it is valid JSON
        QHash<QString, QByteArray> seen;
        QVERIFY(scanAnswers(content, [&](QByteArrayView id, QByteArrayView v) {
            seen.insert(QString::fromUtf8(id.toByteArray()), v.toByteArray());
        }));
        const QJsonObject answers = QJsonDocument::fromJson(content)["answers"].toObject();
        QCOMPARE(seen.size(), answers.size());
        QCOMPARE(seen.value("A1"), QByteArray("false"));
        QCOMPARE(seen.value("B5"), QByteArray("\"treated\""));
        QCOMPARE(seen.value("n"), QByteArray("-1.5e3"));
        for (const QByteArray &bad :
             {QByteArray("{not json"), QByteArray("{\"answers\": {\"A1\": tru}}"),
              QByteArray("{\"answers\": {\"A1\": true}"),
              QByteArray("{\"answers\": {\"A1\" true}}"),
              QByteArray("{\"answers\": {\"A1\": \"open}}"), QByteArray("{\"answers\": {}} x")})
            QVERIFY2(!scanAnswers(bad, [](QByteArrayView, QByteArrayView) {}), bad.constData());
    }

    void targetsComeWithTheirSource()
    {
        QString error;
        const auto targets = loadSanitationTargets(&error);
        QVERIFY2(targets, qPrintable(error));
        QVERIFY(targets->source.zh.contains("宛政办〔2022〕3号"));
        const SanitationTarget *water = targets->find("black_water_treated");
        QVERIFY(water);
        QCOMPARE(*water->share, 0.40);
        QVERIFY(water->target.zh.contains("40%"));
        QCOMPARE(*targets->find("sanitary_toilet")->share, 1.0);
        QVERIFY(!targets->find("pond_chief_numbered")->share); // a count of ponds, no share
        QVERIFY(targets->find("pond_chief_numbered")->target.zh.contains("2万座"));
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
