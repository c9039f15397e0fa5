// The ledger on the device (schema 16): an event made here is stored, folded and queued in one
// transaction; pulled events re-fold their problem in server order with this device's pending
// ones on top; the lists sort overdue first; a refused event is set aside, kept, and no longer
// folded; ledger ops travel through the outbox.
#include "storage/bloboutboxrepository.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/publicproblemquery.h"
#include "storage/pulledpagewriter.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kNow = 1780000000000; // 2026-05-28
constexpr qint64 kDay = 24 * 3600 * 1000;
const QString kVillage = QStringLiteral("411326105200");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ProblemEvent raise(const QString &problemId, qint64 at = kNow - 10 * kDay)
{
    ProblemEvent e;
    e.id = uuid();
    e.problemId = problemId;
    e.action = ProblemAction::Raise;
    e.createdAtMs = at;
    e.villageCode = kVillage;
    e.category = QStringLiteral("sanitation.toilet");
    e.severity = 2;
    e.comment = QStringLiteral("厕所粪污外溢");
    e.point.latitude = 33.0;
    e.point.longitude = 111.5;
    return e;
}

ProblemEvent step(const QString &problemId, ProblemAction action)
{
    ProblemEvent e;
    e.id = uuid();
    e.problemId = problemId;
    e.action = action;
    e.createdAtMs = kNow - kDay;
    return e;
}

ProblemEvent assign(const QString &problemId, qint64 deadlineMs)
{
    ProblemEvent e = step(problemId, ProblemAction::Assign);
    e.responsibleKind = ResponsibleKind::Township;
    e.responsibleCode = kVillage.left(9);
    e.responsibleName = QStringLiteral("盛湾镇人民政府");
    e.deadlineMs = deadlineMs;
    return e;
}

// As the server hands it out: numbered, stamped.
ProblemEvent numbered(ProblemEvent e, qint64 serverSeq)
{
    e.serverSeq = serverSeq;
    e.author = QStringLiteral("zhang.wei");
    e.receivedAtMs = e.createdAtMs + 1000;
    e.ledgerMonth = QStringLiteral("2026-05");
    return e;
}

PulledPage pageOf(const QList<ProblemEvent> &events, qint64 cursor)
{
    PulledPage page;
    page.problemEvents = events;
    page.nextServerSeq = cursor;
    page.epoch = QStringLiteral("e1");
    return page;
}

int rowsIn(QSqlDatabase db, const char *table)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()
        ? q.value(0).toInt()
        : -1;
}

QStringList idsOf(const QList<Problem> &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out << p.id;
    return out;
}

QList<ProblemAction> actionsOf(const Problem &p)
{
    QList<ProblemAction> out;
    for (const ProblemEvent &e : p.history)
        out << e.action;
    return out;
}

} // namespace

class TestProblemRepository : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void init() { QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("%1.db").arg(uuid())))); }
    void cleanup() { m_db.close(); }

    void aRaiseMadeHereIsFoldedAndQueued()
    {
        ProblemRepository problems(m_db.connection());
        const QString id = uuid();
        QVERIFY(problems.record(raise(id)));
        const std::optional<Problem> p = problems.problem(id);
        QVERIFY(p);
        QCOMPARE(p->state, ProblemState::ToFix);
        QCOMPARE(p->villageCode, kVillage);
        QCOMPARE(p->description, QStringLiteral("厕所粪污外溢"));
        QCOMPARE(p->history.size(), 1);
        QCOMPARE(p->history.first().serverSeq, 0);

        const QList<OutboxEntry> queued = OutboxRepository(m_db.connection()).peek(10);
        QCOMPARE(queued.size(), 1);
        QVERIFY(queued.first().problem);
        QVERIFY(!queued.first().review);
        QCOMPARE(queued.first().problem->problemId, id);
        QCOMPARE(queued.first().problem->comment, QStringLiteral("厕所粪污外溢"));
        QCOMPARE(queued.first().problem->point.latitude, 33.0);
        QVERIFY(queued.first().problem->author.isEmpty());
    }

    void whatTheStoreDecidesIsRefusedAndWritesNothing()
    {
        ProblemRepository problems(m_db.connection());
        QVERIFY(!problems.record(step(uuid(), ProblemAction::ReportFix)));
        QCOMPARE(problems.refusal().code, QStringLiteral("problem_unknown"));
        const QString id = uuid();
        QVERIFY(problems.record(raise(id)));
        QVERIFY(!problems.record(raise(id)));
        QCOMPARE(problems.refusal().code, QStringLiteral("problem_exists"));
        QCOMPARE(problems.refusal().args, QStringList {id});
        QCOMPARE(rowsIn(m_db.connection(), "problem_event"), 1);
        QCOMPARE(rowsIn(m_db.connection(), "outbox"), 1);
    }

    // The next event is based on the latest the device has seen; a pulled event of another
    // device re-folds the problem with this device's pending event still on top, until it
    // comes back numbered.
    void pulledEventsRefoldWithThePendingOnTop()
    {
        ProblemRepository problems(m_db.connection());
        PulledPageWriter pages(m_db.connection());
        const QString id = uuid();
        const ProblemEvent raised = numbered(raise(id), 1);
        const ProblemEvent assigned = numbered(assign(id, kNow + 10 * kDay), 2);
        QVERIFY2(pages.apply(pageOf({raised, assigned}, 2)), qPrintable(pages.lastError()));
        QCOMPARE(problems.problem(id)->lastServerSeq, 2);

        ProblemEvent fix = step(id, ProblemAction::ReportFix);
        fix.photos = {QString(64, QLatin1Char('a'))};
        QVERIFY(problems.record(fix));
        QCOMPARE(problems.problem(id)->state, ProblemState::ToRecheck);
        QCOMPARE(OutboxRepository(m_db.connection()).peek(10).first().problem->baseServerSeq, 2);

        // Another tablet's "work started", numbered before this device's fix arrives.
        QVERIFY(pages.apply(pageOf({numbered(step(id, ProblemAction::Progress), 3)}, 3)));
        std::optional<Problem> p = problems.problem(id);
        QCOMPARE(p->state, ProblemState::ToRecheck); // the pending fix still applies last
        QCOMPARE(actionsOf(*p),
                 (QList<ProblemAction> {ProblemAction::Raise, ProblemAction::Assign,
                                        ProblemAction::Progress, ProblemAction::ReportFix}));
        QCOMPARE(p->lastServerSeq, 3);
        QCOMPARE(p->afterPhotos, fix.photos);
        QCOMPARE(BlobOutboxRepository(m_db.connection()).pending(), fix.photos); // its photo too

        // The fix comes back numbered, flagged as concurrent with the progress report.
        ProblemEvent back = numbered(fix, 4);
        back.conflictWithServerSeq = 3;
        QVERIFY(pages.apply(pageOf({back}, 4)));
        p = problems.problem(id);
        QCOMPARE(p->lastServerSeq, 4);
        QCOMPARE(p->conflicts, 1);
        QCOMPARE(p->history.last().author, QStringLiteral("zhang.wei"));
        QCOMPARE(rowsIn(m_db.connection(), "problem_event"), 4);
    }

    void theListsSortOverdueFirstThenByDeadline()
    {
        ProblemRepository problems(m_db.connection());
        PulledPageWriter pages(m_db.connection());
        const QString late = uuid(), later = uuid(), soon = uuid(), none = uuid(),
                      noneOlder = uuid(), fixed = uuid();
        qint64 seq = 0;
        QList<ProblemEvent> events;
        auto add = [&](const ProblemEvent &e) { events << numbered(e, ++seq); };
        add(raise(noneOlder, kNow - 30 * kDay));
        add(raise(none, kNow - 5 * kDay));
        add(raise(soon));
        add(assign(soon, kNow + 2 * kDay));
        add(raise(later));
        add(assign(later, kNow - 1 * kDay)); // overdue by a day
        add(raise(late));
        add(assign(late, kNow - 3 * kDay)); // overdue by three
        add(raise(fixed));
        add(assign(fixed, kNow - 4 * kDay));
        add(step(fixed, ProblemAction::ReportFix)); // 待复查: not on the to-fix list
        QVERIFY(pages.apply(pageOf(events, seq)));

        QCOMPARE(idsOf(problems.toFix({}, kNow)),
                 (QStringList {late, later, soon, noneOlder, none}));
        QCOMPARE(idsOf(problems.toRecheck({}, kNow)), QStringList {fixed});
        QCOMPARE(problems.countToFix({}), 5);
        QCOMPARE(problems.countToRecheck({kVillage.left(9)}), 1);
        QCOMPARE(problems.countToFix({QStringLiteral("411326106")}), 0); // another township
        QCOMPARE(problems.toFix({kVillage.left(6)}, kNow).size(), 5);

        // A passed re-check leaves the to-recheck list (the supervisor closes it next).
        ProblemEvent passed = step(fixed, ProblemAction::Recheck);
        passed.recheckPassed = true;
        QVERIFY(problems.record(passed));
        QVERIFY(problems.toRecheck({}, kNow).isEmpty());
    }

    // Refused for good: out of the queue, out of the fold, kept with its refusal.
    void aRefusedEventIsSetAsideAndKept()
    {
        ProblemRepository problems(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        const QString id = uuid();
        QVERIFY(
            PulledPageWriter(m_db.connection())
                .apply(pageOf({numbered(raise(id), 1), numbered(assign(id, kNow + kDay), 2)}, 2)));
        ProblemEvent recheck = step(id, ProblemAction::Recheck);
        recheck.comment = QStringLiteral("已复查");
        QVERIFY(problems.record(step(id, ProblemAction::ReportFix)));
        QVERIFY(problems.record(recheck));
        QCOMPARE(problems.problem(id)->state, ProblemState::Rework);

        const QList<OutboxEntry> queued = outbox.peek(10);
        QCOMPARE(queued.size(), 2);
        QVERIFY(outbox.setAside(queued.at(1).clientSeq, QStringLiteral("refused"),
                                QStringLiteral("recheck_off_site"),
                                {QStringLiteral("2400"), QStringLiteral("100")}));
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(problems.problem(id)->state, ProblemState::ToRecheck); // no longer folded
        const QList<SetAsideProblemEvent> aside = problems.setAside();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside.first().event.id, recheck.id);
        QCOMPARE(aside.first().event.comment, QStringLiteral("已复查"));
        QCOMPARE(aside.first().refusalCode, QStringLiteral("recheck_off_site"));
        QCOMPARE(aside.first().refusalArgs,
                 (QStringList {QStringLiteral("2400"), QStringLiteral("100")}));
        QVERIFY(aside.first().setAsideAtMs > 0);
        QCOMPARE(rowsIn(m_db.connection(), "problem_event"), 4);
        QVERIFY(outbox.setAsideReviews().isEmpty()); // the decisions' list stays theirs
    }

    // A refused Raise takes its problem off the lists; the event is still there.
    void aRefusedRaiseRemovesTheProblemButKeepsTheEvent()
    {
        ProblemRepository problems(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        const QString id = uuid();
        QVERIFY(problems.record(raise(id)));
        QVERIFY(outbox.setAside(outbox.peek(1).first().clientSeq, QStringLiteral("refused"),
                                QStringLiteral("problem_outside_scope"), {id, kVillage}));
        QVERIFY(!problems.problem(id));
        QVERIFY(problems.toFix({}, kNow).isEmpty());
        QCOMPARE(problems.setAside().size(), 1);
    }

    void signoffsAreQueuedAndAcknowledged()
    {
        ProblemRepository problems(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        QVERIFY(problems.record(raise(uuid())));
        LedgerSignoff s;
        s.townshipCode = kVillage.left(9);
        s.month = QStringLiteral("2026-05");
        s.level = SignoffLevel::Township;
        s.acknowledgedOpenProblemIds = {uuid()};
        QVERIFY(problems.recordSignoff(s));
        QVERIFY(!problems.recordSignoff(LedgerSignoff {}));
        QCOMPARE(problems.refusal().code, QStringLiteral("signoff_invalid"));

        const QList<OutboxEntry> queued = outbox.peek(10);
        QCOMPARE(queued.size(), 2);
        QVERIFY(queued.at(0).problem);
        QVERIFY(queued.at(1).signoff);
        QCOMPARE(queued.at(1).signoff->acknowledgedOpenProblemIds, s.acknowledgedOpenProblemIds);
        QCOMPARE(problems.signoffs(s.townshipCode).size(), 1);

        // Acknowledged: gone from the queue, kept in the ledger; pulled back numbered.
        QVERIFY2(outbox.acknowledge(queued.at(1).clientSeq), qPrintable(outbox.lastError()));
        QCOMPARE(outbox.pendingCount(), 0);
        LedgerSignoff back = *queued.at(1).signoff;
        back.serverSeq = 7;
        back.signer = QStringLiteral("li.na");
        PulledPage page = pageOf({}, 7);
        page.signoffs = {back};
        QVERIFY(PulledPageWriter(m_db.connection()).apply(page));
        const QList<LedgerSignoff> stored = problems.signoffs(s.townshipCode);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().signer, QStringLiteral("li.na"));
        QCOMPARE(stored.first().serverSeq, 7);
    }

    // After a server restore: this user's acknowledged events go out again, in server order;
    // others' and the set-aside stay where they are.
    void ownAcknowledgedEventsAreQueuedAgain()
    {
        ProblemRepository problems(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        const QString mine = uuid(), theirs = uuid();
        QVERIFY(problems.record(raise(mine)));
        QVERIFY(outbox.acknowledge(outbox.peek(1).first().clientSeq));
        ProblemEvent other = numbered(raise(theirs), 3);
        other.author = QStringLiteral("li.na");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({other}, 3)));
        QVERIFY(problems.record(step(theirs, ProblemAction::Progress)));
        QVERIFY(outbox.setAside(outbox.peek(1).first().clientSeq, QStringLiteral("refused"),
                                QStringLiteral("role_cannot_act"), {QStringLiteral("progress")}));
        QCOMPARE(outbox.pendingCount(), 0);

        QCOMPARE(problems.requeueAcknowledged(QStringLiteral("zhang.wei")), 1);
        const QList<OutboxEntry> queued = outbox.peek(10);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().problem->problemId, mine);
        QCOMPARE(problems.requeueAcknowledged(QStringLiteral("zhang.wei")), 0); // queued once
    }

    // Kiosks: public problems kept; the tallies replaced by the page that ends a pull.
    void kiosksKeepPublicProblemsAndTheLatestTallies()
    {
        PulledPageWriter pages(m_db.connection());
        PulledPage first = pageOf({}, 3);
        first.publicProblems = {PublicProblem {uuid(),
                                               kVillage,
                                               QStringLiteral("water.pond"),
                                               kNow - 9 * kDay,
                                               kNow - kDay,
                                               {QString(64, QLatin1Char('b'))},
                                               {QString(64, QLatin1Char('c'))}}};
        first.endsPull = true;
        first.closureTallies = {ClosureTally {QStringLiteral("411326"), 10, 4},
                                ClosureTally {kVillage.left(9), 3, 1}};
        QVERIFY(pages.apply(first));
        PulledPage middle = pageOf({}, 4); // not the end: the tallies stay
        QVERIFY(pages.apply(middle));
        QCOMPARE(rowsIn(m_db.connection(), "closure_tally"), 2);
        PulledPage last = pageOf({}, 5);
        last.endsPull = true;
        last.closureTallies = {ClosureTally {QStringLiteral("411326"), 11, 5}};
        QVERIFY(pages.apply(last));
        PublicProblemQuery kiosk(m_db.connection());
        const std::optional<QList<ClosureTally>> tallies = kiosk.tallies();
        QVERIFY(tallies);
        QCOMPARE(tallies->size(), 1);
        QCOMPARE(tallies->first().raised, 11);
        QCOMPARE(tallies->first().closed, 5);
        const std::optional<QList<PublicProblem>> shown = kiosk.latestClosed(10);
        QVERIFY(shown);
        QCOMPARE(shown->size(), 1);
        QCOMPARE(shown->first().category, QStringLiteral("water.pond"));
        QCOMPARE(shown->first().afterPhotos, QStringList {QString(64, QLatin1Char('c'))});
    }
};

QTEST_GUILESS_MAIN(TestProblemRepository)
#include "tst_problemrepository.moc"
