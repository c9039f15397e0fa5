// The server's PostgreSQL database restored from a dump (pg_dump -Fc, then DROP DATABASE and
// pg_restore), as an administrator brings it back after a loss: the restored database keeps
// its epoch, and two servers on it hand the lost numbers out again to new changes. Every
// device notices by the fingerprint of the change its mark names and re-converges exactly
// once: nothing lost, nothing stored twice; a supervisor's decisions the dump lacks are sent
// again. Real server processes, the run's cluster.
#include "pgtestdatabase.h"
#include "restoredevices.h"
#include "serverprocess.h"
#include "storage/outboxrepository.h"
#include "testlogin.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

// Runs a PostgreSQL client program: true on exit code 0 (*output: what it printed), or false
// with *error.
bool runClient(const QString &program, const QStringList &args, QString *error,
               QString *output = nullptr)
{
    QProcess p;
    p.start(kBin + program, args);
    if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        if (output)
            *output = QString::fromUtf8(p.readAllStandardOutput());
        return true;
    }
    *error = QStringLiteral("%1: %2 %3")
                 .arg(program, p.errorString(), QString::fromUtf8(p.readAllStandardError()));
    return false;
}

// The database name in a postgresql:// URL.
QString databaseName(const QString &url)
{
    const qsizetype query = url.indexOf(QLatin1Char('?'));
    const qsizetype slash = url.lastIndexOf(QLatin1Char('/'), query < 0 ? -1 : query);
    return url.mid(slash + 1, query < 0 ? -1 : query - slash - 1);
}

// The rows psql prints for a query, one string per row (fields joined by '|').
QStringList serverRows(const QString &url, const QString &sql)
{
    QString error, output;
    if (!runClient(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-d"), url,
                    QStringLiteral("-c"), sql},
                   &error, &output))
        return {error};
    return output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// {revisions, distinct records} the server's database holds.
QPair<int, int> serverCounts(const QString &url)
{
    const QStringList rows = serverRows(
        url,
        QStringLiteral("SELECT count(*) || ',' || count(DISTINCT record_id) FROM record_revision"));
    const QStringList counts = rows.value(0).split(QLatin1Char(','));
    return counts.size() == 2 ? qMakePair(counts[0].toInt(), counts[1].toInt()) : qMakePair(-1, -1);
}

// The database at url dropped and created again empty, then restored from the dump.
bool restoreDump(const QString &url, const QString &dump, QString *error)
{
    const QString name = databaseName(url);
    return runClient(QStringLiteral("psql"),
                     {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"),
                      qEnvironmentVariable("QS_TEST_PG_URL"), QStringLiteral("-c"),
                      QStringLiteral("DROP DATABASE %1").arg(name), QStringLiteral("-c"),
                      QStringLiteral("CREATE DATABASE %1").arg(name)},
                     error)
        && runClient(QStringLiteral("pg_restore"),
                     {QStringLiteral("--exit-on-error"), QStringLiteral("-d"), url, dump}, error);
}

bool dumpTo(const QString &url, const QString &dump, QString *error)
{
    return runClient(QStringLiteral("pg_dump"),
                     {QStringLiteral("-Fc"), QStringLiteral("-f"), dump, QStringLiteral("-d"), url},
                     error);
}

} // namespace

class TestPgRestore : public QObject {
    Q_OBJECT

private slots:
    void restoringADumpIsNoticedByEveryDevice()
    {
        PgTestDatabase database(QStringLiteral("restore"));
        QString error;
        QVERIFY2(database.create(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString dump = dir.filePath("server.dump");
        const QString tabletA = dir.filePath("a.db"), tabletB = dir.filePath("b.db");
        const QString tabletC = dir.filePath("c.db"), supervisor = dir.filePath("sup.db");
        const QStringList blobs {QStringLiteral("--blobs"), dir.filePath("blobs")};
        // Two servers on the one database; A and the supervisor use the first, B and C the
        // second.
        ServerProcess first(database.url()), second(database.url());
        QVERIFY2(first.start(blobs), qPrintable(first.errorOutput()));
        QVERIFY2(second.start(blobs), qPrintable(second.errorOutput()));
        QVERIFY2(first.addUser("inspector", "inspector", "420322"),
                 qPrintable(first.adminOutput()));
        QVERIFY(first.addUser("supervisor", "supervisor", "420322"));
        QVERIFY2(logInStore(tabletA, first.address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(tabletB, second.address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisor, first.address(), "supervisor", &error), qPrintable(error));

        // 1. A sends 20 records, B 10; the supervisor has them. The database is dumped while
        // the servers run.
        QVERIFY(submitRecords(tabletA, 20, "420322100200"));
        QVERIFY(syncStore(tabletA, first.address()).ok);
        QVERIFY(submitRecords(tabletB, 10, "420322101201"));
        QVERIFY(syncStore(tabletB, second.address()).ok);
        QVERIFY(syncStore(supervisor, first.address()).ok);
        QCOMPARE(recordsIn(supervisor), 30);
        QVERIFY2(dumpTo(database.url(), dump, &error), qPrintable(error));
        const QString epoch = first.epoch();

        // 2. Syncing goes on: A 15 more (synced); B 5 more, whose pull is cut off after the
        // push; the supervisor has all 50.
        QVERIFY(submitRecords(tabletA, 15, "420322100200"));
        QVERIFY(syncStore(tabletA, first.address()).ok);
        QVERIFY(submitRecords(tabletB, 5, "420322101201"));
        const SyncResult pushedB = pushOnly(tabletB, second.address());
        QVERIFY2(pushedB.ok, qPrintable(pushedB.error));
        QCOMPARE(pushedB.pushed, 5);
        SyncResult sup = syncStore(supervisor, first.address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(recordsIn(supervisor), 50);
        QCOMPARE(serverCounts(database.url()), qMakePair(50, 50));

        // 3. The servers stop; the database is dropped and restored from the dump; they start.
        first.stop();
        second.stop();
        QVERIFY2(restoreDump(database.url(), dump, &error), qPrintable(error));
        QVERIFY2(first.start(blobs), qPrintable(first.errorOutput()));
        QVERIFY2(second.start(blobs), qPrintable(second.errorOutput()));
        QCOMPARE(first.epoch(), epoch); // nothing tells the servers it was restored
        QCOMPARE(second.epoch(), epoch);
        QCOMPARE(serverCounts(database.url()), qMakePair(30, 30));

        // 4. A new tablet sends 25 records: they take the lost numbers 31..50 and go on to
        // 55, past every old device's cursor and mark. It knows only this history.
        QVERIFY2(logInStore(tabletC, second.address(), "inspector", &error), qPrintable(error));
        QVERIFY(submitRecords(tabletC, 25, "420322100200"));
        const SyncResult c = syncStore(tabletC, second.address());
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(c.historyChanges, 0);
        QCOMPARE(serverCounts(database.url()), qMakePair(55, 55));

        // 5. A has 3 new records waiting. Its push names a mark of the lost history: refused,
        // nothing of it stored.
        QVERIFY(submitRecords(tabletA, 3, "420322100200"));
        const SyncResult refusedA = pushOnly(tabletA, first.address());
        QVERIFY2(refusedA.ok, qPrintable(refusedA.error));
        QCOMPARE(refusedA.pushed, 0);
        QCOMPARE(serverCounts(database.url()), qMakePair(55, 55));

        // 6. Every old device re-converges, once, whichever server it talks to.
        const SyncResult a = syncStore(tabletA, first.address());
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.historyChanges, 1);
        QCOMPARE(a.requeued, 35); // the 3 waiting were queued already
        QCOMPARE(a.pushed, 38);
        const SyncResult b = syncStore(tabletB, second.address());
        QVERIFY2(b.ok, qPrintable(b.error));
        QCOMPARE(b.historyChanges, 1);
        QCOMPARE(b.requeued, 15);
        sup = syncStore(supervisor, second.address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.historyChanges, 1);
        QCOMPARE(sup.requeued, 0);
        QCOMPARE(serverCounts(database.url()), qMakePair(78, 78));
        for (const QString &store : {tabletA, tabletB, tabletC, supervisor}) {
            const SyncResult again = syncStore(store, first.address());
            QVERIFY2(again.ok, qPrintable(again.error));
            QCOMPARE(again.historyChanges, 0);
            QCOMPARE(again.pushed, 0);
        }
        QCOMPARE(serverCounts(database.url()), qMakePair(78, 78));

        // 7. Nothing lost, nothing twice: the supervisor and a fresh desk hold exactly the
        // server's records, each tablet's own are all there, every outbox is empty.
        const QString fresh = dir.filePath("fresh.db");
        QVERIFY(logInStore(fresh, first.address(), "supervisor", &error));
        QVERIFY(syncStore(fresh, first.address()).ok);
        const QStringList onServer = recordIdsIn(fresh);
        QCOMPARE(onServer.size(), 78);
        QCOMPARE(recordIdsIn(supervisor), onServer);
        for (const QString &tablet : {tabletA, tabletB, tabletC}) {
            for (const QString &id : recordIdsIn(tablet))
                QVERIFY2(onServer.contains(id), qPrintable(id));
            Database db;
            QVERIFY(db.open(tablet));
            QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 0);
        }
    }
    // A supervisor's decisions acknowledged after the dump was taken are sent again, once,
    // after it is restored; one whose revision went with the lost history (its number now
    // names a re-sent revision with another fingerprint) is set aside, not applied to it.
    void acknowledgedDecisionsAreSentAgainAfterADumpRestore()
    {
        PgTestDatabase database(QStringLiteral("decisions"));
        QString error;
        QVERIFY2(database.create(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString dump = dir.filePath("server.dump");
        const QString tablet = dir.filePath("tablet.db"), supervisor = dir.filePath("sup.db");
        const QStringList blobs {QStringLiteral("--blobs"), dir.filePath("blobs")};
        // The tablet uses the first server, the supervisor the second.
        ServerProcess first(database.url()), second(database.url());
        QVERIFY2(first.start(blobs), qPrintable(first.errorOutput()));
        QVERIFY2(second.start(blobs), qPrintable(second.errorOutput()));
        QVERIFY(first.addUser("inspector", "inspector", "420322"));
        QVERIFY(first.addUser("supervisor", "supervisor", "420322"));
        QVERIFY2(logInStore(tablet, first.address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisor, second.address(), "supervisor", &error), qPrintable(error));
        const QString reviewIds = QStringLiteral("SELECT id FROM review_event ORDER BY server_seq");

        // Three records; the first approved; the nightly dump is taken while the servers run.
        QVERIFY(submitRecords(tablet, 3, "420322100200"));
        QVERIFY(syncStore(tablet, first.address()).ok);
        QVERIFY(syncStore(supervisor, second.address()).ok);
        const QStringList records = recordIdsIn(supervisor);
        QCOMPARE(records.size(), 3);
        const QString approveFirst = decide(supervisor, records[0], ReviewDecision::Approve);
        QVERIFY(!approveFirst.isEmpty());
        QVERIFY(syncStore(supervisor, second.address()).ok);
        QVERIFY2(dumpTo(database.url(), dump, &error), qPrintable(error));

        // The next day: a fourth record; the supervisor publishes the first, approves the
        // second and the fourth, returns the third.
        QVERIFY(submitRecords(tablet, 1, "420322100200"));
        QVERIFY(syncStore(tablet, first.address()).ok);
        QVERIFY(syncStore(supervisor, second.address()).ok);
        const QStringList allRecords = recordIdsIn(supervisor);
        QCOMPARE(allRecords.size(), 4);
        QString fourth;
        for (const QString &id : allRecords)
            fourth = records.contains(id) ? fourth : id;
        const QString publishFirst = decide(supervisor, records[0], ReviewDecision::Publish);
        const QString approveSecond = decide(supervisor, records[1], ReviewDecision::Approve);
        const QString returnThird = decide(supervisor, records[2], ReviewDecision::Return);
        const QString approveFourth = decide(supervisor, fourth, ReviewDecision::Approve);
        for (const QString &id : {publishFirst, approveSecond, returnThird, approveFourth})
            QVERIFY(!id.isEmpty());
        SyncResult sup = syncStore(supervisor, second.address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.pushed, 4);
        QCOMPARE(
            serverRows(database.url(), reviewIds),
            QStringList({approveFirst, publishFirst, approveSecond, returnThird, approveFourth}));

        // The dump goes back: it knows only the first approval.
        first.stop();
        second.stop();
        QVERIFY2(restoreDump(database.url(), dump, &error), qPrintable(error));
        QVERIFY2(first.start(blobs), qPrintable(first.errorOutput()));
        QVERIFY2(second.start(blobs), qPrintable(second.errorOutput()));
        QCOMPARE(serverRows(database.url(), reviewIds), QStringList {approveFirst});

        // The tablet re-sends its records (the fourth takes the number it had, with a new
        // fingerprint); the supervisor's five acknowledged decisions are queued again, and
        // the fourth's is set aside: it names the lost revision's fingerprint.
        QVERIFY(syncStore(tablet, first.address()).ok);
        sup = syncStore(supervisor, second.address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.reviewsRequeued, 5);
        QCOMPARE(sup.reviewsSetAside, 1);
        QCOMPARE(serverRows(database.url(), reviewIds),
                 QStringList({approveFirst, publishFirst, approveSecond, returnThird}));
        QCOMPARE(serverRows(database.url(),
                            QStringLiteral("SELECT record_id FROM public_record ORDER BY 1")),
                 QStringList {records[0]});
        {
            Database db;
            QVERIFY(db.open(supervisor));
            OutboxRepository outbox(db.connection());
            QCOMPARE(outbox.pendingCount(), 0);
            const QList<SetAsideReview> aside = outbox.setAsideReviews();
            QCOMPARE(aside.size(), 1);
            QCOMPARE(aside[0].reviewId, approveFourth);
            QCOMPARE(aside[0].recordId, fourth);
        }
        // Once: the next sync, through the other server, sends nothing.
        sup = syncStore(supervisor, first.address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.pushed, 0);
        QCOMPARE(sup.reviewsRequeued, 0);
        QCOMPARE(serverRows(database.url(), reviewIds).size(), 4);
        // The tablet sees the decisions again.
        QVERIFY(syncStore(tablet, second.address()).ok);
        Database db;
        QVERIFY(db.open(tablet));
        RecordRepository onTablet(db.connection());
        QCOMPARE(onTablet.find(records[1])->status, RecordStatus::Approved);
        QCOMPARE(onTablet.find(records[2])->status, RecordStatus::Returned);
    }
};

QTEST_GUILESS_MAIN(TestPgRestore)
#include "tst_pgrestore.moc"
