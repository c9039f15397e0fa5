// The server's database restored from an older copy: the server notices and starts a new
// epoch; every device re-sends what it owns and re-pulls, and all converge with nothing lost
// and nothing stored twice. Real server processes on loopback, real files.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool submitRecords(const QString &store, int n, const QString &village)
{
    Database db;
    if (!db.open(store))
        return false;
    RecordRepository records(db.connection());
    const QString device = SyncMetaRepository(db.connection()).deviceId();
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("village_visit");
        r.category = QStringLiteral("village_visit");
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = QStringLiteral("{\"answers\":{\"note\":\"走访 %1\"}}").arg(i).toUtf8();
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return false;
    }
    return true;
}

SyncResult syncStore(const QString &store, const QString &address)
{
    Database db;
    db.open(store);
    SyncTransport transport(address);
    return SyncSession(db.connection(), transport).run();
}

int recordsIn(const QString &store)
{
    Database db;
    return db.open(store) ? RecordRepository(db.connection()).count() : -1;
}

// {revisions, distinct records} the server holds.
QPair<int, int> serverCounts(const QString &path)
{
    QPair<int, int> counts {-1, -1};
    const QString name = uuid();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec("SELECT count(*), count(DISTINCT record_id) FROM record_revision")
                && q.next())
                counts = {q.value(0).toInt(), q.value(1).toInt()};
        }
    }
    QSqlDatabase::removeDatabase(name);
    return counts;
}

} // namespace

class TestServerRestore : public QObject {
    Q_OBJECT

private slots:
    void devicesReconvergeAfterTheServerIsRestoredFromAnOlderCopy()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        const QString backup = dir.filePath("server-backup.db");
        const QString tabletA = dir.filePath("a.db"), tabletB = dir.filePath("b.db");
        const QString supervisor = dir.filePath("supervisor.db");

        auto server = std::make_unique<ServerProcess>(serverDb);
        QVERIFY(server->addUser("inspector", "inspector", "420322"));
        QVERIFY(server->addUser("supervisor", "supervisor", "420322"));
        QVERIFY(server->start());
        QString error;
        QVERIFY2(logInStore(tabletA, server->address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(tabletB, server->address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisor, server->address(), "supervisor", &error),
                 qPrintable(error));

        // 1. Tablet A syncs 100 records; the nightly backup is taken.
        QVERIFY(submitRecords(tabletA, 100, "420322100200"));
        QVERIFY(syncStore(tabletA, server->address()).ok);
        const QString firstEpoch = server->epoch();
        server->stop();
        QVERIFY(QFile::copy(serverDb, backup));

        // 2. The next day: A syncs 50 more, B 30; the supervisor has all 180.
        QVERIFY(server->start());
        QVERIFY(submitRecords(tabletA, 50, "420322100200"));
        QVERIFY(submitRecords(tabletB, 30, "420322101201"));
        QVERIFY(syncStore(tabletA, server->address()).ok);
        QVERIFY(syncStore(tabletB, server->address()).ok);
        SyncResult sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(recordsIn(supervisor), 180);
        QCOMPARE(serverCounts(serverDb), qMakePair(180, 180));

        // 3. The disk dies; the administrator puts the backup back.
        server->stop();
        QVERIFY(QFile::remove(serverDb));
        QFile::remove(serverDb + "-wal");
        QFile::remove(serverDb + "-shm");
        QVERIFY(QFile::copy(backup, serverDb));
        QVERIFY(server->start());
        QVERIFY2(server->epoch() != firstEpoch, "a restored database must get a new epoch");
        QCOMPARE(serverCounts(serverDb), qMakePair(100, 100));

        // 4. Each device syncs: the tablets re-send what they own (the 100 the server kept
        // are acknowledged, not stored again), the supervisor re-pulls the new history.
        const SyncResult a = syncStore(tabletA, server->address());
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.requeued, 150);
        const SyncResult b = syncStore(tabletB, server->address());
        QVERIFY2(b.ok, qPrintable(b.error));
        QCOMPARE(b.requeued, 30);
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.requeued, 0); // a supervisor owns no content

        QCOMPARE(serverCounts(serverDb), qMakePair(180, 180));
        QCOMPARE(recordsIn(supervisor), 180);
        for (const QString &tablet : {tabletA, tabletB}) {
            Database db;
            QVERIFY(db.open(tablet));
            QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 0);
            QCOMPARE(SyncMetaRepository(db.connection()).serverEpoch(), server->epoch());
        }
        // A fresh device sees exactly the 180 as well.
        const QString fresh = dir.filePath("fresh.db");
        QVERIFY(logInStore(fresh, server->address(), "supervisor", &error));
        QVERIFY(syncStore(fresh, server->address()).ok);
        QCOMPARE(recordsIn(fresh), 180);
    }
};

QTEST_GUILESS_MAIN(TestServerRestore)
#include "tst_serverrestore.moc"
