// The bundled reference data: 16 paired units, 261 township-level and 4,252 village-level units.
#include "storage/database.h"
#include "storage/referencedatarepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestReferenceData : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_db.open(m_dir.filePath("ref.db")), qPrintable(m_db.error()));
        ReferenceDataRepository repo(m_db.connection());
        QVERIFY2(repo.loadIfEmpty(), qPrintable(repo.lastError()));
    }

    void countsMatchTheSources()
    {
        ReferenceDataRepository repo(m_db.connection());
        QCOMPARE(repo.unitCount(), 16);
        QCOMPARE(repo.townshipCount(), 261);
        QCOMPARE(repo.villageCount(), 4252);
    }

    void loadingTwiceAddsNothing()
    {
        ReferenceDataRepository repo(m_db.connection());
        QVERIFY(repo.loadIfEmpty());
        QCOMPARE(repo.unitCount(), 16);
        QCOMPARE(repo.villageCount(), 4252);
    }

    void unitsCarryZoneAndBeijingPartner()
    {
        const QList<PairedUnit> units = ReferenceDataRepository(m_db.connection()).units();
        QCOMPARE(units.size(), 16);
        QCOMPARE(units.first().name, QStringLiteral("淅川县"));
        QCOMPARE(units.first().partnerDistrictName, QStringLiteral("朝阳区"));
        QCOMPARE(units.first().zone, QStringLiteral("库区"));
        int henan = 0, hubei = 0;
        QSet<QString> partners;
        for (const PairedUnit &u : units) {
            henan += u.provinceName == QStringLiteral("河南省");
            hubei += u.provinceName == QStringLiteral("湖北省");
            partners.insert(u.partnerDistrictCode);
            QVERIFY2(QStringList({"库区", "核心区", "影响区"}).contains(u.zone),
                     qPrintable(u.zone));
        }
        QCOMPARE(henan, 6);
        QCOMPARE(hubei, 10);
        QCOMPARE(partners.size(), 16); // one-to-one pairing
    }

    void wudangshanIsItsOwnUnit()
    {
        ReferenceDataRepository repo(m_db.connection());
        const auto danjiangkou = repo.townships("420381");
        QCOMPARE(danjiangkou.size(), 20);
        for (const Township &t : danjiangkou)
            QVERIFY(t.code != "420381450");
        const auto wudangshan = repo.townships("420381450");
        QCOMPARE(wudangshan.size(), 1);
        QCOMPARE(repo.villages("420381450").size(), 34);
    }

    void villageSearchAcrossAndWithinUnits()
    {
        ReferenceDataRepository repo(m_db.connection());
        const auto everywhere = repo.searchVillages(QStringLiteral("黄庄"), QString(), 50);
        QVERIFY(everywhere.size() >= 3); // 淅川县 twice, 邓州市 at least once
        QCOMPARE(repo.searchVillages(QStringLiteral("黄庄"), QStringLiteral(""), 50).size(),
                 everywhere.size());
        const auto xichuan
            = repo.searchVillages(QStringLiteral("黄庄"), QStringLiteral("411326"), 50);
        QCOMPARE(xichuan.size(), 2);
        // 丹江口市 does not include 武当山特区's villages; 武当山特区 finds its own.
        QVERIFY(
            repo.searchVillages(QStringLiteral("老营"), QStringLiteral("420381"), 50).isEmpty());
        QCOMPARE(
            repo.searchVillages(QStringLiteral("老营"), QStringLiteral("420381450"), 50).size(), 2);
        QVERIFY(repo.searchVillages(QStringLiteral("%"), QString(), 50).isEmpty());
    }

    void unitAndTownshipOfAVillage()
    {
        ReferenceDataRepository repo(m_db.connection());
        QCOMPARE(repo.unitOfVillage("420381450001")->name, QStringLiteral("武当山特区"));
        QCOMPARE(repo.unitOfVillage("420381450001")->partnerDistrictName, QStringLiteral("通州区"));
        QCOMPARE(repo.unitOfVillage("420381100201")->name, QStringLiteral("丹江口市"));
        QCOMPARE(repo.township("420381100")->name, QStringLiteral("土关垭镇"));
        QVERIFY(!repo.unitOfVillage("999999999999").has_value());
        QVERIFY(!repo.township("999999999").has_value());
    }

    void firstVillageOfAUnitOrTownship()
    {
        ReferenceDataRepository repo(m_db.connection());
        // The lowest code of the unit's own villages (the kiosk's demo copies are placed there).
        QString lowest;
        for (const Township &t : repo.townships("411326")) {
            for (const Village &v : repo.villages(t.code))
                lowest = lowest.isEmpty() || v.code < lowest ? v.code : lowest;
        }
        QVERIFY(lowest.startsWith("411326"));
        QCOMPARE(repo.firstVillageOf("411326"), lowest);
        QVERIFY(repo.firstVillageOf("420381450").startsWith("420381450")); // 武当山特区
        QCOMPARE(repo.firstVillageOf("999999"), QString());
    }

    void recentVillagesNewestFirst()
    {
        ReferenceDataRepository repo(m_db.connection());
        QVERIFY(repo.markVillageUsed("411326111201", 1000));
        QVERIFY(repo.markVillageUsed("420322100200", 2000));
        QVERIFY(repo.markVillageUsed("411326111201", 3000));
        const auto recent = repo.recentVillages(8);
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.first().code, QStringLiteral("411326111201"));
    }

    void everyUnitHasTownshipsAndVillages()
    {
        ReferenceDataRepository repo(m_db.connection());
        int townships = 0;
        for (const PairedUnit &u : repo.units()) {
            const auto list = repo.townships(u.code);
            QVERIFY2(!list.isEmpty(), qPrintable(u.name));
            townships += list.size();
        }
        QCOMPARE(townships, 261);
        QSqlQuery q(m_db.connection());
        QVERIFY(
            q.exec(
                "SELECT count(*) FROM village v LEFT JOIN township t ON t.code = v.township_code "
                "WHERE t.code IS NULL")
            && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        const auto village = repo.village("420322100200");
        QVERIFY(village.has_value());
        QCOMPARE(village->name, QStringLiteral("下北隅村委会"));
    }
};

QTEST_GUILESS_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
