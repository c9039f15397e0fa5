#include "domain/geodistance.h"
#include "domain/problemledger.h"

#include <QtTest>

// The ledger's rules (app/domain/problemledger): states, roles, the on-site re-check, the
// ledger month and who signs what. The server decides with exactly these.
class TestProblemLedger : public QObject {
    Q_OBJECT

    static constexpr qint64 kNow = 1796000000000; // 2026-11-30 (UTC)
    const QString village = QStringLiteral("420302001001");

    LedgerActor inspector() const
    {
        return {AccountRole::Inspector, {QStringLiteral("420302001")}};
    }
    LedgerActor supervisor() const { return {AccountRole::Supervisor, {QStringLiteral("420302")}}; }

    ProblemEvent event(ProblemAction action, qint64 seq) const
    {
        ProblemEvent e;
        e.id = QStringLiteral("e%1").arg(seq);
        e.problemId = QStringLiteral("p1");
        e.action = action;
        e.serverSeq = seq;
        e.receivedAtMs = kNow + seq;
        return e;
    }

    ProblemEvent raise() const
    {
        ProblemEvent e = event(ProblemAction::Raise, 1);
        e.villageCode = village;
        e.category = QStringLiteral("sanitation.toilet");
        e.comment = QStringLiteral("户厕化粪池渗漏");
        e.point.latitude = 32.9;
        e.point.longitude = 111.5;
        return e;
    }

    ProblemEvent fixAt(double lat, double lon, ProblemAction action, qint64 seq) const
    {
        ProblemEvent e = event(action, seq);
        e.point.latitude = lat;
        e.point.longitude = lon;
        return e;
    }

private slots:
    void aProblemWalksTheWholeLoop()
    {
        Problem p;
        QVERIFY(ProblemLedger::check(nullptr, raise(), inspector(), kNow).ok());
        ProblemLedger::apply(p, raise());
        QCOMPARE(p.state, ProblemState::ToFix);

        ProblemEvent assign = event(ProblemAction::Assign, 2);
        assign.responsibleKind = ResponsibleKind::Village;
        assign.responsibleCode = village;
        assign.deadlineMs = kNow + 7 * 86400000LL;
        QVERIFY(ProblemLedger::check(&p, assign, supervisor(), kNow).ok());
        QCOMPARE(ProblemLedger::check(&p, assign, inspector(), kNow).code,
                 QStringLiteral("role_cannot_act"));
        ProblemLedger::apply(p, assign);
        QVERIFY(p.assigned());

        const ProblemEvent fix = fixAt(32.9, 111.5, ProblemAction::ReportFix, 3);
        QVERIFY(ProblemLedger::check(&p, fix, inspector(), kNow).ok());
        ProblemLedger::apply(p, fix);
        QCOMPARE(p.state, ProblemState::ToRecheck);

        // Not yet re-checked: no 销号.
        QCOMPARE(ProblemLedger::check(&p, event(ProblemAction::Close, 4), supervisor(), kNow).code,
                 QStringLiteral("problem_not_rechecked"));

        ProblemEvent recheck = fixAt(32.9003, 111.5, ProblemAction::Recheck, 4); // ≈ 33 m
        recheck.recheckPassed = true;
        QVERIFY(ProblemLedger::check(&p, recheck, inspector(), kNow).ok());
        ProblemLedger::apply(p, recheck);
        QVERIFY(ProblemLedger::allowedActions(p, AccountRole::Supervisor)
                    .contains(ProblemAction::Close));

        QVERIFY(ProblemLedger::check(&p, event(ProblemAction::Close, 5), supervisor(), kNow).ok());
        ProblemLedger::apply(p, event(ProblemAction::Close, 5));
        QCOMPARE(p.state, ProblemState::Closed);
        QCOMPARE(p.closedAtMs, kNow + 5);
        QCOMPARE(p.history.size(), 5);
        QCOMPARE(p.lastServerSeq, 5);

        // A fix reported on a closed problem is refused, saying when it was closed.
        const LedgerRefusal late = ProblemLedger::check(
            &p, fixAt(32.9, 111.5, ProblemAction::ReportFix, 6), inspector(), kNow);
        QCOMPARE(late.code, QStringLiteral("problem_closed"));
        QCOMPARE(late.args.value(1), QString::number(kNow + 5));
    }

    void aRecheckFarAwayNeedsAReason()
    {
        Problem p = ProblemLedger::fold({raise(), fixAt(32.9, 111.5, ProblemAction::ReportFix, 2)});
        ProblemEvent far = fixAt(32.91, 111.5, ProblemAction::Recheck, 3); // ≈ 1.1 km
        far.recheckPassed = true;
        const LedgerRefusal r = ProblemLedger::check(&p, far, inspector(), kNow);
        QCOMPARE(r.code, QStringLiteral("recheck_off_site"));
        QCOMPARE(r.args, (QStringList {QStringLiteral("1112"), QStringLiteral("100")}));
        far.offSiteReason = QStringLiteral("道路塌方，无法到达，由村委会视频连线复查");
        QVERIFY(ProblemLedger::check(&p, far, inspector(), kNow).ok());

        ProblemEvent noFix = event(ProblemAction::Recheck, 3);
        QCOMPARE(ProblemLedger::check(&p, noFix, inspector(), kNow).code,
                 QStringLiteral("recheck_off_site"));
    }

    void aFailedRecheckSendsItBackForRework()
    {
        Problem p = ProblemLedger::fold({raise(), fixAt(32.9, 111.5, ProblemAction::ReportFix, 2)});
        ProblemEvent failed = fixAt(32.9, 111.5, ProblemAction::Recheck, 3);
        ProblemLedger::apply(p, failed);
        QCOMPARE(p.state, ProblemState::Rework);
        QVERIFY(!ProblemLedger::allowedActions(p, AccountRole::Supervisor)
                     .contains(ProblemAction::Close));
        ProblemLedger::apply(p, fixAt(32.9, 111.5, ProblemAction::ReportFix, 4));
        QCOMPARE(p.state, ProblemState::ToRecheck);
        QVERIFY(!p.recheckPassed);
    }

    void deadlinesScopeAndFieldsAreChecked()
    {
        Problem p = ProblemLedger::fold({raise()});
        ProblemEvent assign = event(ProblemAction::Assign, 2);
        assign.responsibleKind = ResponsibleKind::Department;
        assign.responsibleName = QStringLiteral("生态环境分局");
        assign.deadlineMs = kNow - 1;
        QCOMPARE(ProblemLedger::check(&p, assign, supervisor(), kNow).code,
                 QStringLiteral("deadline_in_past"));
        assign.deadlineMs = kNow + 1;
        assign.villageCode = QStringLiteral("420303001001"); // another county
        const LedgerRefusal moved = ProblemLedger::check(&p, assign, supervisor(), kNow);
        QCOMPARE(moved.code, QStringLiteral("problem_outside_scope"));
        QCOMPARE(moved.args.value(1), QStringLiteral("420303001001"));

        ProblemEvent r = raise();
        r.villageCode = QStringLiteral("420302002001");
        QCOMPARE(ProblemLedger::check(nullptr, r, inspector(), kNow).code,
                 QStringLiteral("problem_outside_scope"));
        r = raise();
        r.comment = QStringLiteral("  ");
        QCOMPARE(ProblemLedger::check(nullptr, r, inspector(), kNow).args,
                 QStringList {QStringLiteral("comment")});
        QCOMPARE(ProblemLedger::check(&p, raise(), inspector(), kNow).code,
                 QStringLiteral("problem_exists"));
        QCOMPARE(
            ProblemLedger::check(nullptr, event(ProblemAction::ReportFix, 2), inspector(), kNow)
                .code,
            QStringLiteral("problem_unknown"));
        QCOMPARE(ProblemLedger::check(&p, event(ProblemAction::ReportFix, 2),
                                      {AccountRole::Kiosk, {}}, kNow)
                     .code,
                 QStringLiteral("role_cannot_act"));
    }

    void publishingTicksOnlyTheProblemsOwnPhotos()
    {
        ProblemEvent r = raise();
        r.photos = {QStringLiteral("aa")};
        ProblemEvent fix = fixAt(32.9, 111.5, ProblemAction::ReportFix, 2);
        fix.photos = {QStringLiteral("bb")};
        ProblemEvent recheck = fixAt(32.9, 111.5, ProblemAction::Recheck, 3);
        recheck.recheckPassed = true;
        Problem p = ProblemLedger::fold({r, fix, recheck, event(ProblemAction::Close, 4)});
        ProblemEvent publish = event(ProblemAction::Publish, 5);
        publish.publishedBefore = {QStringLiteral("aa")};
        publish.publishedAfter = {QStringLiteral("cc")};
        QCOMPARE(ProblemLedger::check(&p, publish, supervisor(), kNow).code,
                 QStringLiteral("publish_photo_not_in_problem"));
        publish.publishedAfter = {QStringLiteral("bb")};
        QVERIFY(ProblemLedger::check(&p, publish, supervisor(), kNow).ok());
    }

    void theLedgerMonthIsChinasAndSkipsFrozenMonths()
    {
        // 2026-11-30 16:30 UTC is 2026-12-01 00:30 in Beijing.
        const qint64 lateNovemberUtc
            = QDateTime(QDate(2026, 11, 30), QTime(16, 30), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(ProblemLedger::monthOf(lateNovemberUtc), QStringLiteral("2026-12"));
        QCOMPARE(ProblemLedger::nextMonth(QStringLiteral("2026-12")), QStringLiteral("2027-01"));
        QCOMPARE(
            ProblemLedger::firstOpenMonth(QStringLiteral("2026-11"),
                                          {QStringLiteral("2026-11"), QStringLiteral("2026-12")}),
            QStringLiteral("2027-01"));
    }

    void theTownshipSignsFirstThenTheCounty()
    {
        LedgerSignoff s;
        s.id = QStringLiteral("s1");
        s.townshipCode = QStringLiteral("420302001");
        s.month = ProblemLedger::monthOf(kNow);
        s.level = SignoffLevel::Township;
        const LedgerActor township {AccountRole::Supervisor, {QStringLiteral("420302001")}};
        const LedgerActor county = supervisor();

        QCOMPARE(ProblemLedger::checkSignoff(s, county, {}, {}, kNow).code,
                 QStringLiteral("signoff_not_permitted"));
        QCOMPARE(ProblemLedger::checkSignoff(s, township, {}, {QStringLiteral("p1")}, kNow).code,
                 QStringLiteral("signoff_open_items"));
        s.acknowledgedOpenProblemIds = {QStringLiteral("p1")};
        QVERIFY(ProblemLedger::checkSignoff(s, township, {}, {QStringLiteral("p1")}, kNow).ok());

        LedgerSignoff c = s;
        c.id = QStringLiteral("s2");
        c.level = SignoffLevel::County;
        QCOMPARE(ProblemLedger::checkSignoff(c, county, {}, {QStringLiteral("p1")}, kNow).code,
                 QStringLiteral("signoff_township_first"));
        QVERIFY(ProblemLedger::checkSignoff(c, county, {s}, {QStringLiteral("p1")}, kNow).ok());
        QCOMPARE(ProblemLedger::checkSignoff(s, township, {s}, {}, kNow).code,
                 QStringLiteral("signoff_already"));

        LedgerSignoff future = s;
        future.month = ProblemLedger::nextMonth(s.month);
        QCOMPARE(ProblemLedger::checkSignoff(future, township, {}, {}, kNow).code,
                 QStringLiteral("signoff_month_invalid"));
    }

    void theWayThereIsDistanceAndBearing()
    {
        QCOMPARE(qRound(initialBearingDegrees(32.9, 111.5, 33.0, 111.5)), 0);
        QCOMPARE(qRound(initialBearingDegrees(32.9, 111.5, 32.9, 111.6)), 90);
        QCOMPARE(qRound(initialBearingDegrees(32.9, 111.5, 32.8, 111.5)), 180);
        QCOMPARE(qRound(initialBearingDegrees(32.9, 111.5, 32.9, 111.4)), 270);
    }
};

QTEST_APPLESS_MAIN(TestProblemLedger)
#include "tst_problemledger.moc"
