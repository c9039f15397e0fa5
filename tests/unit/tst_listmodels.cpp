// The list models QML views show, checked by QAbstractItemModelTester while they are used as
// the views use them: paging with fetchMore, a filter that resets the rows, a reload, a
// photo arriving. The tester fails the test on any broken contract (a row count that does not
// match the signals, data for an invalid index, a role that changes type).
#include "models/recordlistmodel.h"
#include "models/synclogmodel.h"
#include "models/unitlistmodel.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/synclogrepository.h"

#include <QAbstractItemModelTester>
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

Record makeRecord(const QString &category, const QString &village, qint64 at)
{
    Record r;
    r.id = uuid();
    r.templateId = category + ".x";
    r.category = category;
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = at;
    r.content = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", "记录"}}}}).toJson();
    r.authorDeviceId = uuid();
    return r;
}
} // namespace

class TestListModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    // More than two pages of records, in two categories.
    static constexpr int kSanitation = 150;
    static constexpr int kEcology = 80;

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.filePath("models.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        RecordRepository records(m_db.connection());
        const qint64 t0 = 1750000000000;
        for (int i = 0; i < kSanitation; ++i)
            QVERIFY(records.submit(makeRecord("sanitation", "411326105200", t0 + i), uuid()));
        for (int i = 0; i < kEcology; ++i)
            QVERIFY(records.saveDraft(makeRecord("ecology", "420381450001", t0 + 1000 + i)));
    }

    void recordListPagesFiltersAndReloads()
    {
        RecordListModel model(m_db.connection(), {});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.count(), kSanitation + kEcology);
        QCOMPARE(model.rowCount(), RecordListModel::kPageSize);

        // The view scrolls to the end: page by page until every record is read.
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), kSanitation + kEcology);
        QVERIFY(!model.data(model.index(0), RecordListModel::RecordIdRole).toString().isEmpty());
        QCOMPARE(model.data(model.index(0), RecordListModel::CategoryRole).toString(),
                 QStringLiteral("ecology")); // newest first

        // A filter resets the rows to the first page of what matches.
        model.setCategory(QStringLiteral("ecology"));
        QCOMPARE(model.count(), kEcology);
        QCOMPARE(model.rowCount(), kEcology);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), RecordListModel::CategoryRole).toString(),
                     QStringLiteral("ecology"));

        // A search that matches nothing, then the filters cleared.
        model.setSearch(QStringLiteral("没有这样的记录"));
        QCOMPARE(model.rowCount(), 0);
        model.clearFilters();
        QCOMPARE(model.count(), kSanitation + kEcology);

        // A photo arriving recounts only rows shown; a record added shows after a reload.
        model.photoArrived(QStringLiteral("0").repeated(64));
        QVERIFY(RecordRepository(m_db.connection())
                    .saveDraft(makeRecord("ecology", "420381450001", 1760000000000)));
        model.reload();
        QCOMPARE(model.count(), kSanitation + kEcology + 1);
    }

    void unitListHoldsTheSixteenUnits()
    {
        UnitListModel model(ReferenceDataRepository(m_db.connection()).units());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 16);
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!model.data(model.index(row), UnitListModel::CodeRole).toString().isEmpty());
            QVERIFY(!model.data(model.index(row), UnitListModel::NameRole).toString().isEmpty());
        }
    }

    void syncLogReloadsNewestFirst()
    {
        SyncLogModel model(m_db.connection());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // empty until the first reload

        SyncLogRepository log(m_db.connection());
        SyncLogEntry ok;
        ok.startedAtMs = 1750000000000;
        ok.server = QStringLiteral("127.0.0.1:9");
        ok.pushed = 3;
        QVERIFY(log.append(ok));
        SyncLogEntry offline = ok;
        offline.startedAtMs += 60000;
        offline.outcome = SyncLogEntry::Offline;
        offline.errorCode = QStringLiteral("offline");
        QVERIFY(log.append(offline));

        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), SyncLogModel::OutcomeRole).toInt(),
                 int(SyncLogEntry::Offline));
        QCOMPARE(model.data(model.index(1), SyncLogModel::PushedRole).toInt(), 3);
        QVERIFY(!model.data(model.index(0), SyncLogModel::OutcomeTextRole).toString().isEmpty());

        model.reload(); // again: the same rows, through a reset the tester checks
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
