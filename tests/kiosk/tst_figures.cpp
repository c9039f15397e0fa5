// The kiosk's achievements: the bundled §4 facts and the live counts of public records.
#include "controllers/figurescontroller.h"
#include "publicrecordseed.h"
#include "storage/database.h"
#include "storage/referencedatarepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

namespace {

// The count of the row whose id (a category) or code or name (a unit) is key; -1: none.
int countOf(const QList<CategoryCount> &rows, const char *, const QString &key)
{
    for (const CategoryCount &row : rows) {
        if (row.id == key)
            return row.count;
    }
    return -1;
}

int countOf(const QList<UnitCount> &rows, const char *keyName, const QString &key)
{
    const bool byName = QLatin1String(keyName) == QLatin1String("name");
    for (const UnitCount &row : rows) {
        if ((byName ? row.name : row.code) == key)
            return row.count;
    }
    return -1;
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

QString firstVillage(QSqlDatabase db, const QString &townshipLike)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT code FROM village WHERE township_code LIKE ? ORDER BY code"));
    q.addBindValue(townshipLike);
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

class TestFigures : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_n))));
        QVERIFY(ReferenceDataRepository(m_db->connection()).loadIfEmpty());
    }

    void bundledFactsHaveSourceAndDate()
    {
        QString error = QStringLiteral("unset");
        const QList<AchievementFact> facts = bundledAchievementFacts(&error);
        QCOMPARE(error, QString());
        QStringList ids;
        for (const AchievementFact &f : facts) {
            ids << f.id;
            QVERIFY2(!f.whenZh.isEmpty() && !f.whenEn.isEmpty(), qPrintable(f.id));
            QVERIFY2(!f.sourcesZh.isEmpty(), qPrintable(f.id));
            // Every source is titled in English too, with no Chinese left in it.
            QCOMPARE(f.sourcesEn.size(), f.sourcesZh.size());
            for (const QString &title : f.sourcesEn)
                QVERIFY2(!hasChinese(title), qPrintable(f.id + ": " + title));
            QVERIFY2(!hasChinese(f.labelEn + f.valueEn + f.whenEn), qPrintable(f.id));
        }
        // Every row of domain.md §4, in its order (achievements.json).
        const QStringList expected = {"water_to_beijing",
                                      "beijing_share",
                                      "tianjin_zhengzhou",
                                      "water_quality",
                                      "paired_units",
                                      "source_area",
                                      "village_pairing",
                                      "yunxi_pinggu",
                                      "pinggu_aid",
                                      "liangshuihe_sijiqing",
                                      "fish_release",
                                      "eco_projects",
                                      "cadres_shiyan",
                                      "cadres_all",
                                      "cadres_nanyang",
                                      "experts_shiyan",
                                      "experts_fyp",
                                      "schools_hospitals",
                                      "training",
                                      "poverty_projects",
                                      "nanyang_poverty",
                                      "nanyang_projects",
                                      "produce_to_beijing",
                                      "enterprise_investment",
                                      "period",
                                      "target_toilets",
                                      "target_sewage",
                                      "target_black_odorous",
                                      "target_ponds",
                                      "target_refuse",
                                      "target_beauty",
                                      "target_other",
                                      "target_demonstration",
                                      "nanyang_targets"};
        QCOMPARE(ids, expected);
        QCOMPARE(facts.first().valueZh, QStringLiteral("累计超60亿立方米"));
        QCOMPARE(facts.first().whenZh, QStringLiteral("截至2020年底"));
        QVERIFY(facts.first().sourcesZh.first().contains(QStringLiteral("十四五")));
        QVERIFY(facts.first().sourcesEn.first().contains(QStringLiteral("14th Five-Year Plan")));
        const auto period = std::find_if(facts.cbegin(), facts.cend(),
                                         [](const AchievementFact &f) { return f.id == "period"; });
        QCOMPARE(period->sourcesZh.size(), 2); // [001][000]
        QVERIFY(period->sourcesEn.at(1).startsWith(QStringLiteral("Eight years")));
    }

    void corruptJsonGivesEmptyListAndError()
    {
        QString error;
        QVERIFY(parseAchievementFacts("{\"facts\": [ {\"id\": ", &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));

        QVERIFY(parseAchievementFacts("", &error).isEmpty());
        QVERIFY(!error.isEmpty());

        // A fact whose source the file does not name.
        const QByteArray unknownSeed
            = R"({"seeds": {"001": {"zh": "t", "en": "t"}}, "facts": [{"id": "x",
            "group": "water", "label": {"zh": "a", "en": "a"}, "value": {"zh": "1", "en": "1"},
            "when": {"zh": "2020", "en": "2020"}, "seeds": ["009"]}]})";
        QVERIFY(parseAchievementFacts(unknownSeed, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("unknown source '009'")), qPrintable(error));

        // A source titled in one language only.
        QByteArray chineseOnly = unknownSeed;
        chineseOnly.replace(R"({"zh": "t", "en": "t"})", R"({"zh": "t"})").replace("009", "001");
        QVERIFY(parseAchievementFacts(chineseOnly, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("source '001' needs its title in zh and en")),
                 qPrintable(error));

        // A fact without its date.
        QByteArray noDate = unknownSeed;
        noDate.replace("\"when\"", "\"whence\"").replace("009", "001");
        QVERIFY(parseAchievementFacts(noDate, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("fact 1 (x)")), qPrintable(error));

        // The controller shows nothing rather than half a file, and says why.
        FiguresController figures(m_db->connection(), {});
        QVERIFY(!figures.facts().isEmpty());
        QVERIFY(figures.error().isEmpty());
        QSignalSpy errorChanged(&figures, &FiguresController::errorChanged);
        figures.loadFacts("not json");
        QVERIFY(figures.facts().isEmpty());
        QVERIFY(figures.error().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(errorChanged.count(), 1);
    }

    void countsByCategoryAndUnit()
    {
        QSqlDatabase db = m_db->connection();
        const QList<PairedUnit> units = ReferenceDataRepository(db).units();
        QCOMPARE(units.size(), 16);
        FiguresController figures(db, units);
        QCOMPARE(figures.total(), 0);
        QCOMPARE(figures.unitCounts().size(), 16);
        QCOMPARE(figures.categoryCounts().size(), 4);
        QCOMPARE(countOf(figures.categoryCounts(), "id", "sanitation"), 0);
        QVERIFY(!figures.lastSync().isValid());

        // 武当山特区 is a township of 丹江口市 but a unit of its own.
        const QString wudang = firstVillage(db, QStringLiteral("420381450"));
        const QString danjiangkou = firstVillage(db, QStringLiteral("420381100%"));
        const QString xichuan = firstVillage(db, QStringLiteral("411326%"));
        QVERIFY(!wudang.isEmpty() && !danjiangkou.isEmpty() && !xichuan.isEmpty());
        QString error;
        QVERIFY2(seedPublicRecords(db, wudang, QStringLiteral("ecology"), 3, &error),
                 qPrintable(error));
        QVERIFY2(seedPublicRecords(db, danjiangkou, QStringLiteral("sanitation"), 2, &error),
                 qPrintable(error));
        QVERIFY2(seedPublicRecords(db, xichuan, QStringLiteral("village_visit"), 4, &error),
                 qPrintable(error));
        QVERIFY2(seedPublicRecords(db, xichuan, QStringLiteral("ecology"), 1, &error),
                 qPrintable(error));

        // A successful sync dates the data and counts again.
        QSignalSpy countsChanged(&figures, &FiguresController::countsChanged);
        figures.syncFinished(true, 0, 10);
        QCOMPARE(countsChanged.count(), 1);
        QVERIFY(figures.lastSync().isValid());
        QCOMPARE(figures.total(), 10);
        QCOMPARE(countOf(figures.categoryCounts(), "id", "ecology"), 4);
        QCOMPARE(countOf(figures.categoryCounts(), "id", "sanitation"), 2);
        QCOMPARE(countOf(figures.categoryCounts(), "id", "village_visit"), 4);
        QCOMPARE(countOf(figures.categoryCounts(), "id", "project_progress"), 0);
        QCOMPARE(countOf(figures.unitCounts(), "code", "420381450"), 3);
        QCOMPARE(countOf(figures.unitCounts(), "code", "420381"), 2);
        QCOMPARE(countOf(figures.unitCounts(), "code", "411326"), 5);
        QCOMPARE(countOf(figures.unitCounts(), "code", "420322"), 0);
        QCOMPARE(countOf(figures.unitCounts(), "name", QStringLiteral("武当山特区")), 3);

        // The date is kept in the store: a kiosk restarted offline still shows it.
        FiguresController restarted(db, units);
        QCOMPARE(restarted.lastSync(), figures.lastSync());
        QCOMPARE(restarted.total(), 10);

        // A failed sync changes nothing.
        figures.syncFinished(false, 0, 0);
        QCOMPARE(countsChanged.count(), 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestFigures)
#include "tst_figures.moc"
