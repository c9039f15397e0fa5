// The server's rules that a request cannot talk its way around, against a real
// qingshui-server process: who did something (author, author device, reviewer, the device of
// a review) comes from the caller's token, whatever the request says; a device enrolled for
// one account is not taken over by another account's login or invite, and changes hands only
// by the administrator's `device reassign` (its old tokens end); a decision is checked against
// the scope of the revision it decides, not only where the record is now. On both backends
// (tests/backends.cmake: tst_serverrules and tst_serverrules_pg).
#include "deviceenrolment.h"
#include "refusal.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QRegularExpression>
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

// The services' stubs over one loopback channel, as a device calls them.
class Client {
public:
    explicit Client(const QString &address)
        : m_channel(grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()))
        , m_sync(v1::Sync::NewStub(m_channel))
        , m_auth(v1::Auth::NewStub(m_channel))
    {
    }

    grpc::Status login(const std::string &user, const std::string &deviceId, Session *out,
                       const std::string &password = ServerProcess::kPassword)
    {
        v1::LoginRequest request;
        request.set_username(user);
        request.set_password(password);
        request.set_device_id(deviceId);
        request.set_device_name("测试平板");
        v1::LoginResponse response;
        grpc::ClientContext context;
        const grpc::Status status = m_auth->Login(&context, request, &response);
        *out = {deviceId, response.token()};
        return status;
    }

    grpc::Status whoAmI(const Session &s, v1::WhoAmIResponse *response)
    {
        grpc::ClientContext context;
        authorize(&context, s.token);
        return m_auth->WhoAmI(&context, v1::WhoAmIRequest(), response);
    }

    grpc::Status push(const Session &s, const v1::PushRequest &request)
    {
        v1::PushResponse ignored;
        grpc::ClientContext context;
        authorize(&context, s.token);
        return m_sync->Push(&context, request, &ignored);
    }

    grpc::Status pull(const Session &s, v1::PullResponse *response)
    {
        v1::PullRequest request;
        request.set_page_size(1000);
        grpc::ClientContext context;
        authorize(&context, s.token);
        return m_sync->Pull(&context, request, response);
    }

private:
    static void authorize(grpc::ClientContext *c, const std::string &token)
    {
        c->AddMetadata("authorization", "Bearer " + token);
    }

    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::Sync::Stub> m_sync;
    std::unique_ptr<v1::Auth::Stub> m_auth;
};

// One op: a revision of `recordId` in `village`, edited from `base`.
v1::Op *addRecord(v1::PushRequest *request, const std::string &recordId, const char *village,
                  qint64 base = 0)
{
    v1::Op *op = request->add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(request->ops_size());
    v1::Record *r = op->mutable_upsert_record();
    r->set_id(recordId);
    r->set_template_id("sanitation_toilet");
    r->set_category("sanitation.toilet");
    r->set_village_code(village);
    r->set_status(v1::RECORD_STATUS_SUBMITTED);
    r->set_content(R"({"answers":{"A6":3}})");
    r->set_base_server_seq(base);
    return op;
}

v1::Op *addDecision(v1::PushRequest *request, const std::string &recordId, qint64 revision)
{
    v1::Op *op = request->add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(request->ops_size());
    v1::ReviewEvent *e = op->mutable_review();
    e->set_id(uuid());
    e->set_record_id(recordId);
    e->set_record_server_seq(revision);
    e->set_decision(v1::REVIEW_DECISION_APPROVE);
    return op;
}

v1::PushRequest pushFrom(const Session &s)
{
    v1::PushRequest request;
    request.set_device_id(s.deviceId);
    return request;
}

// What a pull shows of one record's revisions and decisions, in server order.
struct Pulled {
    std::vector<v1::Change> revisions;
    std::vector<v1::ReviewEvent> decisions;
};

Pulled pulledOf(Client &client, const Session &s, const std::string &recordId)
{
    v1::PullResponse page;
    Pulled out;
    if (!client.pull(s, &page).ok())
        return out;
    for (const v1::Change &c : page.changes()) {
        if (c.has_record() && c.record().id() == recordId)
            out.revisions.push_back(c);
        if (c.has_review() && c.review().record_id() == recordId)
            out.decisions.push_back(c.review());
    }
    return out;
}

int code(const grpc::Status &s)
{
    return static_cast<int>(s.error_code());
}

// `qingshui-server invite` for a loopback server (plaintext); the code it printed.
std::optional<EnrolmentCode> invite(ServerProcess &server, const QString &db, const QString &user)
{
    if (!server.runAdmin({"invite", "--db", db, "--user", user, "--address", server.address(),
                          "--qr", db + "." + user + ".png"}))
        return std::nullopt;
    static const QRegularExpression code(QStringLiteral("^code: (QS1-\\S+)$"),
                                         QRegularExpression::MultilineOption);
    return EnrolmentCode::parse(code.match(server.adminOutput()).captured(1));
}

// A bytea or BLOB column as hex text, in either backend's SQL.
QString hexOf(const char *column)
{
    return QString::fromLatin1(TestBackend::isPostgres() ? "encode(%1, 'hex')" : "hex(%1)")
        .arg(column);
}

} // namespace

class TestServerRules : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Every field of a push that says who did something is a lie here; what the server
    // stores and what a pull brings is what the tokens say.
    void whoDidItComesFromTheToken()
    {
        const QString path = m_dir.filePath("who.db");
        ServerProcess server(path);
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.addUser("xc-colleague", "inspector", "411326"));
        QVERIFY(server.addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(server.start());
        Client client(server.address());
        Session inspector, colleague, supervisor;
        QVERIFY(client.login("xc-inspector", uuid(), &inspector).ok());
        QVERIFY(client.login("xc-colleague", uuid(), &colleague).ok());
        QVERIFY(client.login("xc-supervisor", uuid(), &supervisor).ok());

        // The inspector's first revision claims the colleague's device and the supervisor.
        const std::string record = uuid();
        v1::PushRequest first = pushFrom(inspector);
        v1::Record *r = addRecord(&first, record, kXichuanVillage)->mutable_upsert_record();
        r->set_author_device_id(colleague.deviceId);
        r->set_author("xc-supervisor");
        QVERIFY(client.push(inspector, first).ok());
        // The colleague's later edit claims to come from a device of its own making, by the
        // inspector.
        Pulled pulled = pulledOf(client, supervisor, record);
        QCOMPARE(pulled.revisions.size(), size_t(1));
        const qint64 firstSeq = pulled.revisions[0].server_seq();
        v1::PushRequest edit = pushFrom(colleague);
        r = addRecord(&edit, record, kXichuanVillage, firstSeq)->mutable_upsert_record();
        r->set_author_device_id(uuid());
        r->set_author("xc-inspector");
        QVERIFY(client.push(colleague, edit).ok());
        // The supervisor's decision names another reviewer.
        v1::PushRequest decision = pushFrom(supervisor);
        addDecision(&decision, record, firstSeq + 1)
            ->mutable_review()
            ->set_reviewer("xc-inspector");
        QVERIFY(client.push(supervisor, decision).ok());
        // A push that names another device than its token's is refused, nothing stored.
        v1::PushRequest otherDevice = pushFrom(colleague);
        addRecord(&otherDevice, uuid(), kXichuanVillage);
        const grpc::Status mismatch = client.push(inspector, otherDevice);
        QCOMPARE(code(mismatch), int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(Refusal::fromStatus(mismatch).code, QString("device_mismatch"));

        // Pulled: each revision's author is whoever pushed it; the author device stays the
        // device that pushed the first revision; the reviewer is the supervisor.
        for (const Session &reader : {supervisor, inspector, colleague}) {
            pulled = pulledOf(client, reader, record);
            QCOMPARE(pulled.revisions.size(), size_t(2));
            QCOMPARE(pulled.revisions[0].record().author(), std::string("xc-inspector"));
            QCOMPARE(pulled.revisions[0].record().author_device_id(), inspector.deviceId);
            QCOMPARE(pulled.revisions[1].record().author(), std::string("xc-colleague"));
            QCOMPARE(pulled.revisions[1].record().author_device_id(), inspector.deviceId);
            QCOMPARE(pulled.decisions.size(), size_t(1));
            QCOMPARE(pulled.decisions[0].reviewer(), std::string("xc-supervisor"));
        }

        // Stored: the same, and each row names the device whose token pushed it.
        bool read = false;
        QList<QStringList> rows = serverStoreRows(
            path,
            QStringLiteral("SELECT author, author_device_id, device_id FROM "
                           "record_revision WHERE record_id = '%1' ORDER BY server_seq")
                .arg(QString::fromStdString(record)),
            &read);
        QVERIFY(read);
        const QString inspectorDevice = QString::fromStdString(inspector.deviceId);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0], QStringList({"xc-inspector", inspectorDevice, inspectorDevice}));
        QCOMPARE(rows[1],
                 QStringList({"xc-colleague", inspectorDevice,
                              QString::fromStdString(colleague.deviceId)}));
        rows = serverStoreRows(
            path, QStringLiteral("SELECT device_id, %1 FROM review_event").arg(hexOf("event")),
            &read);
        QVERIFY(read);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].value(0), QString::fromStdString(supervisor.deviceId));
        v1::ReviewEvent stored;
        const QByteArray event = QByteArray::fromHex(rows[0].value(1).toLatin1());
        QVERIFY(stored.ParseFromArray(event.constData(), int(event.size())));
        QCOMPARE(stored.reviewer(), std::string("xc-supervisor"));
        rows = serverStoreRows(path, QStringLiteral("SELECT count(*) FROM record_revision"), &read);
        QVERIFY(read);
        QCOMPARE(rows, QList<QStringList>({{"2"}})); // the mismatched push stored nothing
    }

    // A device enrolled for one account: another account's password or invite does not get
    // in on it. The administrator hands it over; the old account's tokens for it end, the
    // unspent invite then enrols it for the new user, and the records made before stay the
    // old account's.
    void aDeviceChangesHandsOnlyByReassign()
    {
        const QString path = m_dir.filePath("hands.db");
        ServerProcess server(path);
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.addUser("xc-colleague", "inspector", "411326"));
        QVERIFY(server.addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(server.start());
        Client client(server.address());
        Database store;
        QVERIFY(store.open(m_dir.filePath("hands-tablet.db")));
        const QString tablet = SyncMetaRepository(store.connection()).deviceId();
        const std::string device = tablet.toStdString();

        Session inspector, colleague, supervisor;
        QVERIFY(client.login("xc-inspector", device, &inspector).ok());
        QVERIFY(client.login("xc-supervisor", uuid(), &supervisor).ok());
        const std::string record = uuid();
        v1::PushRequest push = pushFrom(inspector);
        addRecord(&push, record, kXichuanVillage);
        QVERIFY(client.push(inspector, push).ok());

        // Another account's login on it: refused, the right password or a wrong one alike.
        for (const std::string &password :
             {std::string(ServerProcess::kPassword), std::string("not-the-password")}) {
            const grpc::Status refused = client.login("xc-colleague", device, &colleague, password);
            QCOMPARE(code(refused), int(grpc::StatusCode::PERMISSION_DENIED));
            QCOMPARE(Refusal::fromStatus(refused), (Refusal {"device_of_another_account", {}}));
            QVERIFY(colleague.token.empty());
        }
        // Another account's invite: refused, and not spent.
        const std::optional<EnrolmentCode> colleagueInvite = invite(server, path, "xc-colleague");
        QVERIFY2(colleagueInvite, qPrintable(server.adminOutput()));
        EnrolmentResult enrolled = enrolDevice(store.connection(), *colleagueInvite,
                                               ServerProcess::kPassword, "测试平板");
        QCOMPARE(enrolled.failure, EnrolmentResult::Refused);
        QCOMPARE(enrolled.refusal, (Refusal {"device_of_another_account", {}}));
        QVERIFY(server.runAdmin({"invite", "list", "--db", path}));
        QVERIFY2(server.adminOutput().contains("\topen\t"), qPrintable(server.adminOutput()));
        // The inspector's token still works, for the inspector on this device.
        v1::WhoAmIResponse who;
        QVERIFY(client.whoAmI(inspector, &who).ok());
        QCOMPARE(who.username(), std::string("xc-inspector"));
        QCOMPARE(who.device_id(), device);
        QVERIFY(server.runAdmin({"device", "list", "--db", path}));
        QVERIFY(server.adminOutput().contains(tablet + "\txc-inspector\tactive"));

        // Bad reassignments say why and change nothing.
        QVERIFY(!server.runAdmin({"device", "reassign", tablet, "--db", path}));
        QVERIFY(server.adminOutput().contains("--to USER"));
        QVERIFY(!server.runAdmin({"device", "reassign", tablet, "--to", "nobody", "--db", path}));
        QVERIFY2(server.adminOutput().contains("no user 'nobody'"),
                 qPrintable(server.adminOutput()));
        const QString unknown = QString::fromStdString(uuid());
        QVERIFY(!server.runAdmin(
            {"device", "reassign", unknown, "--to", "xc-colleague", "--db", path}));
        QVERIFY2(server.adminOutput().contains("no device"), qPrintable(server.adminOutput()));
        QVERIFY(client.whoAmI(inspector, &who).ok());

        // The administrator hands the tablet over.
        QVERIFY2(
            server.runAdmin({"device", "reassign", tablet, "--to", "xc-colleague", "--db", path}),
            qPrintable(server.adminOutput()));
        QVERIFY(server.adminOutput().contains("from xc-inspector to xc-colleague"));
        QVERIFY(server.runAdmin({"device", "list", "--db", path}));
        QVERIFY(server.adminOutput().contains(tablet + "\txc-colleague\tactive"));
        const grpc::Status ended = client.whoAmI(inspector, &who);
        QCOMPARE(code(ended), int(grpc::StatusCode::UNAUTHENTICATED));
        QCOMPARE(Refusal::fromStatus(ended).code, QString("device_reassigned"));
        v1::PushRequest late = pushFrom(inspector);
        addRecord(&late, uuid(), kXichuanVillage);
        QCOMPARE(Refusal::fromStatus(client.push(inspector, late)).code,
                 QString("device_reassigned"));
        // Now the old account is the other one.
        QCOMPARE(Refusal::fromStatus(client.login("xc-inspector", device, &inspector)).code,
                 QString("device_of_another_account"));

        // The invite that was refused before enrols it now; the colleague's work on it is
        // the colleague's, what the inspector made before stays the inspector's.
        enrolled = enrolDevice(store.connection(), *colleagueInvite, ServerProcess::kPassword,
                               "测试平板");
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.detail + enrolled.refusal.code));
        colleague = {device,
                     SyncMetaRepository(store.connection())
                         .value(SyncMetaRepository::kAuthToken)
                         .toStdString()};
        QVERIFY(client.whoAmI(colleague, &who).ok());
        QCOMPARE(who.username(), std::string("xc-colleague"));
        QVERIFY(client.login("xc-colleague", device, &colleague).ok()); // and its password
        v1::PushRequest edit = pushFrom(colleague);
        addRecord(&edit, record, kXichuanVillage,
                  pulledOf(client, supervisor, record).revisions.at(0).server_seq());
        QVERIFY(client.push(colleague, edit).ok());
        const Pulled pulled = pulledOf(client, supervisor, record);
        QCOMPARE(pulled.revisions.size(), size_t(2));
        QCOMPARE(pulled.revisions[0].record().author(), std::string("xc-inspector"));
        QCOMPARE(pulled.revisions[1].record().author(), std::string("xc-colleague"));

        // A revoked device stays out: it is not handed to anyone.
        QVERIFY(server.runAdmin({"device", "revoke", tablet, "--db", path}));
        QVERIFY(
            !server.runAdmin({"device", "reassign", tablet, "--to", "xc-inspector", "--db", path}));
        QVERIFY2(server.adminOutput().contains("revoked"), qPrintable(server.adminOutput()));
        QVERIFY(server.runAdmin({"device", "list", "--db", path}));
        QVERIFY(server.adminOutput().contains(tablet + "\txc-colleague\trevoked"));
    }

    // With --require-invite too: the device is its account's, and the handed-over tablet
    // logs in with its new user's password.
    void reassignWorksWithInvitesRequired()
    {
        const QString path = m_dir.filePath("invited.db");
        ServerProcess server(path);
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.addUser("xc-colleague", "inspector", "411326"));
        QVERIFY(server.start(QStringList {"--require-invite"}));
        Client client(server.address());
        Database store;
        QVERIFY(store.open(m_dir.filePath("invited-tablet.db")));
        const QString tablet = SyncMetaRepository(store.connection()).deviceId();
        const std::optional<EnrolmentCode> code = invite(server, path, "xc-inspector");
        QVERIFY2(code, qPrintable(server.adminOutput()));
        const EnrolmentResult enrolled
            = enrolDevice(store.connection(), *code, ServerProcess::kPassword, "测试平板");
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.detail + enrolled.refusal.code));

        Session colleague;
        QCOMPARE(Refusal::fromStatus(client.login("xc-colleague", tablet.toStdString(), &colleague))
                     .code,
                 QString("device_of_another_account"));
        QVERIFY(
            server.runAdmin({"device", "reassign", tablet, "--to", "xc-colleague", "--db", path}));
        QVERIFY(client.login("xc-colleague", tablet.toStdString(), &colleague).ok());
        v1::WhoAmIResponse who;
        QVERIFY(client.whoAmI(colleague, &who).ok());
        QCOMPARE(who.username(), std::string("xc-colleague"));
        // Handing it to the account that holds it already changes nothing, tokens included.
        QVERIFY(
            server.runAdmin({"device", "reassign", tablet, "--to", "xc-colleague", "--db", path}));
        QVERIFY(server.adminOutput().contains("already"));
        QVERIFY(client.whoAmI(colleague, &who).ok());
    }

    // A record made in a village outside the supervisor's scope, then moved into it: the
    // supervisor may decide the revision in their scope, not the one from before the move.
    // A refused decision in a batch stores nothing of the batch.
    void aDecisionChecksTheScopeOfItsRevision()
    {
        const QString path = m_dir.filePath("scope.db");
        ServerProcess server(path);
        QVERIFY(server.addUser("border-inspector", "inspector", "411326,420322"));
        QVERIFY(server.addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(server.addUser("yx-supervisor", "supervisor", "420322"));
        QVERIFY(server.start());
        Client client(server.address());
        Session inspector, supervisor, yunxiSupervisor;
        QVERIFY(client.login("border-inspector", uuid(), &inspector).ok());
        QVERIFY(client.login("xc-supervisor", uuid(), &supervisor).ok());
        QVERIFY(client.login("yx-supervisor", uuid(), &yunxiSupervisor).ok());

        const std::string record = uuid();
        v1::PushRequest made = pushFrom(inspector);
        addRecord(&made, record, kYunxiVillage);
        QVERIFY(client.push(inspector, made).ok());
        const Pulled before = pulledOf(client, inspector, record);
        QCOMPARE(before.revisions.size(), size_t(1));
        const qint64 inYunxi = before.revisions[0].server_seq();
        v1::PushRequest moved = pushFrom(inspector);
        addRecord(&moved, record, kXichuanVillage, inYunxi);
        QVERIFY(client.push(inspector, moved).ok());
        const Pulled after = pulledOf(client, inspector, record);
        QCOMPARE(after.revisions.size(), size_t(2));
        const qint64 inXichuan = after.revisions[1].server_seq();

        // The revision from before the move: refused with its own code, alone or in a batch
        // with a good decision.
        v1::PushRequest old = pushFrom(supervisor);
        addDecision(&old, record, inYunxi);
        grpc::Status refused = client.push(supervisor, old);
        QCOMPARE(code(refused), int(grpc::StatusCode::PERMISSION_DENIED));
        const Refusal expected {"revision_outside_scope",
                                {QString::fromStdString(record), QString::number(inYunxi)}};
        QCOMPARE(Refusal::fromStatus(refused), expected);
        v1::PushRequest both = pushFrom(supervisor);
        addDecision(&both, record, inXichuan);
        addDecision(&both, record, inYunxi);
        refused = client.push(supervisor, both);
        QCOMPARE(Refusal::fromStatus(refused), expected);
        QVERIFY(pulledOf(client, supervisor, record).decisions.empty());
        // Yunxi's supervisor covered that revision, but the record is in Xichuan now.
        v1::PushRequest fromYunxi = pushFrom(yunxiSupervisor);
        addDecision(&fromYunxi, record, inYunxi);
        QCOMPARE(Refusal::fromStatus(client.push(yunxiSupervisor, fromYunxi)).code,
                 QString("record_outside_scope"));
        QVERIFY(pulledOf(client, inspector, record).decisions.empty());

        // The revision in the supervisor's scope: decided.
        v1::PushRequest current = pushFrom(supervisor);
        addDecision(&current, record, inXichuan);
        QVERIFY(client.push(supervisor, current).ok());
        const Pulled decided = pulledOf(client, inspector, record);
        QCOMPARE(decided.decisions.size(), size_t(1));
        QCOMPARE(decided.decisions[0].record_server_seq(), inXichuan);
        QCOMPARE(decided.decisions[0].reviewer(), std::string("xc-supervisor"));
    }
};

QTEST_GUILESS_MAIN(TestServerRules)
#include "tst_serverrules.moc"
