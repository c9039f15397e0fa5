// The list models QML views show, checked by QAbstractItemModelTester while they are used as
// the views use them: paging with fetchMore, a filter that resets the rows, a reload, a
// photo arriving. The tester fails the test on any broken contract (a row count that does not
// match the signals, data for an invalid index, a role that changes type).
#include "models/ledgerlistmodel.h"
#include "models/recordlistmodel.h"
#include "models/synclogmodel.h"
#include "models/unitlistmodel.h"
#include "noterecord.h"
#include "pulledproblems.h"
#include "storage/database.h"
#include "storage/problemrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/synclogrepository.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
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
            QVERIFY(
                records.submit(noteRecord("sanitation", "411326105200", t0 + i, "记录"), uuid()));
        for (int i = 0; i < kEcology; ++i)
            QVERIFY(
                records.saveDraft(noteRecord("ecology", "420381450001", t0 + 1000 + i, "记录")));
    }

    // Qt's tester runs its checks on modelReset before its own bookkeeping of the reset, and
    // those checks call fetchMore(): a reset that leaves rows to fetch reads to it as rows
    // inserted in the middle of the reset (qtbase, qabstractitemmodeltester.cpp). So each
    // tester below watches a stretch whose resets leave nothing more to fetch, and the
    // paging is watched from a tester made after the reset.
    void recordListPagesFiltersAndReloads()
    {
        RecordListModel model(m_db.connection(), {});
        QCOMPARE(model.count(), kSanitation + kEcology);
        QCOMPARE(model.rowCount(), RecordListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));

        {
            // The view scrolls to the end: page by page until every record is read (the
            // tester itself fetches too, as a view would).
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            while (model.canFetchMore({}))
                model.fetchMore({});
            QCOMPARE(model.rowCount(), kSanitation + kEcology);
            QVERIFY(
                !model.data(model.index(0), RecordListModel::RecordIdRole).toString().isEmpty());
            QCOMPARE(model.data(model.index(0), RecordListModel::CategoryRole).toString(),
                     QStringLiteral("ecology")); // newest first
            // A photo arriving: any row change it signals is checked by the tester.
            model.photoArrived(QStringLiteral("0").repeated(64));
        }

        // A filter resets the rows to what matches (one page here).
        model.setCategory(QStringLiteral("ecology"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(), kEcology);
        QCOMPARE(model.rowCount(), kEcology);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), RecordListModel::CategoryRole).toString(),
                     QStringLiteral("ecology"));

        // A search that matches nothing, then none again.
        model.setSearch(QStringLiteral("没有这样的记录"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        model.setSearch(QString());
        QCOMPARE(model.rowCount(), kEcology);

        // A record added shows after a reload; the language changed: the same rows again.
        QVERIFY(RecordRepository(m_db.connection())
                    .saveDraft(noteRecord("ecology", "420381450001", 1760000000000, "记录")));
        model.reload();
        QCOMPARE(model.count(), kEcology + 1);
        QSignalSpy labels(&model, &RecordListModel::statusLabelsChanged);
        model.retranslate();
        QCOMPARE(labels.count(), 1);
        QCOMPARE(model.statusLabels().size(), 7); // all, then the six statuses
        QCOMPARE(model.rowCount(), kEcology + 1);
    }

    // 整改台账: more than two pages of problems as a sync brings them, filtered by unit,
    // checklist, state and overdue, paged with fetchMore, read again on reload.
    void ledgerListPagesFiltersAndReloads()
    {
        Database store;
        QVERIFY(store.open(m_dir.filePath("ledger.db")));
        QVERIFY(ReferenceDataRepository(store.connection()).loadIfEmpty());
        PulledProblems pulled;
        for (int i = 0; i < 60; ++i) { // 丹阳镇, toilets: ten of them overdue
            const QString id = pulled.raise("411326105200", QStringLiteral("厕所 %1").arg(i));
            pulled.assign(id, "411326105200", i < 10 ? -1 : 5 + i);
        }
        for (int i = 0; i < 45; ++i) { // 金河镇, ponds: five closed
            const QString id = pulled.raise("411326107200", QStringLiteral("坑塘 %1").arg(i), 10,
                                            "sanitation.pond");
            pulled.assign(id, "411326107200", 20);
            if (i < 5)
                pulled.close(id);
        }
        QVERIFY(PulledPageWriter(store.connection()).apply(pulled.page()));

        LedgerListModel model(store.connection());
        QCOMPARE(model.count(), 105);
        QCOMPARE(model.rowCount(), LedgerListModel::kPageSize);
        {
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            while (model.canFetchMore({}))
                model.fetchMore({});
            QCOMPARE(model.rowCount(), 105);
            // Overdue first.
            for (int row = 0; row < 10; ++row)
                QVERIFY(model.data(model.index(row), LedgerListModel::LineRole)
                            .value<ProblemLine>()
                            .overdue);
            QVERIFY(!model.data(model.index(10), LedgerListModel::LineRole)
                         .value<ProblemLine>()
                         .overdue);
        }

        // Each filter resets the rows to what matches (one page or less here).
        QSignalSpy filters(&model, &LedgerListModel::filterChanged);
        model.setUnitCode("411326107");
        {
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(model.count(), 45);
            QCOMPARE(model.rowCount(), 45);
            model.setState(int(ProblemState::Closed));
            QCOMPARE(model.count(), 5);
            for (int row = 0; row < model.rowCount(); ++row)
                QCOMPARE(model.data(model.index(row), LedgerListModel::LineRole)
                             .value<ProblemLine>()
                             .state,
                         int(ProblemState::Closed));
            // Overdue only, then the other filters cleared: ten toilets, no pond.
            model.setOverdueOnly(true);
            QCOMPARE(model.count(), 0);
            model.setState(0);
            model.setUnitCode(QString());
            model.setCategory("sanitation.toilet");
            QCOMPARE(model.count(), 10);
            QCOMPARE(model.rowCount(), 10);
            QVERIFY(!model.canFetchMore({}));
            model.setCategory("sanitation.pond");
            QCOMPARE(model.count(), 0);
            QCOMPARE(filters.count(), 7);
        }

        // A problem raised at this desk shows after a reload.
        model.setCategory(QString());
        model.setOverdueOnly(false);
        model.setUnitCode("411326105");
        QCOMPARE(model.count(), 60);
        ProblemEvent raise;
        raise.problemId = uuid();
        raise.action = ProblemAction::Raise;
        raise.comment = QStringLiteral("厕屋无门");
        raise.villageCode = "411326105201";
        raise.category = "sanitation.toilet";
        QVERIFY(ProblemRepository(store.connection()).record(raise));
        QCOMPARE(model.count(), 60);
        model.reload();
        QCOMPARE(model.count(), 61);
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
