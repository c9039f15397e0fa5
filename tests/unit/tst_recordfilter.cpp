// The record list's filters and search, on real SQL over a real store.
#include "noterecord.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class TestRecordFilter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.filePath("f.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        RecordRepository records(m_db.connection());
        const qint64 day = 24 * 3600 * 1000LL;
        const qint64 t0 = 1750000000000;
        // 淅川县 丹阳镇 九重村, 丹江口市 and 武当山特区 villages, 郧西县.
        QVERIFY(records.saveDraft(noteRecord("sanitation", "411326105200", t0, "坑塘 有漂浮物")));
        QVERIFY(records.submit(noteRecord("sanitation", "411326105201", t0 + day, "户厕 100%_完成"),
                               uuid()));
        QVERIFY(records.submit(noteRecord("ecology", "420381450001", t0 + 2 * day, "武当山 植树"),
                               uuid()));
        QVERIFY(records.submit(noteRecord("ecology", "420381100201", t0 + 3 * day, "丹江口 放流"),
                               uuid()));
        QVERIFY(records.saveDraft(
            noteRecord("village_visit", "420322100200", t0 + 4 * day, "平谷 结对")));
        // One queued record gets acknowledged: synced.
        const auto queued = OutboxRepository(m_db.connection()).peek(1);
        QVERIFY(OutboxRepository(m_db.connection()).acknowledge(queued.first().clientSeq));
    }

    void byStatus()
    {
        RecordRepository records(m_db.connection());
        RecordFilter f;
        f.statuses = {ListStatus::Draft};
        QCOMPARE(records.count(f), 2);
        f.statuses = {ListStatus::Pending};
        QCOMPARE(records.count(f), 2);
        f.statuses = {ListStatus::Synced};
        QCOMPARE(records.count(f), 1);
        f.statuses = {ListStatus::Draft, ListStatus::Synced};
        QCOMPARE(records.count(f), 3);
        f.statuses = {ListStatus::Approved};
        QCOMPARE(records.count(f), 0);
    }

    void byUnitKeepsWudangshanApart()
    {
        RecordRepository records(m_db.connection());
        RecordFilter f;
        f.unitCode = "420381";
        QCOMPARE(records.count(f), 1);
        f.unitCode = "420381450";
        QCOMPARE(records.count(f), 1);
        QCOMPARE(records.query(f, 10).first().villageCode, QStringLiteral("420381450001"));
        f.unitCode = "411326";
        f.category = "sanitation";
        QCOMPARE(records.count(f), 2);
        f.villageCode = "411326105200";
        QCOMPARE(records.count(f), 1);
    }

    void bySelectedIds()
    {
        // A selection drawn on the supervisor's map narrows the other filters further.
        RecordRepository records(m_db.connection());
        RecordFilter all;
        const QList<Record> some = records.query(all, 10);
        QCOMPARE(some.size(), 5);
        RecordFilter f;
        f.recordIds = {some.at(0).id, some.at(2).id, uuid()};
        QCOMPARE(records.count(f), 2);
        f.category = some.at(0).category;
        QCOMPARE(records.count(f), some.at(0).category == some.at(2).category ? 2 : 1);
    }

    void byTownship()
    {
        RecordRepository records(m_db.connection());
        RecordFilter f;
        f.townshipCode = "411326105"; // 丹阳镇: two of its villages
        QCOMPARE(records.count(f), 2);
        f.townshipCode = "420381450"; // 武当山特区 is a township of its own
        QCOMPARE(records.count(f), 1);
        f.townshipCode = "420381100";
        QCOMPARE(records.count(f), 1);
        QCOMPARE(records.query(f, 10).first().villageCode, QStringLiteral("420381100201"));
        f.townshipCode = "411326106";
        QCOMPARE(records.count(f), 0);
    }

    void byDate()
    {
        RecordRepository records(m_db.connection());
        const qint64 day = 24 * 3600 * 1000LL;
        RecordFilter f;
        f.fromMs = 1750000000000 + 2 * day;
        QCOMPARE(records.count(f), 3);
        f.toMs = 1750000000000 + 3 * day;
        QCOMPARE(records.count(f), 1);
    }

    void searchFindsVillageNamesAndAnswersBySubstring()
    {
        RecordRepository records(m_db.connection());
        RecordFilter f;
        f.search = QStringLiteral("九重"); // village name
        QCOMPARE(records.count(f), 1);
        f.search = QStringLiteral("丹阳"); // township name
        QCOMPARE(records.count(f), 2);
        f.search = QStringLiteral("漂浮"); // inside an answer
        QCOMPARE(records.count(f), 1);
        f.search = QStringLiteral("100%_"); // LIKE wildcards are literal
        QCOMPARE(records.count(f), 1);
        f.search = QStringLiteral("%");
        QCOMPARE(records.count(f), 1);
        f.search = QStringLiteral("不存在的词");
        QCOMPARE(records.count(f), 0);
    }

    void newestFirstInPages()
    {
        RecordRepository records(m_db.connection());
        const auto first = records.query({}, 2, 0);
        const auto second = records.query({}, 2, 2);
        const auto third = records.query({}, 2, 4);
        QCOMPARE(first.size(), 2);
        QCOMPARE(second.size(), 2);
        QCOMPARE(third.size(), 1);
        QVERIFY(first.at(0).updatedAtMs > first.at(1).updatedAtMs);
        QVERIFY(first.at(1).updatedAtMs > second.at(0).updatedAtMs);
        QCOMPARE(first.at(0).villageCode, QStringLiteral("420322100200"));
    }
};

QTEST_GUILESS_MAIN(TestRecordFilter)
#include "tst_recordfilter.moc"
