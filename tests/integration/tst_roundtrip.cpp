// One record's round trip, for real: an inspector's store → qingshui-server (a real process,
// gRPC on loopback) → a supervisor's store, exactly once.
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncengine.h"
#include "syncreport.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A loopback port that nothing listens on.
QString deadAddress()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

// The accounts every test server has: an inspector and a supervisor of 淅川县 (411326) and
// 郧西县 (420322).
bool addAccounts(ServerProcess &server)
{
    return server.addUser("inspector", "inspector", "411326,420322")
        && server.addUser("supervisor", "supervisor", "411326,420322");
}

// Runs one sync through the engine, on its worker thread, as the app does; logs the store
// in as `user` first if it has no token yet.
bool syncWithEngine(const QString &dbPath, const QString &server, const QString &user, int *pushed,
                    int *pulled, QString *error)
{
    {
        Database db;
        if (!db.open(dbPath))
            return false;
        const bool loggedIn
            = !SyncMetaRepository(db.connection()).value(SyncMetaRepository::kAuthToken).isEmpty();
        db.close();
        if (!loggedIn && !logInStore(dbPath, server, user, error))
            return false;
    }
    SyncEngine engine(dbPath, server);
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.syncNow();
    if (!finished.wait(30000))
        return false;
    *pushed = finished.first().at(1).toInt();
    *pulled = finished.first().at(2).toInt();
    *error = engine.lastError();
    return finished.first().at(0).toBool();
}

int countRows(const QString &dbPath, const char *table)
{
    const QString name = uuid();
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void recordTravelsExactlyOnce()
    {
        QTemporaryDir dir;
        const QString inspectorPath = dir.filePath("inspector.db");
        const QString crashedCopyPath = dir.filePath("inspector-before-ack.db");
        const QString supervisorPath = dir.filePath("supervisor.db");
        const QString serverPath = dir.filePath("server.db");

        // 1. The inspector records while no server runs.
        Record record;
        record.id = uuid();
        record.templateId = "sanitation";
        record.category = "sanitation";
        record.villageCode = "411326105200";
        record.createdAtMs = 1700000000123;
        record.updatedAtMs = 1700000004567;
        // Not canonical JSON on purpose: the bytes must survive untouched.
        record.content = QByteArray(
            R"({"note":"户厕改造抽查 12 户，2 户粪污清运不及时",   "toilets":12,"ok":1.50})");
        {
            Database inspector;
            QVERIFY2(inspector.open(inspectorPath), qPrintable(inspector.error()));
            record.authorDeviceId = SyncMetaRepository(inspector.connection()).deviceId();
            RecordRepository records(inspector.connection());
            QVERIFY2(records.submit(record, uuid()), qPrintable(records.lastError()));

            // Not logged in: the sync says so and touches nothing.
            SyncTransport nowhere(deadAddress(), 3000);
            const SyncResult notLoggedIn = SyncSession(inspector.connection(), nowhere).run();
            QVERIFY(!notLoggedIn.ok);
            QVERIFY(notLoggedIn.needsLogin);
            QCOMPARE(notLoggedIn.problem.code, QString(SyncErrorCode::kNotLoggedIn));

            // No server (with a token from an earlier login): the sync fails loudly and the
            // record stays queued.
            SyncMetaRepository meta(inspector.connection());
            QVERIFY(meta.setValue(SyncMetaRepository::kAuthToken, "token-from-before"));
            const SyncResult offline = SyncSession(inspector.connection(), nowhere).run();
            QVERIFY(!offline.ok);
            QCOMPARE(offline.problem.code, QString(SyncErrorCode::kUnreachable));
            QCOMPARE(OutboxRepository(inspector.connection()).pendingCount(), 1);
            QCOMPARE(records.find(record.id)->syncState, SyncState::Pending);

            // Keep a copy as it is now: a tablet whose push reached the server but whose
            // ack was lost (killed before it could store it).
            QSqlQuery q(inspector.connection());
            QVERIFY(meta.setValue(SyncMetaRepository::kAuthToken, ""));
            QVERIFY(q.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
            QVERIFY(QFile::copy(inspectorPath, crashedCopyPath));
        }

        // 2. The server comes up; the inspector's sync pushes the record.
        ServerProcess server(serverPath);
        QVERIFY2(server.start(), qPrintable(server.errorOutput()));
        QVERIFY2(addAccounts(server), qPrintable(server.adminOutput()));
        int pushed = 0, pulled = 0;
        QString error;
        QVERIFY2(
            syncWithEngine(inspectorPath, server.address(), "inspector", &pushed, &pulled, &error),
            qPrintable(error));
        QCOMPARE(pushed, 1);
        Record inspectorsCopy;
        {
            Database inspector;
            QVERIFY(inspector.open(inspectorPath));
            QCOMPARE(OutboxRepository(inspector.connection()).pendingCount(), 0);
            inspectorsCopy = *RecordRepository(inspector.connection()).find(record.id);
            QCOMPARE(inspectorsCopy.syncState, SyncState::Synced);
            QCOMPARE(inspectorsCopy.content, record.content);
        }

        // 3. A supervisor's store pulls it: the same record, byte for byte.
        QVERIFY2(syncWithEngine(supervisorPath, server.address(), "supervisor", &pushed, &pulled,
                                &error),
                 qPrintable(error));
        QCOMPARE(pushed, 0);
        QCOMPARE(pulled, 1);
        {
            Database supervisor;
            QVERIFY(supervisor.open(supervisorPath));
            const auto got = RecordRepository(supervisor.connection()).find(record.id);
            QVERIFY(got.has_value());
            QCOMPARE(got->content, record.content);
            QVERIFY(got->sameContentAs(inspectorsCopy));
            QCOMPARE(got->createdAtMs, record.createdAtMs);
            QCOMPARE(got->authorDeviceId, record.authorDeviceId);
            QCOMPARE(got->status, RecordStatus::Submitted);
            QCOMPARE(got->syncState, SyncState::Synced);
            QVERIFY(got->serverSeq > 0);
            QVERIFY(!SyncMetaRepository(supervisor.connection()).serverEpoch().isEmpty());
        }

        // 4. The push is repeated (the copy never saw its ack): acked, not stored twice.
        {
            Database replay;
            QVERIFY(replay.open(crashedCopyPath));
            QCOMPARE(OutboxRepository(replay.connection()).pendingCount(), 1);
            SyncTransport transport(server.address());
            QVERIFY2(logInDevice(replay.connection(), transport, "inspector",
                                 ServerProcess::kPassword, "restored tablet", &error),
                     qPrintable(error));
            SyncResult again;
            QVERIFY2(SyncSession(replay.connection(), transport).pushOutbox(&again),
                     qPrintable(again.error));
            QCOMPARE(again.pushed, 1);
            QCOMPARE(OutboxRepository(replay.connection()).pendingCount(), 0);
        }
        QCOMPARE(serverStoreCount(serverPath, "SELECT count(*) FROM record_revision"), 1);

        // The supervisor's next sync finds nothing new; a brand-new store gets one copy.
        QVERIFY(syncWithEngine(supervisorPath, server.address(), "supervisor", &pushed, &pulled,
                               &error));
        QCOMPARE(pulled, 0);
        QVERIFY(syncWithEngine(dir.filePath("fresh.db"), server.address(), "supervisor", &pushed,
                               &pulled, &error));
        QCOMPARE(pulled, 1);
        QCOMPARE(countRows(dir.filePath("fresh.db"), "record"), 1);
    }

    void serverOrderDecidesWhateverTheDeviceClocksSay()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY2(addAccounts(server), qPrintable(server.adminOutput()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 day = 24 * 3600 * 1000LL;
        Record r;
        r.id = uuid();
        r.templateId = r.category = "sanitation";
        r.villageCode = "411326105200";
        r.createdAtMs = now;
        // Tablet A's clock runs three days fast; it pushes first.
        r.updatedAtMs = now + 3 * day;
        r.content = "{\"answers\":{\"note\":\"from A, clock three days ahead\"}}";
        {
            Database a;
            QVERIFY(a.open(dir.filePath("a.db")));
            r.authorDeviceId = SyncMetaRepository(a.connection()).deviceId();
            QVERIFY(RecordRepository(a.connection()).submit(r, uuid()));
        }
        int pushed = 0, pulled = 0;
        QString error;
        QVERIFY2(syncWithEngine(dir.filePath("a.db"), server.address(), "inspector", &pushed,
                                &pulled, &error),
                 qPrintable(error));
        // Tablet B's clock runs two days slow; its revision reaches the server later.
        r.updatedAtMs = now - 2 * day;
        r.content = "{\"answers\":{\"note\":\"from B, clock two days behind\"}}";
        {
            Database b;
            QVERIFY(b.open(dir.filePath("b.db")));
            r.authorDeviceId = SyncMetaRepository(b.connection()).deviceId();
            QVERIFY(RecordRepository(b.connection()).submit(r, uuid()));
        }
        QVERIFY2(syncWithEngine(dir.filePath("b.db"), server.address(), "inspector", &pushed,
                                &pulled, &error),
                 qPrintable(error));
        // Every store ends with B's revision: the later one in server order. Both are kept.
        for (const char *store : {"a.db", "c.db"}) {
            QVERIFY(syncWithEngine(dir.filePath(store), server.address(), "supervisor", &pushed,
                                   &pulled, &error));
            Database db;
            QVERIFY(db.open(dir.filePath(store)));
            const auto stored = RecordRepository(db.connection()).find(r.id);
            QCOMPARE(stored->content, r.content);
            // B never saw A's revision: B's names it as the one it overwrote.
            QVERIFY(stored->conflictWith > 0);
            QVERIFY(stored->conflictWith < stored->serverSeq);
        }
        QCOMPARE(
            serverStoreCount(dir.filePath("server.db"), "SELECT count(*) FROM record_revision"), 2);
    }

    void manyRecordsPageThroughPull()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY2(addAccounts(server), qPrintable(server.adminOutput()));
        const int n = SyncSession::kPushBatch * 2 + 17; // several push batches and pull pages
        {
            Database inspector;
            QVERIFY(inspector.open(dir.filePath("inspector.db")));
            RecordRepository records(inspector.connection());
            const QString device = SyncMetaRepository(inspector.connection()).deviceId();
            for (int i = 0; i < n; ++i) {
                Record r;
                r.id = uuid();
                r.templateId = r.category = "village_visit";
                r.villageCode = "420322100200";
                r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
                r.content = QStringLiteral("{\"i\":%1}").arg(i).toUtf8();
                r.authorDeviceId = device;
                QVERIFY2(records.submit(r, uuid()), qPrintable(records.lastError()));
            }
        }
        int pushed = 0, pulled = 0;
        QString error;
        QVERIFY2(syncWithEngine(dir.filePath("inspector.db"), server.address(), "inspector",
                                &pushed, &pulled, &error),
                 qPrintable(error));
        QCOMPARE(pushed, n);
        QVERIFY2(syncWithEngine(dir.filePath("supervisor.db"), server.address(), "supervisor",
                                &pushed, &pulled, &error),
                 qPrintable(error));
        QCOMPARE(pulled, n);
        QCOMPARE(countRows(dir.filePath("supervisor.db"), "record"), n);
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
