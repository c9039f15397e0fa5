// The server's database restored from an older copy: the server notices and starts a new
// epoch; every device re-sends what it owns and re-pulls, and all converge with nothing lost
// and nothing stored twice. Real server processes on loopback, real files.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
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
        r.templateId = QStringLiteral("village_visit.pairing"); // in the catalogue: publishable
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

// A supervisor's decision on the record's current revision in this store; its id.
QString decide(const QString &store, const QString &recordId, ReviewDecision decision)
{
    Database db;
    if (!db.open(store))
        return {};
    const std::optional<Record> r = RecordRepository(db.connection()).find(recordId);
    if (!r)
        return {};
    ReviewEvent e;
    e.id = uuid();
    e.recordId = recordId;
    e.recordServerSeq = r->serverSeq;
    e.decision = decision;
    if (decision == ReviewDecision::Return)
        e.comment = QStringLiteral("请补充走访记录");
    ReviewRepository decisions(db.connection());
    return decisions.decide(e) ? e.id : QString();
}

QStringList recordIdsIn(const QString &store)
{
    Database db;
    QStringList ids;
    if (db.open(store)) {
        for (const Record &r : RecordRepository(db.connection()).query({}, 1000))
            ids << r.id;
    }
    ids.sort();
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

        // The tablet re-sends its records (the fourth gets a new number), then the
        // supervisor syncs: its five acknowledged decisions are queued again.
        QVERIFY(syncStore(tablet, server->address()).ok);
        sup = syncStore(supervisor, server->address());
        QVERIFY2(sup.ok, qPrintable(sup.error));
        QCOMPARE(sup.reviewsRequeued, 5);
        QCOMPARE(sup.reviewsSetAside, 1); // its revision went with the lost history
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
};

QTEST_GUILESS_MAIN(TestServerRestore)
#include "tst_serverrestore.moc"
