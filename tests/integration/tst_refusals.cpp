// Every refusal the server sends carries its code and args (qingshui.v1.Refusal in the status
// details), and the device's side reads them back (SyncTransport, BlobUploader,
// BlobDownloader: lastRefusal()): representative calls of each service against a real
// qingshui-server process. Each code seen is one the app words (RefusalText) and the
// English message for logs stays beside it.
#include "blobdownloader.h"
#include "blobuploader.h"
#include "controllers/refusaltext.h"
#include "serverprocess.h"
#include "synctransport.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/blobs.grpc.pb.h"
#include "qingshui/v1/catalog.pb.h"
#include "qingshui/v1/sync.pb.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>

namespace v1 = qingshui::v1;

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县 (scope 411326)
constexpr auto kYunxiVillage = "420322100200"; // 郧西县: outside it

std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

v1::PushRequest recordPush(const std::string &deviceId, const std::string &village,
                           const std::string &recordId = uuid())
{
    v1::PushRequest request;
    request.set_device_id(deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(1);
    v1::Record *r = op->mutable_upsert_record();
    r->set_id(recordId);
    r->set_template_id("sanitation_toilet");
    r->set_category("sanitation.toilet");
    r->set_village_code(village);
    r->set_status(v1::RECORD_STATUS_SUBMITTED);
    r->set_content(R"({"answers":{"A6":3}})");
    return request;
}

v1::PushRequest reviewPush(const std::string &deviceId, const std::string &recordId, qint64 seq,
                           v1::ReviewDecision decision)
{
    v1::PushRequest request;
    request.set_device_id(deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(1);
    v1::ReviewEvent *e = op->mutable_review();
    e->set_id(uuid());
    e->set_record_id(recordId);
    e->set_record_server_seq(seq);
    e->set_decision(decision);
    return request;
}

// A device logged in through the real Login RPC, with its transport.
struct Device {
    std::string id = uuid();
    std::unique_ptr<SyncTransport> transport;

    bool logIn(const QString &address, const QString &user)
    {
        transport = std::make_unique<SyncTransport>(address);
        v1::LoginRequest request;
        request.set_username(user.toStdString());
        request.set_password(ServerProcess::kPassword);
        request.set_device_id(id);
        v1::LoginResponse response;
        if (!transport->login(request, &response))
            return false;
        transport->setToken(QByteArray::fromStdString(response.token()));
        return true;
    }
};

} // namespace

class TestRefusals : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    Device m_inspector, m_supervisor, m_kiosk;
    QSet<QString> m_seen; // every code the server sent in this test

    // The last call through the transport failed with this status, code and args.
    bool refused(const SyncTransport &t, grpc::StatusCode status, const QString &code,
                 const QStringList &args = {})
    {
        m_seen << t.lastRefusal().code;
        if (t.lastCode() == int(status) && t.lastRefusal().code == code
            && t.lastRefusal().args == args && !t.lastError().isEmpty())
            return true;
        qWarning() << "got" << t.lastCode() << t.lastRefusal().code << t.lastRefusal().args
                   << t.lastError();
        return false;
    }

    Refusal rawCall(const char *method, const std::string &bytes, int *code)
    {
        grpc::GenericStub generic(grpc::CreateChannel(m_server->address().toStdString(),
                                                      grpc::InsecureChannelCredentials()));
        grpc::Slice slice(bytes);
        grpc::ByteBuffer request(&slice, 1);
        grpc::ByteBuffer reply;
        grpc::ClientContext context;
        m_inspector.transport->prepare(&context);
        std::promise<grpc::Status> done;
        generic.UnaryCall(&context, method, grpc::StubOptions(), &request, &reply,
                          [&done](grpc::Status status) { done.set_value(status); });
        const grpc::Status status = done.get_future().get();
        *code = int(status.error_code());
        m_seen << Refusal::fromStatus(status).code;
        return Refusal::fromStatus(status);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("xc-supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("kiosk", "kiosk"));
        QVERIFY(m_server->start());
        QVERIFY(m_inspector.logIn(m_server->address(), "xc-inspector"));
        QVERIFY(m_supervisor.logIn(m_server->address(), "xc-supervisor"));
        QVERIFY(m_kiosk.logIn(m_server->address(), "kiosk"));
    }

    void auth()
    {
        SyncTransport t(m_server->address());
        v1::LoginRequest login;
        login.set_username("xc-inspector");
        login.set_password("wrong");
        login.set_device_id(uuid());
        v1::LoginResponse response;
        QVERIFY(!t.login(login, &response));
        QVERIFY(refused(t, grpc::StatusCode::UNAUTHENTICATED, "wrong_credentials"));
        login.set_password(ServerProcess::kPassword);
        login.set_device_id("not-a-uuid");
        QVERIFY(!t.login(login, &response));
        QVERIFY(refused(t, grpc::StatusCode::INVALID_ARGUMENT, "request_invalid", {"device_id"}));

        // Tokens: none, unknown, and a device the administrator revoked.
        v1::PullResponse page;
        QVERIFY(!t.pull(v1::PullRequest(), &page));
        QVERIFY(refused(t, grpc::StatusCode::UNAUTHENTICATED, "token_missing"));
        t.setToken("made-up");
        QVERIFY(!t.pull(v1::PullRequest(), &page));
        QVERIFY(refused(t, grpc::StatusCode::UNAUTHENTICATED, "token_unknown"));
        Device revoked;
        QVERIFY(revoked.logIn(m_server->address(), "xc-inspector"));
        QVERIFY(m_server->runAdmin({"device", "revoke", QString::fromStdString(revoked.id), "--db",
                                    m_dir.filePath("server.db")}));
        QVERIFY(!revoked.transport->pull(v1::PullRequest(), &page));
        QVERIFY(refused(*revoked.transport, grpc::StatusCode::UNAUTHENTICATED, "device_revoked"));
        login.set_device_id(revoked.id);
        QVERIFY(!t.login(login, &response));
        QVERIFY(refused(t, grpc::StatusCode::PERMISSION_DENIED, "device_revoked"));

        // Enrol with a secret the server never issued.
        v1::EnrolRequest enrol;
        enrol.set_invite_secret("0011223344556677");
        enrol.set_username("xc-inspector");
        enrol.set_password(ServerProcess::kPassword);
        enrol.set_device_id(uuid());
        QVERIFY(!t.enrol(enrol, &response));
        QVERIFY(refused(t, grpc::StatusCode::NOT_FOUND, "invite_unknown"));
    }

    void sync()
    {
        SyncTransport &t = *m_inspector.transport;
        v1::PushResponse pushed;
        QVERIFY(!t.push(recordPush(m_inspector.id, kYunxiVillage), &pushed));
        QVERIFY(refused(t, grpc::StatusCode::PERMISSION_DENIED, "village_outside_scope",
                        {kYunxiVillage}));
        QVERIFY(!t.push(recordPush(uuid(), kXichuanVillage), &pushed));
        QVERIFY(refused(t, grpc::StatusCode::PERMISSION_DENIED, "device_mismatch"));
        v1::PushRequest bad = recordPush(m_inspector.id, kXichuanVillage);
        bad.mutable_ops(0)->mutable_upsert_record()->set_village_code("41132");
        QVERIFY(!t.push(bad, &pushed));
        QVERIFY(refused(t, grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                        {"ops[0].upsert_record.village_code"}));
        QVERIFY(!m_kiosk.transport->push(recordPush(m_kiosk.id, kXichuanVillage), &pushed));
        QVERIFY(
            refused(*m_kiosk.transport, grpc::StatusCode::PERMISSION_DENIED, "kiosk_read_only"));
        QVERIFY(
            !m_supervisor.transport->push(recordPush(m_supervisor.id, kXichuanVillage), &pushed));
        QVERIFY(refused(*m_supervisor.transport, grpc::StatusCode::PERMISSION_DENIED,
                        "role_cannot_write"));

        v1::PullRequest pull;
        pull.set_since_server_seq(-1);
        v1::PullResponse page;
        QVERIFY(!t.pull(pull, &page));
        QVERIFY(refused(t, grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                        {"since_server_seq"}));

        // Decisions on what the server does not hold, or may not publish.
        const std::string unknown = uuid();
        QVERIFY(!m_supervisor.transport->push(
            reviewPush(m_supervisor.id, unknown, 1, v1::REVIEW_DECISION_APPROVE), &pushed));
        QVERIFY(refused(*m_supervisor.transport, grpc::StatusCode::FAILED_PRECONDITION,
                        "record_unknown", {QString::fromStdString(unknown)}));
        const std::string recordId = uuid();
        QVERIFY(t.push(recordPush(m_inspector.id, kXichuanVillage, recordId), &pushed));
        v1::PullResponse all;
        QVERIFY(m_supervisor.transport->pull(v1::PullRequest(), &all));
        qint64 seq = 0;
        for (const v1::Change &c : all.changes()) {
            if (c.has_record() && c.record().id() == recordId)
                seq = c.server_seq();
        }
        QVERIFY(seq > 0);
        QVERIFY(!m_supervisor.transport->push(
            reviewPush(m_supervisor.id, recordId, seq + 1000, v1::REVIEW_DECISION_APPROVE),
            &pushed));
        QVERIFY(refused(*m_supervisor.transport, grpc::StatusCode::FAILED_PRECONDITION,
                        "revision_unknown",
                        {QString::fromStdString(recordId), QString::number(seq + 1000)}));
        QVERIFY(!m_supervisor.transport->push(
            reviewPush(m_supervisor.id, recordId, seq, v1::REVIEW_DECISION_PUBLISH), &pushed));
        QVERIFY(refused(*m_supervisor.transport, grpc::StatusCode::FAILED_PRECONDITION,
                        "publish_not_approved",
                        {QString::fromStdString(recordId), QString::number(seq)}));
        // The supervisor's pushes that were refused stored nothing; this one goes through.
        QVERIFY(m_supervisor.transport->push(
            reviewPush(m_supervisor.id, recordId, seq, v1::REVIEW_DECISION_APPROVE), &pushed));

        // Bytes that are no message at all.
        int code = 0;
        const Refusal malformed
            = rawCall("/qingshui.v1.Sync/Push", "\xff\xff\xff\xff\x0f garbage", &code);
        QCOMPARE(code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QCOMPARE(malformed.code, QString("request_malformed"));
        QCOMPARE(malformed.args, QStringList {"qingshui.v1.PushRequest"});
    }

    void blobs()
    {
        const QByteArray photo(200 * 1024, 'p');
        const QString sha = QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex();
        const QString path = m_dir.filePath(sha + ".jpg");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(photo);
        f.close();

        // A supervisor uploads no photos: the uploader's first question is already refused.
        BlobUploader supervisorUpload(m_supervisor.transport->channel(),
                                      m_supervisor.transport->token());
        const BlobUploadResult denied = supervisorUpload.upload({{sha, path}});
        QVERIFY(!denied.ok);
        QCOMPARE(denied.code, int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(denied.refusal, (Refusal {"blob_not_permitted", {sha}}));
        QCOMPARE(supervisorUpload.lastRefusal(), denied.refusal);
        m_seen << denied.refusal.code;
        auto supervisorStub = v1::Blobs::NewStub(m_supervisor.transport->channel());
        {
            grpc::ClientContext context;
            m_supervisor.transport->prepare(&context);
            v1::UploadBlobResponse response;
            auto writer = supervisorStub->UploadBlob(&context, &response);
            v1::BlobChunk chunk;
            chunk.set_sha256(sha.toStdString());
            chunk.set_total_size(photo.size());
            writer->Write(chunk);
            writer->WritesDone();
            const grpc::Status status = writer->Finish();
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::PERMISSION_DENIED));
            QCOMPARE(Refusal::fromStatus(status).code, QString("role_cannot_upload"));
            m_seen << "role_cannot_upload";
        }

        // Nobody downloads a blob no record they may see refers to.
        BlobDownloader download(m_inspector.transport->channel(), m_inspector.transport->token());
        QVERIFY(!download.download(sha, m_dir.filePath("fetched.jpg")));
        QCOMPARE(download.lastCode(), int(grpc::StatusCode::NOT_FOUND));
        QCOMPARE(download.lastRefusal().code, QString("blob_not_available"));
        QCOMPARE(download.lastRefusal().args, QStringList {sha});
        m_seen << download.lastRefusal().code;

        // A name that is no SHA-256, and a chunk at the wrong offset.
        auto stub = v1::Blobs::NewStub(m_inspector.transport->channel());
        {
            grpc::ClientContext context;
            m_inspector.transport->prepare(&context);
            v1::BlobStatusRequest request;
            request.set_sha256("../../etc/passwd");
            v1::BlobStatusResponse response;
            const grpc::Status status = stub->BlobStatus(&context, request, &response);
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
            QCOMPARE(Refusal::fromStatus(status), (Refusal {"request_invalid", {"sha256"}}));
            m_seen << "request_invalid";
        }
        {
            grpc::ClientContext context;
            m_inspector.transport->prepare(&context);
            v1::UploadBlobResponse response;
            auto writer = stub->UploadBlob(&context, &response);
            v1::BlobChunk chunk;
            chunk.set_sha256(sha.toStdString());
            chunk.set_total_size(photo.size());
            chunk.set_offset(4096);
            chunk.set_data(photo.mid(4096, 1024).toStdString());
            writer->Write(chunk);
            writer->WritesDone();
            const grpc::Status status = writer->Finish();
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::FAILED_PRECONDITION));
            QCOMPARE(Refusal::fromStatus(status), (Refusal {"upload_offset_mismatch", {"0"}}));
            m_seen << "upload_offset_mismatch";
        }
    }

    void catalog()
    {
        SyncTransport t(m_server->address());
        v1::ListTemplatesResponse templates;
        QVERIFY(!t.listTemplates(v1::ListTemplatesRequest(), &templates));
        QVERIFY(refused(t, grpc::StatusCode::UNAUTHENTICATED, "token_missing"));
        int code = 0;
        const Refusal malformed
            = rawCall("/qingshui.v1.Catalog/ReferenceData", "\xff\xff\xff\xff\x0f garbage", &code);
        QCOMPARE(code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QCOMPARE(malformed.code, QString("request_malformed"));
        // A good call after all of it.
        QVERIFY(m_inspector.transport->listTemplates(v1::ListTemplatesRequest(), &templates));
        QVERIFY(m_inspector.transport->lastRefusal().isEmpty());
    }

    void everyCodeSeenIsWordedByTheApp()
    {
        const QStringList known = RefusalText::knownCodes();
        QVERIFY(!m_seen.contains(QString()));
        QCOMPARE(m_seen.size(), 18); // the distinct codes the calls above provoke
        for (const QString &code : std::as_const(m_seen))
            QVERIFY2(known.contains(code), qPrintable(code));
    }
};

QTEST_GUILESS_MAIN(TestRefusals)
#include "tst_refusals.moc"
