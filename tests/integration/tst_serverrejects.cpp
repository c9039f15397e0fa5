// qingshui-server refuses bad input with a clear gRPC status and keeps serving; it refuses
// to start where it should not.
#include "serverprocess.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <future>

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace v1 = qingshui::v1;

namespace {

std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

// The device this test logs in as, and its token.
std::string g_deviceId;
std::string g_token;

void authorize(grpc::ClientContext *context)
{
    context->AddMetadata("authorization", "Bearer " + g_token);
}

v1::PushRequest validPush()
{
    v1::PushRequest request;
    request.set_device_id(g_deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(1);
    v1::Record *r = op->mutable_upsert_record();
    r->set_id(uuid());
    r->set_template_id("ecology");
    r->set_category("ecology");
    r->set_village_code("420322100200");
    r->set_status(v1::RECORD_STATUS_SUBMITTED);
    r->set_content("{}");
    return request;
}

grpc::Status push(v1::Sync::Stub &stub, const v1::PushRequest &request, v1::PushResponse *response)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    authorize(&context);
    return stub.Push(&context, request, response);
}

// qingshui-server ARGS; a --db names a store on the test's backend (testbackend.h) unless
// asFile: then it is that SQLite file whatever the backend.
int runServer(const QStringList &args, QString *stderrText, bool asFile = false)
{
    QProcess p;
    p.start(QStringLiteral(QINGSHUI_SERVER_PATH), asFile ? args : TestBackend::withBackend(args));
    if (!p.waitForFinished(15000)) {
        p.kill();
        return -1;
    }
    *stderrText = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class TestServerRejects : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<v1::Sync::Stub> m_stub;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->start());
        QVERIFY2(m_server->addUser("inspector", "inspector", "420322"),
                 qPrintable(m_server->adminOutput()));
        auto channel = grpc::CreateChannel(m_server->address().toStdString(),
                                           grpc::InsecureChannelCredentials());
        m_stub = v1::Sync::NewStub(channel);
        v1::LoginRequest login;
        login.set_username("inspector");
        login.set_password(ServerProcess::kPassword);
        g_deviceId = uuid();
        login.set_device_id(g_deviceId);
        v1::LoginResponse session;
        grpc::ClientContext context;
        const grpc::Status status = v1::Auth::NewStub(channel)->Login(&context, login, &session);
        QVERIFY2(status.ok(), status.error_message().c_str());
        g_token = session.token();
    }

    void badPushesAreInvalidArgument_data()
    {
        QTest::addColumn<int>("defect");
        QTest::newRow("device id not a UUID") << 0;
        QTest::newRow("op id not a UUID") << 1;
        QTest::newRow("record id not a UUID") << 2;
        QTest::newRow("client_seq zero") << 3;
        QTest::newRow("op without body") << 4;
        QTest::newRow("village code too short") << 5;
        QTest::newRow("draft pushed") << 6;
        QTest::newRow("unknown status enum value") << 7;
    }

    void badPushesAreInvalidArgument()
    {
        QFETCH(int, defect);
        v1::PushRequest request = validPush();
        v1::Op *op = request.mutable_ops(0);
        switch (defect) {
        case 0:
            request.set_device_id("tablet-7");
            break;
        case 1:
            op->set_op_id("not-a-uuid");
            break;
        case 2:
            op->mutable_upsert_record()->set_id("123");
            break;
        case 3:
            op->set_client_seq(0);
            break;
        case 4:
            op->clear_upsert_record();
            break;
        case 5:
            op->mutable_upsert_record()->set_village_code("4203");
            break;
        case 6:
            op->mutable_upsert_record()->set_status(v1::RECORD_STATUS_DRAFT);
            break;
        case 7:
            op->mutable_upsert_record()->set_status(static_cast<v1::RecordStatus>(99));
            break;
        }
        v1::PushResponse response;
        const grpc::Status status = push(*m_stub, request, &response);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY(!status.error_message().empty());
    }

    void rejectedBatchStoresNothingAndServerKeepsServing()
    {
        // A batch with one good op and one bad op: all or nothing.
        v1::PushRequest mixed = validPush();
        *mixed.add_ops() = mixed.ops(0);
        mixed.mutable_ops(1)->set_op_id("broken");
        v1::PushResponse response;
        QCOMPARE(int(push(*m_stub, mixed, &response).error_code()),
                 int(grpc::StatusCode::INVALID_ARGUMENT));

        v1::PullRequest pull;
        v1::PullResponse page;
        grpc::ClientContext c1;
        authorize(&c1);
        QVERIFY(m_stub->Pull(&c1, pull, &page).ok());
        QCOMPARE(page.changes_size(), 0);

        const v1::PushRequest good = validPush();
        QVERIFY(push(*m_stub, good, &response).ok());
        QCOMPARE(response.acked_client_seq(), 1);
        grpc::ClientContext c2;
        authorize(&c2);
        page.Clear();
        QVERIFY(m_stub->Pull(&c2, pull, &page).ok());
        QCOMPARE(page.changes_size(), 1);
        QCOMPARE(page.changes(0).record().id(), good.ops(0).upsert_record().id());
        QVERIFY(!page.server_epoch().empty());
    }

    void malformedBytesAreRefusedAndServerKeepsServing()
    {
        // Bytes that are no PushRequest at all, sent below the generated stub.
        grpc::GenericStub generic(grpc::CreateChannel(m_server->address().toStdString(),
                                                      grpc::InsecureChannelCredentials()));
        const std::string garbage = "\xff\xff\xff\xff\x0f not a protobuf message \x0a\xff";
        grpc::Slice slice(garbage);
        grpc::ByteBuffer request(&slice, 1);
        grpc::ByteBuffer reply;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        authorize(&context);
        std::promise<grpc::Status> done;
        generic.UnaryCall(&context, "/qingshui.v1.Sync/Push", grpc::StubOptions(), &request, &reply,
                          [&done](grpc::Status status) { done.set_value(status); });
        const grpc::Status status = done.get_future().get();
        QVERIFY(!status.ok());
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(QString::fromStdString(status.error_message()).contains("PushRequest"),
                 status.error_message().c_str());
        v1::PushResponse response;
        QVERIFY(push(*m_stub, validPush(), &response).ok());
    }

    void oversizedRequestsAreResourceExhausted()
    {
        v1::PushResponse response;
        v1::PushRequest huge = validPush();
        huge.mutable_ops(0)->mutable_upsert_record()->set_content(
            std::string(33 * 1024 * 1024, 'x'));
        QCOMPARE(int(push(*m_stub, huge, &response).error_code()),
                 int(grpc::StatusCode::RESOURCE_EXHAUSTED));

        v1::PushRequest many = validPush();
        for (int i = 1; i <= 5000; ++i) {
            v1::Op *op = many.add_ops();
            *op = many.ops(0);
            op->set_op_id(uuid());
            op->set_client_seq(i + 1);
        }
        const grpc::Status status = push(*m_stub, many, &response);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QVERIFY(!status.error_message().empty());

        // And the server goes on serving.
        QVERIFY(push(*m_stub, validPush(), &response).ok());
    }

    void negativeCursorIsInvalidArgument()
    {
        v1::PullRequest pull;
        pull.set_since_server_seq(-5);
        v1::PullResponse page;
        grpc::ClientContext c;
        authorize(&c);
        QCOMPARE(int(m_stub->Pull(&c, pull, &page).error_code()),
                 int(grpc::StatusCode::INVALID_ARGUMENT));
    }

    void refusesPlaintextOffLoopback()
    {
        QString err;
        QCOMPARE(runServer({"--db", m_dir.filePath("x.db"), "--listen", "0.0.0.0:0"}, &err), 2);
        QVERIFY2(err.contains("refusing plaintext"), qPrintable(err));
    }

    void refusesMissingDbAndBadListen()
    {
        QString err;
        QCOMPARE(runServer({"--listen", "127.0.0.1:0"}, &err), 2);
        QVERIFY2(err.contains("--db"), qPrintable(err));
        QCOMPARE(runServer({"--db", m_dir.filePath("y.db"), "--listen", "127.0.0.1"}, &err), 2);
        QVERIFY2(err.contains("HOST:PORT"), qPrintable(err));
        // A mistyped command never starts a server.
        QCOMPARE(runServer({"usr", "add", "--db", m_dir.filePath("y.db")}, &err), 2);
        QVERIFY2(err.contains("unknown command"), qPrintable(err));
    }

    void refusesCorruptDatabaseAndLeavesItAlone()
    {
        const QString path = m_dir.filePath("corrupt.db");
        const QByteArray garbage(4096, '\x5a');
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        QString err;
        // A SQLite file on both backends' runs: SQLite stays the embedded default.
        QCOMPARE(runServer({"--db", path, "--listen", "127.0.0.1:0"}, &err, true), 1);
        QVERIFY2(err.contains("not a usable SQLite database"), qPrintable(err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage);
    }

    // A store it cannot reach — a SQLite file under a "folder" that is a file, a PostgreSQL
    // cluster whose socket folder is not there — stops the server at once with its reason.
    void refusesAStoreItCannotReach()
    {
        const QString blocker = m_dir.filePath("not-a-folder");
        {
            QFile f(blocker);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a file where the store's folder should be");
        }
        const QString db = TestBackend::isPostgres()
            ? "postgresql://postgres@/qingshui?host=" + m_dir.filePath("no-cluster-here")
            : blocker + "/server.db";
        QString err;
        QCOMPARE(runServer({"--db", db, "--listen", "127.0.0.1:0", "--blobs",
                            m_dir.filePath("unreached.blobs")},
                           &err, true),
                 1);
        QVERIFY2(!err.trimmed().isEmpty(), "the server must say why it stopped");
        QVERIFY(QFileInfo(blocker).isFile());
    }
};

QTEST_GUILESS_MAIN(TestServerRejects)
#include "tst_serverrejects.moc"
