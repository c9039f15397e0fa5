// A store stays one server's history when the tablet joins a server (joinserver.h), through
// real qingshui-server processes with TLS: a fresh store joins any server; the same server at
// another address picks up where it left off and gets what waited; another server is refused
// while work waits for the first (nothing stored, the invite not spent), a wrong password
// there changes nothing either, and once nothing waits it starts its own history without
// receiving the first server's records. Another account waits until the first one's records
// are sent.
#include "enrolmentserver.h"
#include "joinserver.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storedump.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

const QString kDevice = QStringLiteral("测试平板");

EnrolmentCode parsed(const EnrolmentServer::Invite &invite)
{
    return EnrolmentCode::parse(invite.code).value_or(EnrolmentCode());
}

// A record the inspector submits on the tablet (the form's own storage call).
QString submitRecord(QSqlDatabase db)
{
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = QStringLiteral("sanitation_toilet");
    r.category = QStringLiteral("sanitation");
    r.villageCode = QStringLiteral("411326105200"); // 淅川县
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = R"({"answers":{"A6":2}})";
    r.authorDeviceId = SyncMetaRepository(db).deviceId();
    return RecordRepository(db).submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces))
        ? r.id
        : QString();
}

// A sync as the app runs it, with the server and trust the store names.
SyncResult syncStore(QSqlDatabase db)
{
    const SyncServer server = EnrolmentRepository(db).server();
    SyncTransport transport(server.address, 10000, server.trustPem, server.tlsName);
    return SyncSession(db, transport).run();
}

// Records the server holds (its own store, read after the fact).
int recordsOnServer(const EnrolmentServer &server)
{
    return serverStoreCount(
        server.dbPath(), QStringLiteral("SELECT count(DISTINCT record_id) FROM record_revision"));
}

// Invites `qingshui-server invite list` says were used.
int usedInvites(EnrolmentServer &server)
{
    if (!server.process->runAdmin({"invite", "list", "--db", server.dbPath()}))
        return -1;
    return int(server.process->adminOutput().count(QStringLiteral("\tused ")));
}

} // namespace

class TestJoinServer : public QObject {
    Q_OBJECT

    EnrolmentServer m_first;
    EnrolmentServer m_second;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_first.start(QStringLiteral("first")), qPrintable(m_first.error));
        QVERIFY2(m_second.start(QStringLiteral("second")), qPrintable(m_second.error));
    }

    void aStoreThatNeverSyncedJoinsAnyServer()
    {
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        const QString waiting = submitRecord(store.connection()); // made before any server
        QVERIFY(!waiting.isEmpty());
        const JoinOutcome joined
            = joinWithCode(store.connection(), parsed(m_second.invite("xc-inspector")),
                           ServerProcess::kPassword, kDevice);
        QVERIFY2(joined.ok(), qPrintable(joined.result.detail));
        QCOMPARE(joined.account.username, QString("xc-inspector"));
        QCOMPARE(joined.account.role, AccountRole::Inspector);
        const SyncResult synced = syncStore(store.connection());
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 1);
    }

    void theSameServerAtAnotherAddressGoesOn()
    {
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QSqlDatabase db = store.connection();
        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QVERIFY(syncStore(db).ok);
        const QString epoch = SyncMetaRepository(db).serverEpoch();
        QVERIFY(!epoch.isEmpty());
        QVERIFY(!submitRecord(db).isEmpty()); // waits for the next sync

        // The server is reached by name now: the same history, so what waited goes there.
        QVERIFY(EnrolmentRepository(db).forgetServer());
        const QString byName = "localhost:" + m_first.address().section(':', 1);
        const JoinOutcome joined
            = joinWithCode(db, parsed(m_first.invite("xc-inspector", {}, byName)),
                           ServerProcess::kPassword, kDevice);
        QVERIFY2(joined.ok(), qPrintable(joined.result.detail));
        QCOMPARE(EnrolmentRepository(db).server().address, byName);
        QCOMPARE(SyncMetaRepository(db).serverEpoch(), epoch); // its place kept
        const SyncResult synced = syncStore(db);
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 1);
        QCOMPARE(OutboxRepository(db).pendingCount(), 0);
    }

    void anotherServerIsRefusedWhileWorkWaitsForTheFirst()
    {
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QSqlDatabase db = store.connection();
        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QVERIFY(syncStore(db).ok);
        const QString mine = submitRecord(db);
        QVERIFY(!mine.isEmpty());
        QVERIFY(EnrolmentRepository(db).forgetServer()); // 更换服务器
        const QString before = storeDumpOf(db);

        const EnrolmentServer::Invite other = m_second.invite("xc-inspector");
        const int usedBefore = usedInvites(m_second);
        const JoinOutcome refused
            = joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice);
        QVERIFY(!refused.ok());
        QVERIFY(refused.heldForOtherServer);
        QCOMPARE(refused.pending.records, 1);
        QCOMPARE(refused.pending.photos, 0);
        QCOMPARE(refused.otherServer, m_first.address());
        QCOMPARE(storeDumpOf(db), before); // nothing stored, nothing lost
        // The second server was never asked to enrol: the invite is still good.
        QCOMPARE(usedInvites(m_second), usedBefore);

        // Back to the first server: the record goes there, then the second may have the store.
        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QCOMPARE(syncStore(db).pushed, 1);
        const int onSecond = recordsOnServer(m_second);
        const int here = RecordRepository(db).count(); // mine, and the first server's in scope
        // A wrong password there changes nothing: the store keeps its place in the first
        // server's history (cursor and epoch) until a join succeeds.
        QVERIFY(EnrolmentRepository(db).forgetServer());
        const QString beforeWrong = storeDumpOf(db);
        const JoinOutcome wrong = joinWithCode(db, parsed(other), "not-the-password", kDevice);
        QCOMPARE(wrong.result.failure, EnrolmentResult::Refused);
        QCOMPARE(wrong.result.refusal.code, QString("wrong_password"));
        QCOMPARE(storeDumpOf(db), beforeWrong);
        const JoinOutcome joined
            = joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice);
        QVERIFY2(joined.ok(), qPrintable(joined.result.detail));
        // The second server's history from its start; the first server's records stay here
        // and are not sent there.
        QCOMPARE(SyncMetaRepository(db).pullCursor(), qint64(0));
        QVERIFY(SyncMetaRepository(db).serverEpoch().isEmpty());
        const SyncResult synced = syncStore(db);
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 0);
        QCOMPARE(synced.requeued, 0);
        QCOMPARE(recordsOnServer(m_second), onSecond);
        // Here: what the first server's history brought, and what the second one holds.
        QVERIFY(RecordRepository(db).find(mine).has_value());
        QCOMPARE(RecordRepository(db).count(), here + onSecond);
        QVERIFY(!SyncMetaRepository(db).serverEpoch().isEmpty());
    }

    // A shared tablet: the inspector logs out with a record waiting; another account's code
    // is refused before the server is asked (nothing stored, the invite not spent), until
    // the inspector has logged in again and sent it.
    void anotherAccountWaitsUntilTheFirstOnesWorkIsSent()
    {
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QSqlDatabase db = store.connection();
        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QVERIFY(!submitRecord(db).isEmpty());
        QVERIFY(EnrolmentRepository(db).logOut());
        const QString before = storeDumpOf(db);
        const EnrolmentServer::Invite other = m_first.invite("xc-supervisor");
        const int usedBefore = usedInvites(m_first);
        const JoinOutcome refused
            = joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice);
        QVERIFY(!refused.ok());
        QVERIFY(refused.heldForOtherAccount);
        QCOMPARE(refused.otherAccount, QString("xc-inspector"));
        QCOMPARE(refused.pending.records, 1);
        QCOMPARE(storeDumpOf(db), before);
        QCOMPARE(usedInvites(m_first), usedBefore);
        // Changing server does not lose whose work it is either.
        QVERIFY(EnrolmentRepository(db).forgetServer());
        QVERIFY(
            joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice).heldForOtherAccount);

        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QCOMPARE(syncStore(db).pushed, 1);
        QVERIFY(EnrolmentRepository(db).logOut());
        // Nothing waits now, but the tablet is the inspector's on the server: the other
        // account's invite does not take it over (nor is it spent); the administrator's
        // `device reassign` hands it over, and then the invite enrols it.
        const int usedBeforeHandover = usedInvites(m_first);
        const JoinOutcome notYet
            = joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice);
        QVERIFY(!notYet.ok());
        QVERIFY(!notYet.heldForOtherAccount);
        QCOMPARE(notYet.result.refusal.code, QString("device_of_another_account"));
        QCOMPARE(usedInvites(m_first), usedBeforeHandover);
        QVERIFY(m_first.process->runAdmin({"device", "reassign", SyncMetaRepository(db).deviceId(),
                                           "--to", "xc-supervisor", "--db", m_first.dbPath()}));
        const JoinOutcome joined
            = joinWithCode(db, parsed(other), ServerProcess::kPassword, kDevice);
        QVERIFY2(joined.ok(), qPrintable(joined.result.detail));
        QCOMPARE(joined.account.username, QString("xc-supervisor"));
    }

    void aServerThatIsDownIsSaidSoAndChangesNothing()
    {
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QSqlDatabase db = store.connection();
        QVERIFY(joinWithCode(db, parsed(m_first.invite("xc-inspector")), ServerProcess::kPassword,
                             kDevice)
                    .ok());
        QVERIFY(syncStore(db).ok); // a history: the other server's epoch is asked for first
        QVERIFY(EnrolmentRepository(db).forgetServer());
        const QString before = storeDumpOf(db);
        const JoinOutcome down = joinWithCode(
            db, parsed(m_second.invite("xc-inspector", {}, EnrolmentServer::deadAddress())),
            ServerProcess::kPassword, kDevice);
        QCOMPARE(down.result.failure, EnrolmentResult::Unreachable);
        QCOMPARE(storeDumpOf(db), before);
    }
};

QTEST_GUILESS_MAIN(TestJoinServer)
#include "tst_joinserver.moc"
