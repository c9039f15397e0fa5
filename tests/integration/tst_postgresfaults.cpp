// PostgreSQL failing under a running qingshui-server, with real processes: the server's
// connections cut in the middle of a push and of a pull, the whole cluster stopped and started
// again, the account's connection limit reached. Each time the tablet gets a clear refusal
// from a server that keeps running, retries, and in the end every record is on the server —
// and on the supervisor's desk — exactly once. Runs on the PostgreSQL backend only
// (tests/backends.cmake registers it with the cluster fixture).
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "testlogin.h"
#include "throwawaycluster.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <unistd.h>

namespace {

constexpr int kRecords = 2500; // two push batches, several pull pages
constexpr const char *kHolder = "qs_test_holder"; // application_name of the test's sessions

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString clusterUrl()
{
    return qEnvironmentVariable("QS_TEST_PG_URL");
}

bool fillDevice(const QString &path, int n)
{
    Database db;
    if (!db.open(path))
        return false;
    RecordRepository records(db.connection());
    const QString device = SyncMetaRepository(db.connection()).deviceId();
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = r.category = QStringLiteral("ecology");
        r.villageCode = QStringLiteral("420322100200");
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = QStringLiteral("{\"answers\":{\"note\":\"%1 %2\"}}")
                        .arg(i)
                        .arg(QString(400, QLatin1Char('x')))
                        .toUtf8();
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return false;
    }
    return true;
}

int pendingOnDevice(const QString &path)
{
    Database db;
    return db.open(path) ? OutboxRepository(db.connection()).pendingCount() : -1;
}

int recordsOnDevice(const QString &path)
{
    Database db;
    return db.open(path) ? RecordRepository(db.connection()).count() : -1;
}

// {revisions, distinct records} on the server.
QPair<int, int> serverCounts(const QString &path)
{
    const QList<QStringList> rows = serverStoreRows(
        path, QStringLiteral("SELECT count(*), count(DISTINCT record_id) FROM record_revision"));
    if (rows.size() != 1 || rows.first().size() != 2)
        return {-1, -1};
    return {rows.first().at(0).toInt(), rows.first().at(1).toInt()};
}

// One sync in a process of its own (syncdriver), as the app's sync thread runs it.
struct SyncRun {
    bool ok = false;
    QString refusal; // the code the server refused with, if it did
    QString error;
};

SyncRun finish(QProcess &driver)
{
    SyncRun run;
    if (!driver.waitForFinished(120000))
        driver.kill();
    run.error = QString::fromUtf8(driver.readAllStandardError());
    run.ok = driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0;
    static const QRegularExpression refusal(QStringLiteral("^refusal: (\\S+)$"),
                                            QRegularExpression::MultilineOption);
    run.refusal = refusal.match(run.error).captured(1);
    return run;
}

void startSync(QProcess &driver, const QString &device, const QString &address)
{
    driver.start(QStringLiteral(QS_SYNCDRIVER_PATH), {device, address});
}

SyncRun syncOnce(const QString &device, const QString &address)
{
    QProcess driver;
    startSync(driver, device, address);
    return finish(driver);
}

// The tablet's retries after a failure, as its back-off would make them (a server may find
// more than one of its pooled connections dead before it has reconnected them all).
SyncRun syncUntilDone(const QString &device, const QString &address, int attempts = 3)
{
    SyncRun run;
    for (int i = 0; i < attempts && !run.ok; ++i)
        run = syncOnce(device, address);
    return run;
}

// A psql session of the test's own, kept open: it holds locks and connection slots.
class PsqlSession {
public:
    bool open(const QString &url)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGAPPNAME"), QString::fromLatin1(kHolder));
        m_psql.setProcessEnvironment(env);
        m_psql.start(TestBackend::psqlPath(),
                     {"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url});
        return m_psql.waitForStarted() && run(QStringLiteral("SELECT 1"));
    }
    // Runs sql and waits until psql has done it.
    bool run(const QString &sql)
    {
        const QByteArray mark = "done-" + QByteArray::number(++m_statements);
        m_psql.write((sql + QStringLiteral(";\nSELECT '") + QString::fromLatin1(mark)
                      + QStringLiteral("';\n"))
                         .toUtf8());
        QByteArray out;
        while (!out.contains(mark) && m_psql.state() == QProcess::Running
               && m_psql.waitForReadyRead(30000))
            out += m_psql.readAllStandardOutput();
        return out.contains(mark);
    }
    void close()
    {
        m_psql.closeWriteChannel();
        if (!m_psql.waitForFinished(10000))
            m_psql.kill();
    }
    ~PsqlSession() { close(); }

private:
    QProcess m_psql;
    int m_statements = 0;
};

// Every connection to the server's database but this test's own sessions, ended as an
// administrator's pg_terminate_backend (or a failover) ends them. Returns how many.
int cutServerConnections(const QString &serverDb)
{
    return serverStoreCount(
        serverDb,
        QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                       "datname = current_database() AND pid <> pg_backend_pid() AND "
                       "application_name <> '%1'")
            .arg(QLatin1String(kHolder)));
}

// Waits until a statement of the server's waits for a lock the test holds.
bool serverWaitsForLock(const QString &serverDb)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60000) {
        if (serverStoreCount(serverDb,
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                            "datname = current_database() AND "
                                            "wait_event_type = 'Lock'"))
            > 0)
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class TestPostgresFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A server on this store with an inspector (the tablet, logged in) and a supervisor.
    bool startServer(ServerProcess &server, const QString &tablet)
    {
        QString error;
        return server.start() && server.addUser("inspector", "inspector", "420322")
            && server.addUser("supervisor", "supervisor", "420322")
            && logInStore(tablet, server.address(), "inspector", &error);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(TestBackend::isPostgres() && !clusterUrl().isEmpty(),
                 "run through ctest: QS_TEST_BACKEND=postgres and the cluster fixture");
    }

    // The server's transaction for a batch waits on a lock; its connection is cut.
    void connectionCutInMidPush()
    {
        const QString serverDb = m_dir.filePath("push.db");
        const QString tablet = m_dir.filePath("push-tablet.db");
        QVERIFY(fillDevice(tablet, kRecords));
        ServerProcess server(serverDb);
        QVERIFY2(startServer(server, tablet), qPrintable(server.errorOutput()));

        PsqlSession holder;
        QVERIFY(holder.open(TestBackend::dbArgument(serverDb)));
        QVERIFY(holder.run("BEGIN; LOCK TABLE record_revision IN ACCESS EXCLUSIVE MODE"));
        QProcess driver;
        startSync(driver, tablet, server.address());
        QVERIFY(serverWaitsForLock(serverDb));
        QVERIFY(cutServerConnections(serverDb) > 0);
        const SyncRun cut = finish(driver);
        QVERIFY(holder.run("ROLLBACK"));

        QVERIFY2(!cut.ok, "a batch whose transaction died cannot have been stored");
        QVERIFY2(!cut.refusal.isEmpty(), qPrintable("no clear status: " + cut.error));
        QVERIFY(server.isRunning());
        QCOMPARE(pendingOnDevice(tablet), kRecords); // nothing acknowledged
        QCOMPARE(serverCounts(serverDb), qMakePair(0, 0)); // nothing half-stored

        const SyncRun retried = syncUntilDone(tablet, server.address());
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QCOMPARE(serverCounts(serverDb), qMakePair(kRecords, kRecords));
        QCOMPARE(pendingOnDevice(tablet), 0);
    }

    // A supervisor's pull waits on a lock; its connection is cut; the next pull completes.
    void connectionCutInMidPull()
    {
        const QString serverDb = m_dir.filePath("pull.db");
        const QString tablet = m_dir.filePath("pull-tablet.db");
        const QString desk = m_dir.filePath("pull-desk.db");
        QVERIFY(fillDevice(tablet, kRecords));
        ServerProcess server(serverDb);
        QVERIFY2(startServer(server, tablet), qPrintable(server.errorOutput()));
        QVERIFY(syncOnce(tablet, server.address()).ok);
        QString error;
        QVERIFY2(logInStore(desk, server.address(), "supervisor", &error), qPrintable(error));

        PsqlSession holder;
        QVERIFY(holder.open(TestBackend::dbArgument(serverDb)));
        QVERIFY(holder.run("BEGIN; LOCK TABLE record_revision IN ACCESS EXCLUSIVE MODE"));
        QProcess driver;
        startSync(driver, desk, server.address());
        QVERIFY(serverWaitsForLock(serverDb));
        QVERIFY(cutServerConnections(serverDb) > 0);
        const SyncRun cut = finish(driver);
        QVERIFY(holder.run("ROLLBACK"));

        QVERIFY2(!cut.ok, "a pull whose read died cannot have completed");
        QVERIFY2(!cut.refusal.isEmpty(), qPrintable("no clear status: " + cut.error));
        QVERIFY(server.isRunning());

        const SyncRun retried = syncUntilDone(desk, server.address());
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QCOMPARE(recordsOnDevice(desk), kRecords);
        QCOMPARE(serverCounts(serverDb), qMakePair(kRecords, kRecords));
    }

    // The whole cluster goes down under a running server and comes back.
    void clusterStoppedAndStartedAgain()
    {
        ThrowawayCluster cluster;
        QVERIFY2(cluster.start(), qPrintable(cluster.error()));
        const QString serverDb = m_dir.filePath("own-cluster.db");
        TestBackend::Databases::instance().assign(serverDb, cluster.url());
        const QString tablet = m_dir.filePath("own-cluster-tablet.db");
        QVERIFY(fillDevice(tablet, 100));
        ServerProcess server(serverDb);
        QVERIFY2(startServer(server, tablet), qPrintable(server.errorOutput()));
        QVERIFY(syncOnce(tablet, server.address()).ok);

        QVERIFY(fillDevice(tablet, 100));
        QVERIFY2(cluster.down(), qPrintable(cluster.error()));
        const SyncRun down = syncOnce(tablet, server.address());
        QVERIFY2(!down.ok, "nothing can be stored while the database is down");
        QVERIFY2(!down.refusal.isEmpty(), qPrintable("no clear status: " + down.error));
        QVERIFY(server.isRunning());
        QCOMPARE(pendingOnDevice(tablet), 100);

        QVERIFY2(cluster.up(), qPrintable(cluster.error()));
        const SyncRun retried = syncUntilDone(tablet, server.address());
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QCOMPARE(serverCounts(serverDb), qMakePair(200, 200));
        QCOMPARE(pendingOnDevice(tablet), 0);
    }

    // The server's database role is at its connection limit: other sessions hold every
    // slot when the server needs a new connection.
    void connectionLimitReached()
    {
        const QString role = QStringLiteral("qs_limited_%1").arg(::getpid());
        QVERIFY(TestBackend::runPsql(clusterUrl(),
                                     {"-c", "CREATE ROLE " + role + " LOGIN", "-c",
                                      "CREATE DATABASE " + role + " OWNER " + role}));
        const QString url
            = TestBackend::urlOfDatabase(clusterUrl(), role)
                  .replace(QStringLiteral("postgresql://postgres@"), "postgresql://" + role + "@");
        const QString serverDb = m_dir.filePath("limited.db");
        TestBackend::Databases::instance().assign(serverDb, url);
        const QString tablet = m_dir.filePath("limited-tablet.db");
        QVERIFY(fillDevice(tablet, 100));
        {
            ServerProcess server(serverDb);
            QVERIFY2(startServer(server, tablet), qPrintable(server.errorOutput()));
            QVERIFY(syncOnce(tablet, server.address()).ok);

            // One more slot than the server holds; the test's session takes it; the limit
            // drops to that one session; the server's own connections are cut.
            const QString countSql
                = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = '%1'")
                      .arg(role);
            const int held = serverStoreCount(serverDb, countSql);
            QVERIFY(held >= 0);
            QVERIFY(TestBackend::runPsql(
                clusterUrl(),
                {"-c",
                 QStringLiteral("ALTER ROLE %1 CONNECTION LIMIT %2").arg(role).arg(held + 1)}));
            PsqlSession holder;
            QVERIFY(holder.open(url));
            QVERIFY(TestBackend::runPsql(clusterUrl(),
                                         {"-c", "ALTER ROLE " + role + " CONNECTION LIMIT 1"}));
            QVERIFY(TestBackend::runPsql(
                clusterUrl(),
                {"-c",
                 QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE usename = '%1' AND application_name <> '%2'")
                     .arg(role, QLatin1String(kHolder))}));

            QVERIFY(fillDevice(tablet, 100));
            const SyncRun full = syncOnce(tablet, server.address());
            QVERIFY2(!full.ok, "no connection, nothing stored");
            QVERIFY2(!full.refusal.isEmpty(), qPrintable("no clear status: " + full.error));
            QVERIFY(server.isRunning());
            QCOMPARE(pendingOnDevice(tablet), 100);

            holder.close(); // the slot is free again
            QVERIFY(TestBackend::runPsql(clusterUrl(),
                                         {"-c", "ALTER ROLE " + role + " CONNECTION LIMIT -1"}));
            const SyncRun retried = syncUntilDone(tablet, server.address());
            QVERIFY2(retried.ok, qPrintable(retried.error));
            QCOMPARE(serverCounts(serverDb), qMakePair(200, 200));
            QCOMPARE(pendingOnDevice(tablet), 0);
        }
        QVERIFY(TestBackend::runPsql(
            clusterUrl(),
            {"-c", "DROP DATABASE " + role + " WITH (FORCE)", "-c", "DROP ROLE " + role}));
    }
};

QTEST_GUILESS_MAIN(TestPostgresFaults)
#include "tst_postgresfaults.moc"
