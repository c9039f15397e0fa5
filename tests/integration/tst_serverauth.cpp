// Who may do what, against a real qingshui-server process: tokens (none, wrong, expired,
// revoked device, disabled account) are UNAUTHENTICATED; roles and jurisdictions are enforced
// on every push and pull with nothing leaked; TLS works with a certificate made here.
#include "devicelogin.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testcertificate.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/catalog.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace v1 = qingshui::v1;

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县
constexpr auto kYunxiVillage = "420322100200"; // 郧西县

std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

struct Session {
    std::string deviceId;
    std::string token;
};

class Client {
public:
    explicit Client(const QString &address)
        : m_channel(grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()))
        , m_sync(v1::Sync::NewStub(m_channel))
        , m_auth(v1::Auth::NewStub(m_channel))
    {
    }

    grpc::Status login(const std::string &user, const std::string &password, Session *out,
                       const std::string &deviceId = uuid())
    {
        v1::LoginRequest request;
        request.set_username(user);
        request.set_password(password);
        request.set_device_id(deviceId);
        request.set_device_name("test");
        v1::LoginResponse response;
        grpc::ClientContext context;
        const grpc::Status status = m_auth->Login(&context, request, &response);
        *out = {deviceId, response.token()};
        return status;
    }

    grpc::Status push(const Session &s, const v1::PushRequest &request,
                      v1::PushResponse *response = nullptr)
    {
        v1::PushResponse ignored;
        grpc::ClientContext context;
        authorize(&context, s.token);
        return m_sync->Push(&context, request, response ? response : &ignored);
    }

    grpc::Status pull(const std::string &token, v1::PullResponse *response)
    {
        v1::PullRequest request;
        request.set_page_size(1000);
        grpc::ClientContext context;
        authorize(&context, token);
        return m_sync->Pull(&context, request, response);
    }

private:
    static void authorize(grpc::ClientContext *c, const std::string &token)
    {
        if (!token.empty())
            c->AddMetadata("authorization", "Bearer " + token);
    }

    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::Sync::Stub> m_sync;
    std::unique_ptr<v1::Auth::Stub> m_auth;
};

v1::PushRequest recordPush(const Session &s, const char *village, std::string *recordId = nullptr)
{
    v1::PushRequest request;
    request.set_device_id(s.deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(1);
    v1::Record *r = op->mutable_upsert_record();
    r->set_id(recordId && !recordId->empty() ? *recordId : uuid());
    if (recordId)
        *recordId = r->id();
    r->set_template_id("sanitation_toilet");
    r->set_category("sanitation.toilet");
    r->set_village_code(village);
    r->set_status(v1::RECORD_STATUS_SUBMITTED);
    r->set_content(R"({"answers":{"note":"户厕抽查"}})");
    return request;
}

v1::PushRequest reviewPush(const Session &s, const std::string &recordId, qint64 revision,
                           v1::ReviewDecision decision)
{
    v1::PushRequest request;
    request.set_device_id(s.deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(1);
    v1::ReviewEvent *e = op->mutable_review();
    e->set_id(uuid());
    e->set_record_id(recordId);
    e->set_record_server_seq(revision);
    e->set_decision(decision);
    e->set_comment("厕所粪污清运记录不全，请补拍照片");
    v1::QuestionComment *qc = e->add_question_comments();
    qc->set_question_id("A6");
    qc->set_comment("数量与台账不符");
    return request;
}

int code(const grpc::Status &s)
{
    return static_cast<int>(s.error_code());
}

#define QCOMPARE_STATUS(status, expected)                                                          \
    do {                                                                                           \
        const grpc::Status s_ = (status);                                                          \
        QVERIFY2(code(s_) == int(expected), s_.error_message().c_str());                           \
    } while (false)

} // namespace

class TestServerAuth : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Client> m_client;
    Session m_xichuanInspector, m_yunxiInspector, m_xichuanSupervisor, m_yunxiSupervisor, m_kiosk;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("yx-inspector", "inspector", "420322"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("yx-supervisor", "supervisor", "420322"));
        QVERIFY(m_server->addUser("expo-kiosk", "kiosk"));
        QVERIFY(m_server->start());
        m_client = std::make_unique<Client>(m_server->address());
        const std::string pw = ServerProcess::kPassword;
        QVERIFY(m_client->login("xc-inspector", pw, &m_xichuanInspector).ok());
        QVERIFY(m_client->login("yx-inspector", pw, &m_yunxiInspector).ok());
        QVERIFY(m_client->login("xc-supervisor", pw, &m_xichuanSupervisor).ok());
        QVERIFY(m_client->login("yx-supervisor", pw, &m_yunxiSupervisor).ok());
        QVERIFY(m_client->login("expo-kiosk", pw, &m_kiosk).ok());
        QVERIFY(!m_xichuanInspector.token.empty());
    }

    void adminCommandsRefuseBadInputAndList()
    {
        QVERIFY(!m_server->addUser("xc-inspector", "inspector", "411326")); // exists
        QVERIFY(m_server->adminOutput().contains("exists already"));
        QVERIFY(!m_server->addUser("nobody", "inspector")); // no scope
        QVERIFY(m_server->adminOutput().contains("--scope"));
        QVERIFY(!m_server->addUser("bad", "janitor", "411326"));
        QVERIFY(!m_server->runAdmin(
            {"user", "add", "short", "--db", m_dir.filePath("server.db"), "--role", "admin"},
            "1234\n"));
        QVERIFY(m_server->adminOutput().contains("at least 8"));
        QVERIFY(m_server->runAdmin({"user", "list", "--db", m_dir.filePath("server.db")}));
        QVERIFY(m_server->adminOutput().contains("xc-inspector\tinspector\t411326\tactive"));
        // The password is stored as an Argon2id hash, never as given.
        QVERIFY(m_server->runAdmin({"device", "list", "--db", m_dir.filePath("server.db")}));
        QVERIFY(m_server->adminOutput().contains(QString::fromStdString(m_kiosk.deviceId)));
    }

    void passwordsAreArgon2idHashes()
    {
        bool read = false;
        const QList<QStringList> hashes = serverStoreRows(
            m_dir.filePath("server.db"), "SELECT password_hash FROM account", &read);
        QVERIFY(read);
        for (const QStringList &row : hashes) {
            QVERIFY(row.first().startsWith("$argon2id$"));
            QVERIFY(!row.first().contains(ServerProcess::kPassword));
        }
        QCOMPARE(hashes.size(), 5);
    }

    void badCredentialsAreRefused()
    {
        Session s;
        QCOMPARE_STATUS(m_client->login("xc-inspector", "wrong-password", &s),
                        grpc::StatusCode::UNAUTHENTICATED);
        QCOMPARE_STATUS(m_client->login("no-such-user", "whatever-1", &s),
                        grpc::StatusCode::UNAUTHENTICATED);
        QCOMPARE_STATUS(m_client->login("xc-inspector", ServerProcess::kPassword, &s, "tablet-7"),
                        grpc::StatusCode::INVALID_ARGUMENT);
    }

    void missingOrWrongTokensAreUnauthenticated()
    {
        v1::PullResponse page;
        QCOMPARE_STATUS(m_client->pull("", &page), grpc::StatusCode::UNAUTHENTICATED);
        QCOMPARE_STATUS(m_client->pull("not-a-token", &page), grpc::StatusCode::UNAUTHENTICATED);
        Session forged = m_xichuanInspector;
        forged.token[3] = forged.token[3] == 'A' ? 'B' : 'A';
        QCOMPARE_STATUS(m_client->push(forged, recordPush(forged, kXichuanVillage)),
                        grpc::StatusCode::UNAUTHENTICATED);
    }

    void revokedDeviceAndDisabledAccountAreUnauthenticated()
    {
        Session tablet, other;
        QVERIFY(m_client->login("xc-inspector", ServerProcess::kPassword, &tablet).ok());
        QVERIFY(m_client->push(tablet, recordPush(tablet, kXichuanVillage)).ok());
        QVERIFY(m_server->runAdmin({"device", "revoke", QString::fromStdString(tablet.deviceId),
                                    "--db", m_dir.filePath("server.db")}));
        const grpc::Status revoked = m_client->push(tablet, recordPush(tablet, kXichuanVillage));
        QCOMPARE_STATUS(revoked, grpc::StatusCode::UNAUTHENTICATED);
        QVERIFY(QString::fromStdString(revoked.error_message()).contains("revoked"));
        // The revoked tablet cannot log in again either.
        QCOMPARE_STATUS(
            m_client->login("xc-inspector", ServerProcess::kPassword, &other, tablet.deviceId),
            grpc::StatusCode::PERMISSION_DENIED);

        QVERIFY(m_server->addUser("leaver", "inspector", "411326"));
        Session leaver;
        QVERIFY(m_client->login("leaver", ServerProcess::kPassword, &leaver).ok());
        QVERIFY(
            m_server->runAdmin({"user", "disable", "leaver", "--db", m_dir.filePath("server.db")}));
        v1::PullResponse page;
        QCOMPARE_STATUS(m_client->pull(leaver.token, &page), grpc::StatusCode::UNAUTHENTICATED);
        QCOMPARE_STATUS(m_client->login("leaver", ServerProcess::kPassword, &other),
                        grpc::StatusCode::PERMISSION_DENIED);
    }

    void expiredTokensAreUnauthenticated()
    {
        QTemporaryDir dir;
        ServerProcess shortLived(dir.filePath("server.db"));
        QVERIFY(shortLived.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(shortLived.start({"--token-ttl", "1"}));
        Client client(shortLived.address());
        Session s;
        QVERIFY(client.login("xc-inspector", ServerProcess::kPassword, &s).ok());
        v1::PullResponse page;
        QVERIFY(client.pull(s.token, &page).ok());
        QTest::qWait(1500); // past the one-second lifetime
        const grpc::Status expired = client.pull(s.token, &page);
        QCOMPARE_STATUS(expired, grpc::StatusCode::UNAUTHENTICATED);
        QVERIFY(QString::fromStdString(expired.error_message()).contains("expired"));
    }

    void aNewLoginEndsTheDevicesEarlierToken()
    {
        Session first, second;
        const std::string device = uuid();
        QVERIFY(m_client->login("xc-inspector", ServerProcess::kPassword, &first, device).ok());
        QVERIFY(m_client->login("xc-inspector", ServerProcess::kPassword, &second, device).ok());
        v1::PullResponse page;
        QCOMPARE_STATUS(m_client->pull(first.token, &page), grpc::StatusCode::UNAUTHENTICATED);
        QVERIFY(m_client->pull(second.token, &page).ok());
    }

    void pushesStayInTheirJurisdictionAndRole()
    {
        // Another county's village.
        QCOMPARE_STATUS(
            m_client->push(m_xichuanInspector, recordPush(m_xichuanInspector, kYunxiVillage)),
            grpc::StatusCode::PERMISSION_DENIED);
        // A token used with another device's id.
        v1::PushRequest stolen = recordPush(m_xichuanInspector, kXichuanVillage);
        stolen.set_device_id(m_yunxiInspector.deviceId);
        QCOMPARE_STATUS(m_client->push(m_xichuanInspector, stolen),
                        grpc::StatusCode::PERMISSION_DENIED);
        // Kiosks push nothing; supervisors push no content.
        QCOMPARE_STATUS(m_client->push(m_kiosk, recordPush(m_kiosk, kXichuanVillage)),
                        grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE_STATUS(
            m_client->push(m_xichuanSupervisor, recordPush(m_xichuanSupervisor, kXichuanVillage)),
            grpc::StatusCode::PERMISSION_DENIED);

        // A Xichuan record; the Yunxi inspector cannot move it into Yunxi by editing it.
        std::string recordId;
        QVERIFY(m_client
                    ->push(m_xichuanInspector,
                           recordPush(m_xichuanInspector, kXichuanVillage, &recordId))
                    .ok());
        QCOMPARE_STATUS(m_client->push(m_yunxiInspector,
                                       recordPush(m_yunxiInspector, kYunxiVillage, &recordId)),
                        grpc::StatusCode::PERMISSION_DENIED);
        // Inspectors do not review.
        QCOMPARE_STATUS(m_client->push(m_xichuanInspector,
                                       reviewPush(m_xichuanInspector, recordId, 1,
                                                  v1::REVIEW_DECISION_APPROVE)),
                        grpc::StatusCode::PERMISSION_DENIED);
    }

    void pullsShowOnlyTheJurisdictionAndKiosksOnlyThePublicFeed()
    {
        std::string xichuanRecord, yunxiRecord;
        QVERIFY(m_client
                    ->push(m_xichuanInspector,
                           recordPush(m_xichuanInspector, kXichuanVillage, &xichuanRecord))
                    .ok());
        QVERIFY(
            m_client
                ->push(m_yunxiInspector, recordPush(m_yunxiInspector, kYunxiVillage, &yunxiRecord))
                .ok());
        auto villagesSeenBy = [&](const Session &s) {
            v1::PullResponse page;
            const grpc::Status status = m_client->pull(s.token, &page);
            QSet<QString> villages;
            for (const auto &c : page.changes()) {
                if (c.has_record())
                    villages << QString::fromStdString(c.record().village_code());
                else if (c.has_review())
                    villages << QStringLiteral("review");
            }
            return status.ok() ? villages : QSet<QString> {QStringLiteral("error")};
        };
        QCOMPARE(villagesSeenBy(m_xichuanSupervisor), QSet<QString> {kXichuanVillage});
        QCOMPARE(villagesSeenBy(m_yunxiSupervisor), QSet<QString> {kYunxiVillage});
        QCOMPARE(villagesSeenBy(m_xichuanInspector), QSet<QString> {kXichuanVillage});
        QCOMPARE(villagesSeenBy(m_kiosk), QSet<QString> {}); // nothing published yet
    }

    void reviewsReachTheInspectorWithinTheJurisdiction()
    {
        std::string recordId;
        QVERIFY(m_client
                    ->push(m_xichuanInspector,
                           recordPush(m_xichuanInspector, kXichuanVillage, &recordId))
                    .ok());
        v1::PullResponse page;
        QVERIFY(m_client->pull(m_xichuanSupervisor.token, &page).ok());
        qint64 revision = 0;
        for (const auto &c : page.changes()) {
            if (c.has_record() && c.record().id() == recordId)
                revision = c.server_seq();
        }
        QVERIFY(revision > 0);
        // Another county's supervisor may not decide on it; nor on a revision that isn't one.
        QCOMPARE_STATUS(m_client->push(m_yunxiSupervisor,
                                       reviewPush(m_yunxiSupervisor, recordId, revision,
                                                  v1::REVIEW_DECISION_APPROVE)),
                        grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE_STATUS(m_client->push(m_xichuanSupervisor,
                                       reviewPush(m_xichuanSupervisor, recordId, revision + 999,
                                                  v1::REVIEW_DECISION_APPROVE)),
                        grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE_STATUS(
            m_client->push(m_xichuanSupervisor,
                           reviewPush(m_xichuanSupervisor, uuid(), 1, v1::REVIEW_DECISION_APPROVE)),
            grpc::StatusCode::FAILED_PRECONDITION);
        v1::PushRequest unknownDecision
            = reviewPush(m_xichuanSupervisor, recordId, revision, v1::REVIEW_DECISION_APPROVE);
        unknownDecision.mutable_ops(0)->mutable_review()->set_decision(
            static_cast<v1::ReviewDecision>(42));
        QCOMPARE_STATUS(m_client->push(m_xichuanSupervisor, unknownDecision),
                        grpc::StatusCode::INVALID_ARGUMENT);

        // The right supervisor returns it with comments: the inspector's pull carries them,
        // with the reviewer named by the server.
        QVERIFY(m_client
                    ->push(m_xichuanSupervisor,
                           reviewPush(m_xichuanSupervisor, recordId, revision,
                                      v1::REVIEW_DECISION_RETURN))
                    .ok());
        page.Clear();
        QVERIFY(m_client->pull(m_xichuanInspector.token, &page).ok());
        const v1::ReviewEvent *got = nullptr;
        for (const auto &c : page.changes()) {
            if (c.has_review() && c.review().record_id() == recordId)
                got = &c.review();
        }
        QVERIFY(got);
        QCOMPARE(got->decision(), v1::REVIEW_DECISION_RETURN);
        QCOMPARE(got->reviewer(), std::string("xc-supervisor"));
        QCOMPARE(got->question_comments(0).question_id(), std::string("A6"));
        // Nothing of it reaches the other county.
        page.Clear();
        QVERIFY(m_client->pull(m_yunxiInspector.token, &page).ok());
        for (const auto &c : page.changes()) {
            QVERIFY(!c.has_review());
            QVERIFY(!c.has_record() || c.record().id() != recordId);
        }
    }

    void aReturnedRecordShowsAsReturnedOnTheTablet()
    {
        // Through the device's own sync code: store, push, review, pull.
        QTemporaryDir dir;
        Database tablet;
        QVERIFY(tablet.open(dir.filePath("tablet.db")));
        SyncTransport transport(m_server->address());
        QString error;
        QVERIFY2(logInDevice(tablet.connection(), transport, "xc-inspector",
                             ServerProcess::kPassword, "淅川 平板", &error),
                 qPrintable(error));
        Record r;
        r.id = QString::fromStdString(uuid());
        r.templateId = "sanitation_toilet";
        r.category = "sanitation.toilet";
        r.villageCode = kXichuanVillage;
        r.content = R"({"answers":{"A6":3}})";
        r.authorDeviceId = SyncMetaRepository(tablet.connection()).deviceId();
        RecordRepository records(tablet.connection());
        QVERIFY(records.submit(r, QString::fromStdString(uuid())));
        SyncResult result = SyncSession(tablet.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        const qint64 revision = records.find(r.id)->serverSeq;
        QVERIFY(revision > 0);
        QVERIFY(m_client
                    ->push(m_xichuanSupervisor,
                           reviewPush(m_xichuanSupervisor, r.id.toStdString(), revision,
                                      v1::REVIEW_DECISION_RETURN))
                    .ok());
        result = SyncSession(tablet.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(records.find(r.id)->status, RecordStatus::Returned);
        const QList<ReviewEvent> reviews = ReviewRepository(tablet.connection()).reviewsOf(r.id);
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews[0].reviewer, QString("xc-supervisor"));
        QCOMPARE(reviews[0].questionComments.value(0).comment, QString("数量与台账不符"));
    }

    void tlsServesWithACertificateMadeHere()
    {
        QTemporaryDir dir;
        TestCertificate served, other;
        QString error;
        QVERIFY2(served.make(dir.path(), "server", "DNS:localhost,IP:127.0.0.1", &error),
                 qPrintable(error));
        QVERIFY2(other.make(dir.path(), "other", "DNS:localhost,IP:127.0.0.1", &error),
                 qPrintable(error));

        ServerProcess secure(dir.filePath("server.db"));
        QVERIFY(secure.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY2(secure.start({"--tls-cert", served.certPath, "--tls-key", served.keyPath}),
                 qPrintable(secure.errorOutput()));
        const QString address = "localhost:" + secure.address().section(':', 1);

        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        // Trusting another certificate, the server's is not trusted; plaintext is not spoken.
        SyncTransport untrusted(address, 5000, other.pem());
        QVERIFY(untrusted.usesTls());
        QVERIFY(!logInDevice(store.connection(), untrusted, "xc-inspector",
                             ServerProcess::kPassword, "t", &error));
        SyncTransport plaintext(secure.address(), 5000);
        QVERIFY(!plaintext.usesTls());
        QVERIFY(!logInDevice(store.connection(), plaintext, "xc-inspector",
                             ServerProcess::kPassword, "t", &error));
        // With it, login and a sync go through TLS.
        SyncTransport trusted(address, 5000, served.pem());
        QVERIFY(trusted.usesTls());
        QVERIFY2(logInDevice(store.connection(), trusted, "xc-inspector", ServerProcess::kPassword,
                             "t", &error),
                 qPrintable(error));
        const SyncResult result = SyncSession(store.connection(), trusted).run();
        QVERIFY2(result.ok, qPrintable(result.error));
    }

    void serverInfoNeedsNoToken()
    {
        auto stub = v1::Catalog::NewStub(grpc::CreateChannel(m_server->address().toStdString(),
                                                             grpc::InsecureChannelCredentials()));
        grpc::ClientContext context;
        v1::ServerInfoResponse info;
        QVERIFY(stub->ServerInfo(&context, {}, &info).ok());
        QCOMPARE(info.protocol_version(), 1);
        QVERIFY(!info.epoch().empty());
        QVERIFY(!info.version().empty());
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
