// The device's enrolment in its store: the server and account read back, logging out and
// forgetting the server leave every record, decision and photo queued, what waits is
// counted (and whose it is, past a logout), and the stored role is read without Qt SQL and
// without creating a file.
#include "storage/bloboutboxrepository.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/storedrole.h"
#include "storage/syncmetarepository.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Record record(qint64 serverSeq = 0)
{
    Record r;
    r.id = uuid();
    r.templateId = "sanitation.toilet";
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.status = RecordStatus::Submitted;
    r.createdAtMs = r.updatedAtMs = 1700000000000 + serverSeq;
    r.content = QByteArray(R"({"A1":true})");
    r.authorDeviceId = "tablet";
    r.serverSeq = serverSeq;
    return r;
}

void enrol(SyncMetaRepository &meta, const QString &role)
{
    meta.setValue(SyncMetaRepository::kServerAddress, "qingshui.example.org:50051");
    meta.setValue(SyncMetaRepository::kServerTrustPem, "-----BEGIN CERTIFICATE-----\nMIIB\n");
    meta.setValue(SyncMetaRepository::kServerTlsName, "qingshui.example.org");
    meta.setValue(SyncMetaRepository::kAuthToken, "token-1");
    meta.setValue(SyncMetaRepository::kAuthUsername, "xc-inspector");
    meta.setValue(SyncMetaRepository::kAuthRole, role);
    meta.setValue(SyncMetaRepository::kAuthScopes, "411326,420381");
    meta.setValue(SyncMetaRepository::kAuthExpiresAtMs, "1800000000000");
    meta.setValue(SyncMetaRepository::kPullCursor, "41");
    meta.setValue(SyncMetaRepository::kServerEpoch, "epoch-a");
}

} // namespace

class TestEnrolmentRepository : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    QString m_path;
    int m_n = 0;

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n));
        QVERIFY(m_db.open(m_path));
    }

    void readsTheServerAndTheAccount()
    {
        EnrolmentRepository enrolment(m_db.connection());
        QVERIFY(!enrolment.server().isSet());
        QVERIFY(!enrolment.account().loggedIn());
        SyncMetaRepository meta(m_db.connection());
        enrol(meta, "2");
        const SyncServer server = enrolment.server();
        QCOMPARE(server.address, QString("qingshui.example.org:50051"));
        QVERIFY(server.usesTls());
        QCOMPARE(server.tlsName, QString("qingshui.example.org"));
        const DeviceAccount account = enrolment.account();
        QCOMPARE(account.username, QString("xc-inspector"));
        QCOMPARE(account.role, AccountRole::Supervisor);
        QCOMPARE(account.scopes, QStringList({"411326", "420381"}));
        QCOMPARE(account.expiresAtMs, qint64(1800000000000));
        QCOMPARE(modeForRole(account.role), QString("supervisor"));
        QCOMPARE(modeForRole(AccountRole::Admin), QString("supervisor"));
        QCOMPARE(modeForRole(accountRoleFromNumber(4)), QString("kiosk"));
        QCOMPARE(modeForRole(accountRoleFromNumber(9)), QString());
    }

    void countsWhatWaitsAndLeavingKeepsIt()
    {
        SyncMetaRepository meta(m_db.connection());
        enrol(meta, "2");
        QCOMPARE(EnrolmentRepository(m_db.connection()).waitingWorkOwner(), QString()); // none
        RecordRepository records(m_db.connection());
        const Record mine = record();
        QVERIFY(records.submit(mine, uuid()));
        QVERIFY(records.submit(record(), uuid()));
        QVERIFY(BlobOutboxRepository(m_db.connection())
                    .enqueue({QString(64, 'a'), QString(64, 'b'), QString(64, 'c')}));
        PulledPage page;
        const Record pulled = record(5);
        page.records = {pulled};
        page.nextServerSeq = 5;
        page.epoch = "epoch-a";
        QVERIFY(PulledPageWriter(m_db.connection()).apply(page));
        ReviewEvent approve;
        approve.recordId = pulled.id;
        approve.recordServerSeq = 5;
        approve.decision = ReviewDecision::Approve;
        QVERIFY(ReviewRepository(m_db.connection()).decide(approve));

        EnrolmentRepository enrolment(m_db.connection());
        PendingWork waiting = enrolment.pendingWork();
        QCOMPARE(waiting.records, 2);
        QCOMPARE(waiting.decisions, 1);
        QCOMPARE(waiting.photos, 3);
        QVERIFY(!waiting.isEmpty());
        QCOMPARE(enrolment.waitingWorkOwner(), QString("xc-inspector"));

        QVERIFY(enrolment.logOut());
        // Whose work waits is kept past the logout.
        QCOMPARE(enrolment.waitingWorkOwner(), QString("xc-inspector"));
        QVERIFY(!enrolment.account().loggedIn());
        QVERIFY(meta.value(SyncMetaRepository::kAuthToken).isEmpty());
        QVERIFY(enrolment.server().isSet()); // the same server, to log in again
        waiting = enrolment.pendingWork();
        QCOMPARE(waiting.records, 2);
        QCOMPARE(waiting.decisions, 1);
        QCOMPARE(waiting.photos, 3);

        QCOMPARE(enrolment.historyServerAddress(), QString("qingshui.example.org:50051"));
        QVERIFY(enrolment.forgetServer());
        QCOMPARE(enrolment.waitingWorkOwner(), QString("xc-inspector"));
        QVERIFY(!enrolment.server().isSet());
        QVERIFY(!enrolment.account().loggedIn());
        // Named still, to say where the waiting work belongs.
        QCOMPARE(enrolment.historyServerAddress(), QString("qingshui.example.org:50051"));
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 3);
        QVERIFY(records.find(mine.id).has_value());
        // The store's place in that server's history stays for when it comes back.
        QCOMPARE(meta.pullCursor(), qint64(5));
        QCOMPARE(meta.serverEpoch(), QString("epoch-a"));
        QVERIFY(!meta.deviceId().isEmpty());
    }

    void theStoredRoleIsReadBeforeAnyApplication()
    {
        SyncMetaRepository meta(m_db.connection());
        QCOMPARE(storedAccountRole(m_path).value_or(AccountRole::Inspector), AccountRole::Unknown);
        enrol(meta, "4");
        const auto role = storedAccountRole(m_path);
        if (!role)
            QSKIP("this build reads the store through Qt SQL only");
        QCOMPARE(*role, AccountRole::Kiosk);
        EnrolmentRepository(m_db.connection()).logOut();
        QCOMPARE(*storedAccountRole(m_path), AccountRole::Unknown);
        // A store that does not exist is not made.
        const QString missing = m_dir.filePath("none.db");
        QCOMPARE(*storedAccountRole(missing), AccountRole::Unknown);
        QVERIFY(!QFileInfo::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestEnrolmentRepository)
#include "tst_enrolmentrepository.moc"
