// The ledger on an inspector's tablet and a supervisor's desk (LedgerController): problems
// raised from a form, the lists to fix and to re-check in their order with the way there from
// the replayed GPS, steps refused locally in the user's words with nothing stored, a stored
// step waiting in the outbox, evidence photos. The stores are logged in to a real server (the
// account's role and scope come from its login); the server is stopped before the services
// start, so that nothing leaves the outbox while a test looks at it.
#include "controllers/formcontroller.h"
#include "controllers/ledgercontroller.h"
#include "controllers/positionstatus.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "positioning/positionprovider.h"
#include "pulledproblems.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/pulledpagewriter.h"
#include "testlogin.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr const char *kVillage = "411326105200";
// The replayed log circles about 3 m around this point (app/data/nmea/README.md).
constexpr double kReplayLat = 33.13782;
constexpr double kReplayLon = 111.49096;

QVariantMap pointAt(double lat, double lon)
{
    return {{"lat", lat},
            {"lon", lon},
            {"alt", 150.0},
            {"accuracy_m", 4.0},
            {"fix_time_ms", 1760000000000.0},
            {"source", "gps"},
            {"fixes_averaged", 5}};
}

QImage scene()
{
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(QColor(90, 140, 60));
    return image;
}

} // namespace

class TestLedgerController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_inspectorStores;
    QStringList m_supervisorStores;
    std::unique_ptr<ServiceHost> m_host;
    int m_next = 0;

    LedgerController *ledger() { return m_host->services()->ledger; }
    FormController *form() { return m_host->services()->form; }
    QSqlDatabase db() { return m_host->database()->connection(); }

    bool startFace(const QString &mode, const QString &store, const QString &nmea = {})
    {
        m_host = std::make_unique<ServiceHost>();
        if (!m_host->start({mode, store, {}, nmea, false, "zh_CN"})) {
            qWarning() << m_host->error();
            return false;
        }
        return true;
    }
    // Raised by the form: a failing answer raises a problem by itself on submit.
    QString raiseBySubmit(const QVariantMap &point)
    {
        if (!form()->startNew("sanitation.toilet", kVillage))
            return {};
        form()->setAnswer("A1", false);
        form()->setAnswer("A4", true);
        form()->setAnswer("A5", false);
        form()->setAnswer("A6_checked", 8);
        form()->setAnswer("A6_sanitary", 3);
        form()->setAnswer("location", point);
        if (!form()->submit().isEmpty())
            return {};
        const QList<Problem> raised = ProblemRepository(db()).ofRecord(form()->recordId());
        return raised.size() == 1 ? raised.first().id : QString();
    }
    bool waitForFix()
    {
        m_host->positionProvider()->start();
        return QTest::qWaitFor([this] { return m_host->services()->position->hasFix(); }, 20000);
    }

private slots:
    void initTestCase()
    {
        // Each test's store is logged in now, while the server runs.
        ServerProcess server(m_dir.filePath("server.db"));
        QVERIFY2(server.addUser("wangfang", "inspector", "411326")
                     && server.addUser("zhaomin", "supervisor", "411326") && server.start(),
                 qPrintable(server.adminOutput()));
        for (int i = 0; i < 8; ++i) {
            QString error;
            m_inspectorStores << m_dir.filePath(QStringLiteral("inspector%1.db").arg(i));
            QVERIFY2(logInStore(m_inspectorStores.last(), server.address(), "wangfang", &error),
                     qPrintable(error));
            m_supervisorStores << m_dir.filePath(QStringLiteral("supervisor%1.db").arg(i));
            QVERIFY2(logInStore(m_supervisorStores.last(), server.address(), "zhaomin", &error),
                     qPrintable(error));
        }
    }
    void init() { QVERIFY(m_next < m_inspectorStores.size()); }
    void cleanup()
    {
        m_host.reset();
        ++m_next;
    }

    void problemsRaisedOnTheFormAreToFix()
    {
        QVERIFY(startFace("inspector", m_inspectorStores.at(m_next)));
        QSignalSpy lists(ledger(), &LedgerController::listsChanged);
        const QString bySubmit = raiseBySubmit(pointAt(kReplayLat, kReplayLon));
        QVERIFY(!bySubmit.isEmpty());
        // Raised by hand on another question of the same record.
        QCOMPARE(form()->raiseProblem("A5", QStringLiteral("化粪池未加盖"), 3), QString());
        QCOMPARE(ProblemRepository(db()).ofRecord(form()->recordId()).size(), 2);
        ledger()->reload();
        QVERIFY(!lists.isEmpty());
        QCOMPARE(ledger()->toFix().size(), 2);
        QVERIFY(ledger()->toRecheck().isEmpty());
        QCOMPARE(ledger()->openCount(), 2);
        QCOMPARE(ledger()->overdueCount(), 0);
        for (const ProblemLine &line : ledger()->toFix()) {
            QVERIFY(line.pending); // raised here, not sent yet
            QVERIFY(!line.overdue);
            QCOMPARE(line.deadlineText, QString());
        }
        // The record and both problems wait in the outbox.
        QCOMPARE(OutboxRepository(db()).pendingCount(), 3);
    }

    void overdueFirstThenByDeadline()
    {
        // Raised by another inspector, assigned by the supervisor: as the sync brings them.
        PulledProblems pulled;
        pulled.assign(pulled.raise(kVillage, "远期"), kVillage, 30);
        pulled.assign(pulled.raise(kVillage, "已逾期"), kVillage, -2);
        pulled.assign(pulled.raise(kVillage, "近期"), kVillage, 3);
        const PulledPage page = pulled.page();
        {
            Database store;
            QVERIFY(store.open(m_inspectorStores.at(m_next)));
            QVERIFY(PulledPageWriter(store.connection()).apply(page));
        }
        QVERIFY(startFace("inspector", m_inspectorStores.at(m_next)));
        QVERIFY(!raiseBySubmit(pointAt(kReplayLat, kReplayLon)).isEmpty());
        ledger()->reload();
        QStringList order;
        for (const ProblemLine &line : ledger()->toFix())
            order << line.description;
        // Not assigned yet: no deadline, last.
        QCOMPARE(order, (QStringList {"已逾期", "近期", "远期", "该户无无害化卫生厕所"}));
        QVERIFY(ledger()->toFix().first().overdue);
        QVERIFY(!ledger()->toFix().first().pending);
        QCOMPARE(ledger()->overdueCount(), 1);
        QCOMPARE(ledger()->toFix().at(1).responsibleText.isEmpty(), false);
    }

    void theWayThereFromTheReplayedFix()
    {
        QVERIFY(startFace("inspector", m_inspectorStores.at(m_next),
                          QStringLiteral(QS_NMEA_DIR "/good_fix_short.nmea")));
        // About 330 m north and 340 m east of where the tablet circles.
        const QString id = raiseBySubmit(pointAt(kReplayLat + 0.003, kReplayLon + 0.0036));
        QVERIFY(!id.isEmpty());
        ledger()->reload();
        QVERIFY(!ledger()->toFix().first().hasWay); // no fix yet
        QVERIFY(waitForFix());
        ledger()->reload();
        const ProblemLine line = ledger()->toFix().first();
        QVERIFY(line.hasWay);
        QVERIFY2(line.wayText.startsWith(QStringLiteral("东北 ")), qPrintable(line.wayText));
        QVERIFY2(line.wayText.endsWith(QStringLiteral(" 米")), qPrintable(line.wayText));
        QVERIFY(ledger()->open(id));
        QVERIFY(ledger()->distanceToCurrent() > 400 && ledger()->distanceToCurrent() < 550);
        QCOMPARE(ledger()->wayToCurrent(), line.wayText);
    }

    void fixWithoutPhotoAndRecheckFarAwayAreRefused()
    {
        QVERIFY(startFace("inspector", m_inspectorStores.at(m_next),
                          QStringLiteral(QS_NMEA_DIR "/good_fix_short.nmea")));
        const QString id = raiseBySubmit(pointAt(kReplayLat + 0.003, kReplayLon + 0.0036));
        QVERIFY(!id.isEmpty());
        QVERIFY(waitForFix());
        QVERIFY(ledger()->open(id));
        const int queued = OutboxRepository(db()).pendingCount();
        const int steps = ProblemRepository(db()).problem(id)->history.size();

        // A fix without a photo of it
        QVERIFY(!ledger()->reportFix(QStringLiteral("已改厕")));
        QCOMPARE(ledger()->lastError(), QStringLiteral("请先拍摄整改后的照片"));
        QCOMPARE(ProblemRepository(db()).problem(id)->history.size(), steps);
        // A re-check before any fix: the ledger's own words
        QVERIFY(!ledger()->recheck(true, "", ""));
        QVERIFY(!ledger()->lastError().isEmpty());
        QCOMPARE(OutboxRepository(db()).pendingCount(), queued);

        // The fix with its photo is stored and waits in the outbox.
        QCOMPARE(ledger()->addEvidencePhotoFromImage(scene()), QString());
        QCOMPARE(ledger()->evidencePhotos().size(), 1);
        QVERIFY2(ledger()->reportFix(QStringLiteral("已改厕")), qPrintable(ledger()->lastError()));
        QCOMPARE(ledger()->lastError(), QString());
        QVERIFY(ledger()->evidencePhotos().isEmpty());
        QCOMPARE(ProblemRepository(db()).problem(id)->state, ProblemState::ToRecheck);
        QVERIFY(ledger()->current().history.last().pending);
        QVERIFY(OutboxRepository(db()).pendingCount() > queued);
        QVERIFY(ledger()->toFix().isEmpty());
        QCOMPARE(ledger()->toRecheck().size(), 1);

        // Re-checked some 470 m away without a reason: refused, nothing stored.
        const int before = ProblemRepository(db()).problem(id)->history.size();
        const int queuedBefore = OutboxRepository(db()).pendingCount();
        QVERIFY(!ledger()->recheck(true, QStringLiteral("已整改"), ""));
        QVERIFY2(ledger()->lastError().startsWith(QStringLiteral("复查地点不在问题现场")),
                 qPrintable(ledger()->lastError()));
        QCOMPARE(ProblemRepository(db()).problem(id)->history.size(), before);
        QCOMPARE(OutboxRepository(db()).pendingCount(), queuedBefore);
        // With the reason it is stored.
        QVERIFY2(ledger()->recheck(true, QStringLiteral("已整改"), QStringLiteral("道路塌方")),
                 qPrintable(ledger()->lastError()));
        QVERIFY(ProblemRepository(db()).problem(id)->recheckPassed);
        // An inspector does not close (销号): the supervisor does.
        QVERIFY(!ledger()->current().actions.contains("close"));
        QVERIFY(!ledger()->close(""));
        QVERIFY(ledger()->lastError().startsWith(QStringLiteral("此账号不能对问题执行此操作")));
        QCOMPARE(ProblemRepository(db()).problem(id)->state, ProblemState::ToRecheck);
    }

    void supervisorsPastDeadlineAndEarlyCloseAreRefused()
    {
        // The problem an inspector raised arrives at the supervisor's desk by a pull.
        PulledProblems pulled;
        const QString id = pulled.raise(kVillage, "厕屋破损");
        const PulledPage page = pulled.page();
        {
            Database store;
            QVERIFY(store.open(m_supervisorStores.at(m_next)));
            QVERIFY(PulledPageWriter(store.connection()).apply(page));
        }
        QVERIFY(startFace("supervisor", m_supervisorStores.at(m_next)));
        QVERIFY(ledger()->open(id));
        QVERIFY(ledger()->current().actions.contains("assign"));
        const int queued = OutboxRepository(db()).pendingCount();

        const QString yesterday = QDate::currentDate().addDays(-2).toString("yyyy-MM-dd");
        QVERIFY(!ledger()->assign(2, "", "", yesterday));
        QVERIFY2(ledger()->lastError().contains(QStringLiteral("已过")),
                 qPrintable(ledger()->lastError()));
        QVERIFY(!ledger()->assign(2, "", "", "2026-13-40"));
        QCOMPARE(ledger()->lastError(), QStringLiteral("请填写整改期限（年-月-日）"));
        QVERIFY(!ledger()->close(QStringLiteral("已整改")));
        QVERIFY2(ledger()->lastError().contains(QStringLiteral("尚未复查通过")),
                 qPrintable(ledger()->lastError()));
        QCOMPARE(ProblemRepository(db()).problem(id)->history.size(), 1);
        QCOMPARE(OutboxRepository(db()).pendingCount(), queued);

        // A deadline ahead is stored, queued, and names the problem's own village.
        const QString nextWeek = QDate::currentDate().addDays(7).toString("yyyy-MM-dd");
        QSignalSpy recorded(ledger(), &LedgerController::recorded);
        QVERIFY2(ledger()->assign(2, "", "", nextWeek), qPrintable(ledger()->lastError()));
        QCOMPARE(recorded.size(), 1);
        const Problem stored = *ProblemRepository(db()).problem(id);
        QCOMPARE(stored.responsibleCode, QString(kVillage));
        QVERIFY(!stored.responsibleName.isEmpty());
        QVERIFY(stored.deadlineMs > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(ledger()->current().history.last().pending);
        QCOMPARE(OutboxRepository(db()).pendingCount(), queued + 1);
    }

    void evidencePhotosImportAndACorruptFileIsRefused()
    {
        QVERIFY(startFace("inspector", m_inspectorStores.at(m_next)));
        // Without an open problem there is nothing to take evidence for.
        QVERIFY(!ledger()->addEvidencePhotoFromImage(scene()).isEmpty());
        const QString id = raiseBySubmit(pointAt(kReplayLat, kReplayLon));
        QVERIFY(ledger()->open(id));

        const QString jpeg = m_dir.filePath("after.jpg");
        QVERIFY(scene().save(jpeg, "JPG"));
        QSignalSpy evidence(ledger(), &LedgerController::evidenceChanged);
        QCOMPARE(ledger()->addEvidencePhotoFromFile(QUrl::fromLocalFile(jpeg).toString()),
                 QString());
        QCOMPARE(evidence.size(), 1);
        const QString sha = ledger()->evidencePhotos().value(0);
        QCOMPARE(sha.size(), 64);
        QVERIFY(!ledger()->photoUrl(sha).isEmpty());
        QVERIFY(!ledger()->thumbnailUrl(sha).isEmpty());

        QFile corrupt(m_dir.filePath("corrupt.jpg"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("\xff\xd8\xff\xe0 not really a jpeg");
        corrupt.close();
        QVERIFY(!ledger()->addEvidencePhotoFromFile(corrupt.fileName()).isEmpty());
        QCOMPARE(ledger()->evidencePhotos(), QStringList {sha});

        // Evidence belongs to its problem: removed by hand, or dropped on opening another.
        ledger()->removeEvidencePhoto(sha);
        QVERIFY(ledger()->evidencePhotos().isEmpty());
        QCOMPARE(ledger()->addEvidencePhotoFromImage(scene()), QString());
        const QString other = raiseBySubmit(pointAt(kReplayLat, kReplayLon));
        QVERIFY(ledger()->open(other));
        QVERIFY(ledger()->evidencePhotos().isEmpty());
    }
};

QTEST_MAIN(TestLedgerController)
#include "tst_ledgercontroller.moc"
