// Faults in the middle of a push, with real processes on loopback: the device or the server
// is SIGKILLed while batches are in flight; after a restart every record is on the server
// exactly once and nothing is left in the outbox.
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "testlogin.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr int kRecords = 6000; // three push batches

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool fillDevice(const QString &path)
{
    Database db;
    if (!db.open(path))
        return false;
    RecordRepository records(db.connection());
    const QString device = SyncMetaRepository(db.connection()).deviceId();
    for (int i = 0; i < kRecords; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = r.category = QStringLiteral("ecology");
        r.villageCode = QStringLiteral("420322100200");
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = QStringLiteral("{\"answers\":{\"note\":\"%1 %2\"}}")
                        .arg(i)
                        .arg(QString(900, QLatin1Char('x')))
                        .toUtf8();
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return false;
    }
    return OutboxRepository(db.connection()).pendingCount() == kRecords;
}

// {revisions, distinct records} on the server, read from its store.
QPair<int, int> serverCounts(const QString &path)
{
    const QList<QStringList> rows = serverStoreRows(
        path, QStringLiteral("SELECT count(*), count(DISTINCT record_id) FROM record_revision"));
    if (rows.size() != 1 || rows.first().size() != 2)
        return {-1, -1};
    return {rows.first().at(0).toInt(), rows.first().at(1).toInt()};
}

int pendingOnDevice(const QString &path)
{
    Database db;
    return db.open(path) ? OutboxRepository(db.connection()).pendingCount() : -1;
}

// A server on this file with the tablet's inspector, and the tablet logged in to it.
bool startAndLogIn(ServerProcess &server, const QString &device, bool addAccount)
{
    QString error;
    if (!server.start() || (addAccount && !server.addUser("inspector", "inspector", "420322")))
        return false;
    return logInStore(device, server.address(), "inspector", &error);
}

bool syncOnce(const QString &device, const QString &address, QString *error)
{
    QProcess driver;
    driver.start(QStringLiteral(QS_SYNCDRIVER_PATH), {device, address});
    driver.waitForFinished(120000);
    *error = QString::fromUtf8(driver.readAllStandardError());
    return driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0;
}

// Starts a sync and kills `victim` as soon as the server holds part of the push.
void killMidPush(QProcess &driver, const QString &serverDb, const std::function<void()> &kill)
{
    QElapsedTimer waited;
    waited.start();
    while (serverCounts(serverDb).first <= 0 && waited.elapsed() < 60000)
        QTest::qWait(2);
    kill();
    driver.waitForFinished(30000);
}

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT

private slots:
    void deviceKilledInMidPushEndsExactlyOnce()
    {
        QTemporaryDir dir;
        const QString device = dir.filePath("tablet.db");
        const QString serverDb = dir.filePath("server.db");
        QVERIFY(fillDevice(device));
        ServerProcess server(serverDb);
        QVERIFY(startAndLogIn(server, device, true));

        QProcess driver;
        driver.start(QStringLiteral(QS_SYNCDRIVER_PATH), {device, server.address()});
        QVERIFY(driver.waitForStarted());
        killMidPush(driver, serverDb, [&] { driver.kill(); });
        QCOMPARE(driver.exitStatus(), QProcess::CrashExit);
        const int stored = serverCounts(serverDb).first;
        const int pending = pendingOnDevice(device);
        QVERIFY2(stored > 0 && stored < kRecords, qPrintable(QString::number(stored)));
        QVERIFY(pending > 0);
        // Acked batches left the outbox; at most the batch in flight is in both places.
        QVERIFY(stored + pending >= kRecords);

        QString error;
        QVERIFY2(syncOnce(device, server.address(), &error), qPrintable(error));
        QCOMPARE(serverCounts(serverDb), qMakePair(kRecords, kRecords));
        QCOMPARE(pendingOnDevice(device), 0);
    }

    void serverKilledInMidBatchEndsExactlyOnce()
    {
        QTemporaryDir dir;
        const QString device = dir.filePath("tablet.db");
        const QString serverDb = dir.filePath("server.db");
        QVERIFY(fillDevice(device));
        auto server = std::make_unique<ServerProcess>(serverDb);
        QVERIFY(startAndLogIn(*server, device, true));

        QProcess driver;
        driver.start(QStringLiteral(QS_SYNCDRIVER_PATH), {device, server->address()});
        QVERIFY(driver.waitForStarted());
        killMidPush(driver, serverDb, [&] { server->kill(); });
        QCOMPARE(driver.exitCode(), 1); // the device saw the failure and says so
        QVERIFY(!QString::fromUtf8(driver.readAllStandardError()).isEmpty());
        QVERIFY(pendingOnDevice(device) > 0);

        // The same file, a new process (and port): the device retries.
        server = std::make_unique<ServerProcess>(serverDb);
        QVERIFY(server->start());
        QString error;
        QVERIFY2(syncOnce(device, server->address(), &error), qPrintable(error));
        QCOMPARE(serverCounts(serverDb), qMakePair(kRecords, kRecords));
        QCOMPARE(pendingOnDevice(device), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
