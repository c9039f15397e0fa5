// The ledger between real devices and a real qingshui-server process: an event made on one
// tablet is pushed exactly once, numbered and stamped by the server, and pulled by the
// supervisor of its county (not by another county's); the supervisor's assignment comes back
// to the tablet; two tablets reporting a fix offline are both kept, the later flagged; an
// event the server refuses is set aside with its refusal code, kept, and does not hold back
// the op after it.
#include "domain/problemledger.h"
#include "serverprocess.h"
#include "storage/ledgerquery.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/publicproblemquery.h"
#include "syncdevice.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

using Device = SyncDevice;

const QString kVillage = QStringLiteral("411326105200"); // 淅川县
constexpr qint64 kDay = 24 * 3600 * 1000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ProblemEvent raiseAt(const QString &problemId)
{
    ProblemEvent e;
    e.problemId = problemId;
    e.action = ProblemAction::Raise;
    e.villageCode = kVillage;
    e.category = QStringLiteral("sanitation");
    e.severity = 2;
    e.comment = QStringLiteral("户厕粪污外溢");
    e.point.latitude = 32.9;
    e.point.longitude = 111.5;
    return e;
}

ProblemEvent assignTo(const QString &problemId, qint64 deadlineMs)
{
    ProblemEvent e;
    e.problemId = problemId;
    e.action = ProblemAction::Assign;
    e.responsibleKind = ResponsibleKind::Township;
    e.responsibleCode = kVillage.left(9);
    e.responsibleName = QStringLiteral("盛湾镇人民政府");
    e.deadlineMs = deadlineMs;
    return e;
}

ProblemEvent fixReport(const QString &problemId, const QString &comment)
{
    ProblemEvent e;
    e.problemId = problemId;
    e.action = ProblemAction::ReportFix;
    e.comment = comment;
    e.point.latitude = 32.9;
    e.point.longitude = 111.5;
    return e;
}

} // namespace

class TestLedgerSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    bool openDevice(Device *device, const QString &user)
    {
        QString error;
        const bool ok = device->open(m_dir.filePath(user + uuid() + ".db"), m_server->address(),
                                     user, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-inspector2", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("yx-supervisor", "supervisor", "420322"));
        QVERIFY(m_server->addUser("sw-supervisor", "supervisor", kVillage.left(9)));
        QVERIFY(m_server->addUser("kiosk-xichuan", "kiosk", "411326"));
        QVERIFY(m_server->start());
    }

    void aRaiseGoesOnceAndComesBackAssigned()
    {
        Device tablet, supervisor, otherCounty;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&otherCounty, "yx-supervisor"));
        ProblemRepository onTablet(tablet.db.connection());
        const QString id = uuid();
        QVERIFY2(onTablet.record(raiseAt(id)), qPrintable(onTablet.lastError()));

        SyncResult result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 1);
        QCOMPARE(OutboxRepository(tablet.db.connection()).pendingCount(), 0);
        result = tablet.sync(); // nothing left to send: it went exactly once
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 0);
        // Pulled back numbered and stamped by the server.
        std::optional<Problem> p = onTablet.problem(id);
        QVERIFY(p);
        QCOMPARE(p->history.size(), 1);
        QVERIFY(p->history.first().serverSeq > 0);
        QCOMPARE(p->history.first().author, QStringLiteral("xc-inspector"));
        QVERIFY(!p->history.first().ledgerMonth.isEmpty());
        QCOMPARE(p->raisedBy, QStringLiteral("xc-inspector"));

        // The county's supervisor pulls it and assigns it; another county's sees nothing.
        QVERIFY(supervisor.sync().ok);
        ProblemRepository onSupervisor(supervisor.db.connection());
        QVERIFY(onSupervisor.problem(id));
        QVERIFY(otherCounty.sync().ok);
        QVERIFY(!ProblemRepository(otherCounty.db.connection()).problem(id));
        const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + 30 * kDay;
        QVERIFY(onSupervisor.record(assignTo(id, deadline)));
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 1);

        QVERIFY(tablet.sync().ok);
        p = onTablet.problem(id);
        QCOMPARE(p->deadlineMs, deadline);
        QCOMPARE(p->responsibleName, QStringLiteral("盛湾镇人民政府"));
        QCOMPARE(p->history.size(), 2);
        QCOMPARE(onTablet.toFix({QStringLiteral("411326")}).size(), 1);
    }

    // Two tablets offline report a fix on one problem: both kept, the later flagged.
    void twoOfflineFixesAreBothKeptAndFlagged()
    {
        Device first, second, supervisor;
        QVERIFY(openDevice(&first, "xc-inspector"));
        QVERIFY(openDevice(&second, "xc-inspector2"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        const QString id = uuid();
        QVERIFY(ProblemRepository(first.db.connection()).record(raiseAt(id)));
        QVERIFY(first.sync().ok);
        ProblemRepository onSupervisor(supervisor.db.connection());
        QVERIFY(supervisor.sync().ok);
        QVERIFY(onSupervisor.record(assignTo(id, QDateTime::currentMSecsSinceEpoch() + 10 * kDay)));
        QVERIFY(supervisor.sync().ok);
        QVERIFY(first.sync().ok);
        QVERIFY(second.sync().ok);

        // Both based on the assignment; neither has seen the other's.
        QVERIFY(ProblemRepository(first.db.connection()).record(fixReport(id, "已清运")));
        QVERIFY(ProblemRepository(second.db.connection()).record(fixReport(id, "已修复盖板")));
        SyncResult result = first.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        result = second.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 1);
        QVERIFY(supervisor.sync().ok);
        const std::optional<Problem> p = onSupervisor.problem(id);
        QVERIFY(p);
        QCOMPARE(p->history.size(), 4);
        QCOMPARE(p->state, ProblemState::ToRecheck);
        QCOMPARE(p->conflicts, 1);
        QVERIFY(p->history.last().conflictWithServerSeq > 0);
    }

    // Fixed, re-checked on site, closed and published: the kiosk pulls the public copy and
    // the tallies; then the township signs its month off, naming every open problem.
    void closedPublishedAndSignedOff()
    {
        Device tablet, supervisor, township, kiosk;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        QVERIFY(openDevice(&township, "sw-supervisor"));
        QVERIFY(openDevice(&kiosk, "kiosk-xichuan"));
        kiosk.readOnly = true;
        ProblemRepository onTablet(tablet.db.connection());
        ProblemRepository onSupervisor(supervisor.db.connection());
        const QString id = uuid();
        QVERIFY(onTablet.record(raiseAt(id)));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        QVERIFY(onSupervisor.record(assignTo(id, QDateTime::currentMSecsSinceEpoch() + 10 * kDay)));
        QVERIFY(supervisor.sync().ok);
        QVERIFY(tablet.sync().ok);
        QVERIFY(onTablet.record(fixReport(id, QStringLiteral("已清运"))));
        ProblemEvent recheck;
        recheck.problemId = id;
        recheck.action = ProblemAction::Recheck;
        recheck.recheckPassed = true;
        recheck.point.latitude = 32.9003; // about 33 m from where it was found
        recheck.point.longitude = 111.5;
        QVERIFY(onTablet.record(recheck));
        SyncResult result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pushed, 2);
        QVERIFY(supervisor.sync().ok);
        QVERIFY(ProblemLedger::allowedActions(*onSupervisor.problem(id), AccountRole::Supervisor)
                    .contains(ProblemAction::Close));
        ProblemEvent close;
        close.problemId = id;
        close.action = ProblemAction::Close;
        QVERIFY(onSupervisor.record(close));
        ProblemEvent publish;
        publish.problemId = id;
        publish.action = ProblemAction::Publish;
        QVERIFY(onSupervisor.record(publish));
        result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.ledgerOpsSetAside, 0);
        const std::optional<Problem> closed = onSupervisor.problem(id);
        QCOMPARE(closed->state, ProblemState::Closed);
        QVERIFY(closed->closedAtMs > 0);
        QVERIFY(closed->published);

        result = kiosk.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        PublicProblemQuery shown(kiosk.db.connection());
        const std::optional<QList<PublicProblem>> copies = shown.latestClosed(50);
        QVERIFY(copies);
        const auto copy = std::find_if(copies->begin(), copies->end(),
                                       [&](const PublicProblem &p) { return p.problemId == id; });
        QVERIFY(copy != copies->end());
        QCOMPARE(copy->villageCode, kVillage);
        QCOMPARE(copy->closedAtMs, closed->closedAtMs);
        const std::optional<QList<ClosureTally>> tallies = shown.tallies();
        QVERIFY(tallies);
        const auto county
            = std::find_if(tallies->begin(), tallies->end(),
                           [](const ClosureTally &t) { return t.unitCode == "411326"; });
        QVERIFY(county != tallies->end());
        QVERIFY(county->closed >= 1);
        QVERIFY(county->raised >= county->closed);
        QVERIFY(!ProblemRepository(kiosk.db.connection()).problem(id)); // no events on kiosks

        // The township's supervisor signs the month off, naming the problems still open.
        QVERIFY(township.sync().ok);
        LedgerFilter open;
        open.unitCode = kVillage.left(9);
        LedgerSignoff signoff;
        signoff.townshipCode = kVillage.left(9);
        signoff.month = ProblemLedger::monthOf(QDateTime::currentMSecsSinceEpoch());
        signoff.level = SignoffLevel::Township;
        for (const LedgerRow &row : LedgerQuery(township.db.connection()).page(open, 0, 1000)) {
            if (row.state != ProblemState::Closed)
                signoff.acknowledgedOpenProblemIds << row.id;
        }
        ProblemRepository onTownship(township.db.connection());
        QVERIFY(onTownship.recordSignoff(signoff));
        result = township.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.ledgerOpsSetAside, 0);
        const QList<LedgerSignoff> signed_ = onTownship.signoffs(kVillage.left(9));
        QCOMPARE(signed_.size(), 1);
        QCOMPARE(signed_.first().signer, QStringLiteral("sw-supervisor"));
        QVERIFY(signed_.first().serverSeq > 0);
        // The county sees it; signing the same month again is refused and set aside.
        QVERIFY(supervisor.sync().ok);
        QCOMPARE(onSupervisor.signoffs(kVillage.left(9)).size(), 1);
        LedgerSignoff again = signoff;
        again.id.clear();
        QVERIFY(onTownship.recordSignoff(again));
        result = township.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.ledgerOpsSetAside, 1);
        const QList<SetAsideSignoff> aside = onTownship.setAsideSignoffs();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside.first().refusalCode, QStringLiteral("signoff_already"));
    }

    // A deadline already past when the server receives it: refused for good, set aside with
    // its code and kept; the assignment queued after it still goes.
    void aRefusedEventIsSetAsideWithItsCode()
    {
        Device tablet, supervisor;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        QVERIFY(openDevice(&supervisor, "xc-supervisor"));
        const QString id = uuid();
        QVERIFY(ProblemRepository(tablet.db.connection()).record(raiseAt(id)));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);

        ProblemRepository onSupervisor(supervisor.db.connection());
        const qint64 past = QDateTime::currentMSecsSinceEpoch() - kDay;
        QVERIFY(onSupervisor.record(assignTo(id, past)));
        QCOMPARE(onSupervisor.problem(id)->deadlineMs, past); // shown at once, until refused
        QVERIFY(onSupervisor.record(assignTo(id, QDateTime::currentMSecsSinceEpoch() + 5 * kDay)));
        const SyncResult result = supervisor.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.ledgerOpsSetAside, 1);
        QCOMPARE(OutboxRepository(supervisor.db.connection()).pendingCount(), 0);
        const QList<SetAsideProblemEvent> aside = onSupervisor.setAside();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside.first().event.deadlineMs, past);
        QCOMPARE(aside.first().refusalCode, QStringLiteral("deadline_in_past"));
        QCOMPARE(aside.first().refusalArgs.first(), QString::number(past));
        // The valid assignment went through and is what the problem shows.
        const std::optional<Problem> p = onSupervisor.problem(id);
        QVERIFY(p->deadlineMs > past);
        QCOMPARE(p->history.size(), 2);
        // The next sync does not send the refused one again.
        const SyncResult again = supervisor.sync();
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.pushed, 0);
        QCOMPARE(again.ledgerOpsSetAside, 0);
    }

    // The server answers role and scope with PERMISSION_DENIED and a field with
    // INVALID_ARGUMENT: final too, so set aside with their codes, never blocking the queue.
    void roleAndFieldRefusalsAreSetAsideToo()
    {
        Device tablet;
        QVERIFY(openDevice(&tablet, "xc-inspector"));
        ProblemRepository onTablet(tablet.db.connection());
        const QString id = uuid();
        QVERIFY(onTablet.record(raiseAt(id)));
        QVERIFY(tablet.sync().ok);
        ProblemEvent close; // 销号 is a supervisor's
        close.problemId = id;
        close.action = ProblemAction::Close;
        QVERIFY(onTablet.record(close));
        ProblemEvent noSeverity = raiseAt(uuid());
        noSeverity.severity = 0;
        QVERIFY(onTablet.record(noSeverity));
        QVERIFY(onTablet.record(fixReport(id, QStringLiteral("已整改"))));

        const SyncResult result = tablet.sync();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.ledgerOpsSetAside, 2);
        QCOMPARE(OutboxRepository(tablet.db.connection()).pendingCount(), 0);
        const QList<SetAsideProblemEvent> aside = onTablet.setAside();
        QCOMPARE(aside.size(), 2);
        QCOMPARE(aside.at(0).refusalCode, QStringLiteral("role_cannot_act"));
        QCOMPARE(aside.at(1).refusalCode, QStringLiteral("problem_event_invalid"));
        QCOMPARE(aside.at(1).refusalArgs, QStringList {QStringLiteral("severity")});
        QVERIFY(!onTablet.problem(noSeverity.problemId)); // its Raise refused: off the lists
        QCOMPARE(onTablet.problem(id)->state, ProblemState::ToRecheck); // the fix went through
    }
};

QTEST_MAIN(TestLedgerSync)
#include "tst_ledgersync.moc"
