// The standard health service (grpc.health.v1.Health) of a real qingshui-server, asked as a
// load balancer or probe asks it: SERVING while its database answers, NOT_SERVING from the
// moment it cannot be reached (SQLite: the file moved away under the running server;
// PostgreSQL: the database refusing connections and the server's cut) and SERVING again once
// it is back; Watch follows each change; a stopping server says NOT_SERVING and stops
// although a Watch is open. Run on both backends (tests/backends.cmake).
#include "serverprocess.h"
#include "testbackend.h"
#include "testcertificate.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace health = grpc::health::v1;
using Status = health::HealthCheckResponse::ServingStatus;

namespace {

std::chrono::system_clock::time_point in(int seconds)
{
    return std::chrono::system_clock::now() + std::chrono::seconds(seconds);
}

// Check(service): the answer's status, or the call's error code as a negative number.
int check(health::Health::Stub &stub, const std::string &service)
{
    grpc::ClientContext context;
    context.set_deadline(in(10));
    health::HealthCheckRequest request;
    request.set_service(service);
    health::HealthCheckResponse response;
    const grpc::Status status = stub.Check(&context, request, &response);
    return status.ok() ? int(response.status()) : -int(status.error_code());
}

// `qingshui-server health ARGS` as a load balancer's external check runs it: exit code and
// what it printed.
QPair<int, QString> probe(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(QINGSHUI_SERVER_PATH), QStringList {QStringLiteral("health")} + args);
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

// SQL as an operator would run it, on the cluster (the database the store at path is) or on
// that database itself.
bool psql(const QString &path, const QString &sql, bool onCluster = false)
{
    const QString url
        = onCluster ? qEnvironmentVariable("QS_TEST_PG_URL") : TestBackend::dbArgument(path);
    QString error;
    const bool ok = TestBackend::runPsql(url, {QStringLiteral("-c"), sql}, nullptr, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

// The PostgreSQL database's name in its URL (postgresql://postgres@/NAME?host=DIR).
QString databaseName(const QString &path)
{
    const QString url = TestBackend::dbArgument(path);
    const qsizetype query = url.indexOf(QLatin1Char('?'));
    const qsizetype slash = url.lastIndexOf(QLatin1Char('/'), query < 0 ? -1 : query);
    return url.mid(slash + 1, query < 0 ? -1 : query - slash - 1);
}

// The store at db cannot be reached (true), or can again (false). SQLite: the file moved
// away and back; PostgreSQL: the database refuses connections and the server's are cut.
bool cutOff(const QString &db, bool cut)
{
    if (!TestBackend::isPostgres())
        return cut ? QFile::rename(db, db + ".moved") : QFile::rename(db + ".moved", db);
    const QString name = databaseName(db);
    if (!cut)
        return psql(db, QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(name), true);
    return psql(db, QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(name), true)
        && psql(db,
                QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = '%1'")
                    .arg(name),
                true);
}

// Another history in the store's place (true: SQLite, a copy put in the file's place;
// PostgreSQL, its epoch changed), or its own back (false).
bool replaced(const QString &db, bool replace)
{
    if (TestBackend::isPostgres())
        return psql(db,
                    replace ? "UPDATE server_meta SET value = 'another-' || value "
                              "WHERE key = 'epoch'"
                            : "UPDATE server_meta SET value = substr(value, 9) "
                              "WHERE key = 'epoch' AND value LIKE 'another-%'");
    if (replace)
        return QFile::rename(db, db + ".moved") && QFile::copy(db + ".moved", db);
    return QFile::remove(db) && QFile::rename(db + ".moved", db);
}

} // namespace

class TestServerHealth : public QObject {
    Q_OBJECT

private slots:
    void servingFollowsTheDatabase()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("server.db");
        ServerProcess server(db);
        QVERIFY(server.start({"--health-interval", "0.1", "--shutdown-grace", "1"}));
        auto channel = grpc::CreateChannel(server.address().toStdString(),
                                           grpc::InsecureChannelCredentials());
        auto stub = health::Health::NewStub(channel);

        QCOMPARE(check(*stub, ""), int(health::HealthCheckResponse::SERVING));
        for (const char *service :
             {"qingshui.v1.Sync", "qingshui.v1.Auth", "qingshui.v1.Catalog", "qingshui.v1.Blobs"})
            QCOMPARE(check(*stub, service), int(health::HealthCheckResponse::SERVING));
        QCOMPARE(check(*stub, "qingshui.v1.Nothing"), -int(grpc::StatusCode::NOT_FOUND));
        const QStringList at {"--address", server.address()};
        QCOMPARE(probe(at), qMakePair(0, QString("SERVING\n")));
        QCOMPARE(probe(at + QStringList {"--service", "qingshui.v1.Sync"}).first, 0);
        QCOMPARE(probe(at + QStringList {"--service", "qingshui.v1.Nothing"}).first, 1);

        // A probe follows the server: the status now, then each change.
        grpc::ClientContext watchContext;
        watchContext.set_deadline(in(60));
        health::HealthCheckRequest all;
        auto watch = stub->Watch(&watchContext, all);
        health::HealthCheckResponse seen;
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::SERVING);

        // The database cannot be reached under the running server.
        QVERIFY(cutOff(db, true));
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::NOT_SERVING);
        QCOMPARE(check(*stub, ""), int(health::HealthCheckResponse::NOT_SERVING));
        QCOMPARE(check(*stub, "qingshui.v1.Sync"), int(health::HealthCheckResponse::NOT_SERVING));
        QCOMPARE(probe(at), qMakePair(1, QString("NOT_SERVING\n")));
        const QString why = TestBackend::isPostgres()
            ? "health NOT_SERVING: the PostgreSQL database cannot be read"
            : "health NOT_SERVING: " + db + " is no longer the file the server opened";
        QString errors;
        QTRY_VERIFY_WITH_TIMEOUT((errors += server.errorOutput()).contains(why), 10000);

        // Back: serving again.
        QVERIFY(cutOff(db, false));
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::SERVING);
        QCOMPARE(check(*stub, "qingshui.v1.Sync"), int(health::HealthCheckResponse::SERVING));

        // Another history in its place (a copy put back under a running server, a database
        // restored under it) is not its database either.
        QVERIFY(replaced(db, true));
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::NOT_SERVING);
        if (TestBackend::isPostgres())
            QTRY_VERIFY_WITH_TIMEOUT(
                (errors += server.errorOutput()).contains("now holds another history"), 10000);
        QVERIFY(replaced(db, false));
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::SERVING);

        // Stopping (SIGTERM): NOT_SERVING to the watcher, and the open Watch does not hold
        // the server up past the grace the calls under way get.
        server.stop();
        QVERIFY(watch->Read(&seen));
        QCOMPARE(seen.status(), health::HealthCheckResponse::NOT_SERVING);
        QVERIFY(!watch->Read(&seen));
        QVERIFY(!watch->Finish().ok());
        QVERIFY2(server.standardOutput().contains("qingshui-server stopped"),
                 "the server stopped by itself, not by SIGKILL");
        const QPair<int, QString> gone = probe(at + QStringList {"--timeout", "2"});
        QCOMPARE(gone.first, 3);
        QVERIFY2(gone.second.contains("no answer from " + server.address()),
                 qPrintable(gone.second));
    }

    // Off loopback the server speaks only TLS: the probe trusts its certificate and checks
    // the name in it — the address's host, or the name given when servers behind one name
    // are asked by their own address.
    void theProbeSpeaksTls()
    {
        QTemporaryDir dir;
        TestCertificate certificate;
        QString error;
        QVERIFY2(certificate.make(dir.path(), "server", "DNS:qingshui.test", &error),
                 qPrintable(error));
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start({"--tls-cert", certificate.certPath, "--tls-key", certificate.keyPath},
                             "127.0.0.1:0"));
        const QStringList at {"--address", server.address(), "--timeout", "3"};
        const QStringList trusted {"--tls-ca", certificate.certPath};
        QCOMPARE(probe(at + trusted + QStringList {"--tls-name", "qingshui.test"}),
                 qMakePair(0, QString("SERVING\n")));
        QCOMPARE(probe(at + trusted).first, 3); // 127.0.0.1 is not the name it carries
        QCOMPARE(probe(at).first, 3); // plaintext to a TLS server
    }
};

QTEST_GUILESS_MAIN(TestServerHealth)
#include "tst_serverhealth.moc"
