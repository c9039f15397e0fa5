// The server's database restored from an older copy — its file, or its whole data folder
// (database, WAL, blobs) — and the restored server numbering new changes with the lost
// numbers: every device notices by the fingerprint of the change its mark names, re-sends what
// it owns and re-pulls, once, and all converge with nothing lost and nothing stored twice.
// Real server processes on loopback, real files.
#include "restoredevices.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

// Every file under from, copied to the same place under to (which must not exist).
bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
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

// The review event ids the server holds, in server order, and the records it publishes.
QStringList serverReviewIds(const QString &path, QStringList *published = nullptr)
{
    QStringList ids;
    const QString name = uuid();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec("SELECT id FROM review_event ORDER BY server_seq");
            while (q.next())
                ids << q.value(0).toString();
            q.exec("SELECT record_id FROM public_record ORDER BY record_id");
            while (published && q.next())
                *published << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ids;
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
        QCOMPARE(server->epoch(), firstEpoch); // the copy names the history it was taken of
        QCOMPARE(serverCounts(serverDb), qMakePair(100, 100));

        // 4. Each device syncs: its mark lies beyond the restored history, so it re-converges:
        // the tablets re-send what they own (the 100 the server kept are acknowledged, not
        // stored again), the supervisor re-pulls the new history.
        const SyncResult a = syncStore(tabletA, server->address());
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.historyChanges, 1);
        QCOMPARE(a.requeued, 150);
        const SyncResult b = syncStore(tabletB, server->address());
        QVERIFY2(b.ok, qPrintable(b.error));
        QCOMPARE(b.historyChanges, 1);
        QCOMPARE(b.requeued, 30);
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.historyChanges, 1);
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

    // The supervisor's decisions that the server had acknowledged go back after a restore:
    // those the backup kept are acknowledged and not stored twice, those it lost are stored
    // again (a publication too), and one on a revision the backup never had is set aside.
    void acknowledgedDecisionsAreSentAgainAfterARestore()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        const QString backup = dir.filePath("server-backup.db");
        const QString tablet = dir.filePath("tablet.db"), supervisor = dir.filePath("sup.db");
        auto server = std::make_unique<ServerProcess>(serverDb);
        QVERIFY(server->addUser("inspector", "inspector", "420322"));
        QVERIFY(server->addUser("supervisor", "supervisor", "420322"));
        QVERIFY(server->start());
        QString error;
        QVERIFY2(logInStore(tablet, server->address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisor, server->address(), "supervisor", &error),
                 qPrintable(error));

        // Three records; the first approved; the nightly backup is taken.
        QVERIFY(submitRecords(tablet, 3, "420322100200"));
        QVERIFY(syncStore(tablet, server->address()).ok);
        QVERIFY(syncStore(supervisor, server->address()).ok);
        const QStringList records = recordIdsIn(supervisor);
        QCOMPARE(records.size(), 3);
        const QString approveFirst = decide(supervisor, records[0], ReviewDecision::Approve);
        QVERIFY(!approveFirst.isEmpty());
        QVERIFY(syncStore(supervisor, server->address()).ok);
        server->stop();
        QVERIFY(QFile::copy(serverDb, backup));

        // The next day: a fourth record, and the supervisor publishes the first, approves
        // the second and the fourth, returns the third.
        QVERIFY(server->start());
        QVERIFY(submitRecords(tablet, 1, "420322100200"));
        QVERIFY(syncStore(tablet, server->address()).ok);
        QVERIFY(syncStore(supervisor, server->address()).ok);
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
        SyncResult sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.pushed, 4);
        QCOMPARE(
            serverReviewIds(serverDb),
            QStringList({approveFirst, publishFirst, approveSecond, returnThird, approveFourth}));

        // The backup goes back: it knows only the first approval.
        server->stop();
        QVERIFY(QFile::remove(serverDb));
        QFile::remove(serverDb + "-wal");
        QFile::remove(serverDb + "-shm");
        QVERIFY(QFile::copy(backup, serverDb));
        QVERIFY(server->start());
        QCOMPARE(serverReviewIds(serverDb), QStringList {approveFirst});

        // The tablet re-sends its records (the fourth gets the number it had, with a new
        // fingerprint), then the supervisor syncs: its five acknowledged decisions are queued
        // again.
        QVERIFY(syncStore(tablet, server->address()).ok);
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.reviewsRequeued, 5);
        // Its revision went with the lost history: the number names the re-sent one now, but
        // the decision names the lost one's fingerprint.
        QCOMPARE(sup.reviewsSetAside, 1);
        QStringList published;
        QCOMPARE(serverReviewIds(serverDb, &published),
                 QStringList({approveFirst, publishFirst, approveSecond, returnThird}));
        QCOMPARE(published, QStringList {records[0]});
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
        // Once: the next sync sends nothing, the server still holds each decision once.
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.pushed, 0);
        QCOMPARE(sup.reviewsRequeued, 0);
        QCOMPARE(serverReviewIds(serverDb).size(), 4);
        // The tablet sees the decisions again.
        QVERIFY(syncStore(tablet, server->address()).ok);
        Database db;
        QVERIFY(db.open(tablet));
        RecordRepository onTablet(db.connection());
        QCOMPARE(onTablet.find(records[1])->status, RecordStatus::Approved);
        QCOMPARE(onTablet.find(records[2])->status, RecordStatus::Returned);
    }

    // The whole data folder (database, WAL, blobs) copied while the server runs, as a
    // file-system snapshot or a back-up tool takes it, and put back later. Nothing beside the
    // database tells the server; after the restore a new tablet's changes take the lost
    // numbers and go past every old cursor. Each device notices by the fingerprint of the
    // change its mark names — also one whose pull was cut off after its push, so that its
    // cursor lies before the records the restore lost — and re-converges exactly once; a push
    // with a mark of the lost history stores nothing.
    void restoringTheWholeDataFolderIsNoticedByEveryDevice()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath("data"), snapshot = dir.filePath("snapshot");
        const QString serverDb = data + "/server.db";
        const QString tabletA = dir.filePath("a.db"), tabletB = dir.filePath("b.db");
        const QString tabletC = dir.filePath("c.db"), supervisor = dir.filePath("sup.db");
        auto server = std::make_unique<ServerProcess>(serverDb);
        QVERIFY(server->addUser("inspector", "inspector", "420322"));
        QVERIFY(server->addUser("supervisor", "supervisor", "420322"));
        QVERIFY(server->start());
        QString error;
        for (const QString &tablet : {tabletA, tabletB})
            QVERIFY2(logInStore(tablet, server->address(), "inspector", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisor, server->address(), "supervisor", &error),
                 qPrintable(error));

        // 1. A sends 20 records, B 10; the supervisor has them. The folder is copied.
        QVERIFY(submitRecords(tabletA, 20, "420322100200"));
        QVERIFY(syncStore(tabletA, server->address()).ok);
        QVERIFY(submitRecords(tabletB, 10, "420322101201"));
        QVERIFY(syncStore(tabletB, server->address()).ok);
        QVERIFY(syncStore(supervisor, server->address()).ok);
        QCOMPARE(recordsIn(supervisor), 30);
        QVERIFY2(QFileInfo(serverDb + "-wal").size() > 0, "the copy holds a WAL with commits");
        QVERIFY(QFileInfo(serverDb + ".blobs").isDir());
        QVERIFY(copyFolder(data, snapshot));
        const QString epoch = server->epoch();

        // 2. Syncing goes on: A 15 more (synced); B 5 more, whose pull is cut off after the
        // push; the supervisor has all 50.
        QVERIFY(submitRecords(tabletA, 15, "420322100200"));
        QVERIFY(syncStore(tabletA, server->address()).ok);
        QVERIFY(submitRecords(tabletB, 5, "420322101201"));
        const SyncResult pushedB = pushOnly(tabletB, server->address());
        QVERIFY2(pushedB.ok, qPrintable(pushedB.error));
        QCOMPARE(pushedB.pushed, 5);
        SyncResult sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(recordsIn(supervisor), 50);
        QCOMPARE(serverCounts(serverDb), qMakePair(50, 50));

        // 3. The server stops; the old folder is put back whole; it starts again.
        server->stop();
        QVERIFY(QDir(data).removeRecursively());
        QVERIFY(copyFolder(snapshot, data));
        QVERIFY(server->start());
        QCOMPARE(server->epoch(), epoch); // nothing tells the server it was restored
        QCOMPARE(serverCounts(serverDb), qMakePair(30, 30));

        // 4. A new tablet sends 25 records: they take the lost numbers 31..50 and go on to
        // 55, past every old device's cursor and mark. It knows only this history.
        QVERIFY2(logInStore(tabletC, server->address(), "inspector", &error), qPrintable(error));
        QVERIFY(submitRecords(tabletC, 25, "420322100200"));
        SyncResult c = syncStore(tabletC, server->address());
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(c.historyChanges, 0);
        QCOMPARE(serverCounts(serverDb), qMakePair(55, 55));

        // 5. A has 3 new records waiting. Its push names a mark of the lost history: refused,
        // nothing of it stored (a push alone, as a sync cut off after it would leave it).
        QVERIFY(submitRecords(tabletA, 3, "420322100200"));
        const SyncResult refusedA = pushOnly(tabletA, server->address());
        QVERIFY2(refusedA.ok, qPrintable(refusedA.error));
        QCOMPARE(refusedA.pushed, 0);
        QCOMPARE(serverCounts(serverDb), qMakePair(55, 55));

        // 6. Every old device re-converges, once: the tablets re-send what they own (what the
        // copy kept is acknowledged, not stored again), the supervisor re-pulls.
        const SyncResult a = syncStore(tabletA, server->address());
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.historyChanges, 1);
        QCOMPARE(a.requeued, 35); // the 3 waiting were queued already
        QCOMPARE(a.pushed, 38);
        const SyncResult b = syncStore(tabletB, server->address());
        QVERIFY2(b.ok, qPrintable(b.error));
        QCOMPARE(b.historyChanges, 1);
        QCOMPARE(b.requeued, 15);
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.historyChanges, 1);
        QCOMPARE(sup.requeued, 0);
        QCOMPARE(serverCounts(serverDb), qMakePair(78, 78));
        for (const QString &store : {tabletA, tabletB, tabletC, supervisor}) {
            const SyncResult again = syncStore(store, server->address());
            QVERIFY2(again.ok, qPrintable(again.error));
            QCOMPARE(again.historyChanges, 0);
            QCOMPARE(again.pushed, 0);
        }
        QCOMPARE(serverCounts(serverDb), qMakePair(78, 78));

        // 7. Nothing lost, nothing twice: the supervisor and a fresh desk hold exactly the
        // server's records, each tablet's own are all on the server, every outbox is empty.
        const QString fresh = dir.filePath("fresh.db");
        QVERIFY(logInStore(fresh, server->address(), "supervisor", &error));
        QVERIFY(syncStore(fresh, server->address()).ok);
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
};

QTEST_GUILESS_MAIN(TestServerRestore)
#include "tst_serverrestore.moc"
