// The supervisor's ledger and village coverage over a real store: filters, the overdue-first
// order, paging, the townships' ranking by closure rate, and which villages count as visited.
#include "storage/coveragequery.h"
#include "storage/database.h"
#include "storage/ledgerquery.h"
#include "storage/problemrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kNow = 1780000000000;
constexpr qint64 kDay = 24 * 3600 * 1000;
// 淅川县: 荆紫关镇 (37 villages) and 老城镇 (19).
const QString kCounty = QStringLiteral("411326");
const QString kJingziguan = QStringLiteral("411326101");
const QString kLaocheng = QStringLiteral("411326102");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Builds pulled pages of numbered events, as the server would hand them out.
class History {
public:
    QString raise(const QString &villageCode, const QString &category, qint64 at)
    {
        ProblemEvent e = event(uuid(), ProblemAction::Raise, at);
        e.villageCode = villageCode;
        e.category = category;
        e.comment = QStringLiteral("问题");
        m_events << e;
        return e.problemId;
    }
    void assign(const QString &id, qint64 deadlineMs)
    {
        ProblemEvent e = event(id, ProblemAction::Assign, kNow - 20 * kDay);
        e.responsibleKind = ResponsibleKind::Township;
        e.responsibleCode = kJingziguan;
        e.responsibleName = QStringLiteral("荆紫关镇人民政府");
        e.deadlineMs = deadlineMs;
        m_events << e;
    }
    void close(const QString &id, qint64 at)
    {
        m_events << event(id, ProblemAction::ReportFix, at - kDay);
        ProblemEvent passed = event(id, ProblemAction::Recheck, at - kDay);
        passed.recheckPassed = true;
        m_events << passed << event(id, ProblemAction::Close, at);
    }
    PulledPage page() const
    {
        PulledPage page;
        page.problemEvents = m_events;
        page.nextServerSeq = m_seq;
        page.epoch = QStringLiteral("e1");
        return page;
    }

private:
    ProblemEvent event(const QString &problemId, ProblemAction action, qint64 at)
    {
        ProblemEvent e;
        e.id = uuid();
        e.problemId = problemId;
        e.action = action;
        e.createdAtMs = at;
        e.receivedAtMs = at;
        e.serverSeq = ++m_seq;
        e.author = QStringLiteral("wang.fang");
        return e;
    }
    QList<ProblemEvent> m_events;
    qint64 m_seq = 0;
};

Record visit(const QString &villageCode, const QString &category, qint64 at)
{
    static qint64 seq = 0;
    Record r;
    r.id = uuid();
    r.templateId = category;
    r.templateVersion = 1;
    r.category = category;
    r.villageCode = villageCode;
    r.status = RecordStatus::Submitted;
    r.createdAtMs = r.updatedAtMs = at;
    r.content = "{}";
    r.authorDeviceId = QStringLiteral("tablet");
    r.serverSeq = ++seq;
    return r;
}

QStringList idsOf(const QList<LedgerRow> &rows)
{
    QStringList out;
    for (const LedgerRow &r : rows)
        out << r.id;
    return out;
}

} // namespace

class TestLedgerQuery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void init()
    {
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("%1.db").arg(uuid()))));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
    }
    void cleanup() { m_db.close(); }

    void filtersAndOrder()
    {
        History h;
        const QString overdue = h.raise(kJingziguan + "200", "sanitation.toilet", kNow - 30 * kDay);
        h.assign(overdue, kNow - 2 * kDay);
        const QString dueSoon = h.raise(kJingziguan + "201", "sanitation.toilet", kNow - 9 * kDay);
        h.assign(dueSoon, kNow + 3 * kDay);
        const QString unassigned = h.raise(kJingziguan + "202", "water.pond", kNow - 8 * kDay);
        const QString closed = h.raise(kLaocheng + "200", "sanitation.toilet", kNow - 40 * kDay);
        h.assign(closed, kNow - 10 * kDay); // its deadline passed, but it is closed: not overdue
        h.close(closed, kNow - 12 * kDay);
        const QString elsewhere = h.raise("420381450200", "water.pond", kNow - 7 * kDay);
        QVERIFY(PulledPageWriter(m_db.connection()).apply(h.page()));

        LedgerQuery ledger(m_db.connection());
        LedgerFilter all;
        all.nowMs = kNow;
        QCOMPARE(idsOf(ledger.page(all, 0, 50)),
                 (QStringList {overdue, closed, dueSoon, unassigned, elsewhere}));
        QCOMPARE(ledger.count(all), 5);
        QCOMPARE(idsOf(ledger.page(all, 1, 2)), (QStringList {closed, dueSoon}));

        LedgerFilter county = all;
        county.unitCode = kCounty;
        QCOMPARE(ledger.count(county), 4);
        LedgerFilter township = all;
        township.unitCode = kJingziguan;
        township.state = int(ProblemState::ToFix);
        QCOMPARE(idsOf(ledger.page(township, 0, 50)), (QStringList {overdue, dueSoon, unassigned}));
        LedgerFilter late = county;
        late.overdueOnly = true;
        const QList<LedgerRow> lateRows = ledger.page(late, 0, 50);
        QCOMPARE(idsOf(lateRows), QStringList {overdue});
        QVERIFY(lateRows.first().overdue);
        QCOMPARE(lateRows.first().responsibleName, QStringLiteral("荆紫关镇人民政府"));
        QCOMPARE(ledger.count(late), 1);
        LedgerFilter ponds = all;
        ponds.category = QStringLiteral("water.pond");
        QCOMPARE(idsOf(ledger.page(ponds, 0, 50)), (QStringList {unassigned, elsewhere}));
        LedgerFilter done = all;
        done.state = int(ProblemState::Closed);
        const QList<LedgerRow> closedRows = ledger.page(done, 0, 50);
        QCOMPARE(idsOf(closedRows), QStringList {closed});
        QVERIFY(!closedRows.first().overdue);
        QCOMPARE(closedRows.first().closedAtMs, kNow - 12 * kDay);
    }

    // 激励先进、鞭策后进: the best closure rate first; at a tie, the fewest overdue.
    void rankingByClosureRateThenOverdue()
    {
        History h;
        // 老城镇: 1 of 2 closed (28 days from finding to closing), none overdue.
        const QString a = h.raise(kLaocheng + "200", "sanitation.toilet", kNow - 40 * kDay);
        h.close(a, kNow - 12 * kDay);
        h.raise(kLaocheng + "201", "sanitation.toilet", kNow - 5 * kDay);
        // 荆紫关镇: 1 of 2 closed (10 days), one overdue.
        const QString b = h.raise(kJingziguan + "200", "sanitation.toilet", kNow - 20 * kDay);
        h.close(b, kNow - 10 * kDay);
        const QString c = h.raise(kJingziguan + "201", "sanitation.toilet", kNow - 20 * kDay);
        h.assign(c, kNow - kDay);
        // 马蹬镇 (411326103): nothing closed.
        h.raise(QStringLiteral("411326103200"), "water.pond", kNow - 3 * kDay);
        QVERIFY(PulledPageWriter(m_db.connection()).apply(h.page()));

        const QList<TownshipLedgerStats> ranking
            = LedgerQuery(m_db.connection()).ranking(kCounty, kNow);
        QCOMPARE(ranking.size(), 3);
        QCOMPARE(ranking.at(0).townshipCode, kLaocheng);
        QCOMPARE(ranking.at(0).townshipName, QStringLiteral("老城镇"));
        QCOMPARE(ranking.at(0).closureRate, 0.5);
        QCOMPARE(ranking.at(0).meanDaysToClose, 28.0);
        QCOMPARE(ranking.at(1).townshipCode, kJingziguan);
        QCOMPARE(ranking.at(1).overdue, 1);
        QCOMPARE(ranking.at(1).open, 1);
        QCOMPARE(ranking.at(1).meanDaysToClose, 10.0);
        QCOMPARE(ranking.at(2).townshipCode, QStringLiteral("411326103"));
        QCOMPARE(ranking.at(2).closed, 0);
        QCOMPARE(ranking.at(2).meanDaysToClose, 0.0);
        QCOMPARE(LedgerQuery(m_db.connection()).ranking(kLaocheng, kNow).size(), 1);
    }

    // Visited 89 days ago: covered; 91 days ago: not; a draft is not a visit.
    void coverageCountsVisitsWithinThePeriod()
    {
        PulledPage page;
        page.records = {visit(kLaocheng + "200", "sanitation.toilet", kNow - 89 * kDay),
                        visit(kLaocheng + "200", "water.pond", kNow - 200 * kDay),
                        visit(kLaocheng + "201", "sanitation.toilet", kNow - 91 * kDay)};
        page.nextServerSeq = 3;
        page.epoch = QStringLiteral("e1");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(page));
        Record draft = visit(kLaocheng + "202", "sanitation.toilet", kNow - kDay);
        draft.status = RecordStatus::Draft;
        draft.serverSeq = 0;
        QVERIFY(RecordRepository(m_db.connection()).saveDraft(draft));

        CoverageQuery coverage(m_db.connection());
        const QList<TownshipCoverage> townships = coverage.townships(kCounty, kNow);
        QCOMPARE(townships.size(), 17); // 淅川县's townships, in code order
        const auto laocheng
            = std::find_if(townships.begin(), townships.end(),
                           [](const TownshipCoverage &t) { return t.townshipCode == kLaocheng; });
        QVERIFY(laocheng != townships.end());
        QCOMPARE(laocheng->townshipName, QStringLiteral("老城镇"));
        QCOMPARE(laocheng->villages, 19);
        QCOMPARE(laocheng->visited, 1);
        QCOMPARE(laocheng->notVisited.size(), 18);
        QCOMPARE(laocheng->notVisited.first().code, kLaocheng + "201");
        QVERIFY(qFuzzyCompare(laocheng->rate, 1.0 / 19));
        QCOMPARE(coverage.townships(kCounty, kNow, 92).at(laocheng - townships.begin()).visited, 2);

        int villages = 0;
        for (const TownshipCoverage &t : coverage.townships({}, kNow))
            villages += t.villages;
        QCOMPARE(villages, 4252);

        const std::optional<VillageVisits> v = coverage.village(kLaocheng + "200");
        QVERIFY(v);
        QCOMPARE(v->lastVisitMs, kNow - 89 * kDay);
        QCOMPARE(v->lastByCategory.value("water.pond"), kNow - 200 * kDay);
        QCOMPARE(coverage.village(kLaocheng + "202")->lastVisitMs, 0); // only a draft there
    }
};

QTEST_GUILESS_MAIN(TestLedgerQuery)
#include "tst_ledgerquery.moc"
