// The call log of a real qingshui-server: one JSON line per call on its standard output,
// with the method, status, milliseconds, account and device (from the token, or as a Login
// names them) and the refusal code — and never a token or a password. Read from the real
// process's output after real calls, on both backends (tests/backends.cmake).
#include "serverprocess.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "testtoken.h"

#include "grpc/health/v1/health.grpc.pb.h"
#include "qingshui/v1/auth.grpc.pb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace v1 = qingshui::v1;

namespace {

const std::string kDevice = "0b6f5c1e-52c4-4c8e-9d0e-6a3c1f4e2b10";

// WhoAmI with `token`; the status code.
grpc::StatusCode whoAmI(v1::Auth::Stub &auth, const QByteArray &token)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    context.AddMetadata("authorization", "Bearer " + token.toStdString());
    v1::WhoAmIResponse response;
    return auth.WhoAmI(&context, {}, &response).error_code();
}

// The call log's lines: every line of the output that is a JSON object naming a method.
QList<QJsonObject> callLines(const QByteArray &output)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object: %s", line.constData());
            return {};
        }
        if (doc.object().contains("method"))
            lines << doc.object();
    }
    return lines;
}

QList<QJsonObject> linesOf(const QList<QJsonObject> &lines, const QString &method)
{
    QList<QJsonObject> out;
    for (const QJsonObject &line : lines) {
        if (line.value("method").toString() == method)
            out << line;
    }
    return out;
}

} // namespace

class TestCallLog : public QObject {
    Q_OBJECT

private slots:
    void oneLinePerCallWithWhoAndHowItEnded()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("wang.li", "inspector", "420322"));
        QVERIFY(server.start());
        auto channel = grpc::CreateChannel(server.address().toStdString(),
                                           grpc::InsecureChannelCredentials());
        auto auth = v1::Auth::NewStub(channel);

        // A login, three calls with its token, one with a token nobody issued, a wrong
        // password, a health check, and a device's sync (Push, Pull, …).
        QByteArray token;
        QString error;
        QVERIFY2(logInForToken(channel, "wang.li", kDevice, &token, &error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(whoAmI(*auth, token), grpc::StatusCode::OK);
        const QByteArray forged = "Qm9ndXMtdG9rZW4tbm9ib2R5LWlzc3VlZA";
        QCOMPARE(whoAmI(*auth, forged), grpc::StatusCode::UNAUTHENTICATED);
        const std::string wrongPassword = "not-the-password-42";
        {
            v1::LoginRequest request;
            request.set_username("wang.li");
            request.set_password(wrongPassword);
            request.set_device_id(kDevice);
            grpc::ClientContext context;
            v1::LoginResponse response;
            QCOMPARE(auth->Login(&context, request, &response).error_code(),
                     grpc::StatusCode::UNAUTHENTICATED);
        }
        {
            auto probe = grpc::health::v1::Health::NewStub(channel);
            grpc::ClientContext context;
            grpc::health::v1::HealthCheckResponse response;
            QVERIFY(probe->Check(&context, {}, &response).ok());
        }
        SyncDevice tablet;
        QVERIFY2(tablet.open(dir.filePath("tablet.db"), server.address(), "wang.li", &error),
                 qPrintable(error));
        const QString tabletId = SyncMetaRepository(tablet.db.connection()).deviceId();
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "village_visit.pairing";
        r.category = "village_visit";
        r.villageCode = "420322100200";
        r.createdAtMs = r.updatedAtMs = 1700000000000;
        r.content = R"({"answers":{"note":"走访"}})";
        QVERIFY(tablet.records().submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces)));
        const SyncResult synced = tablet.sync();
        QVERIFY2(synced.ok && synced.pushed == 1, qPrintable(synced.error));

        // The lines arrive from the server's log thread.
        QList<QJsonObject> lines;
        QTRY_VERIFY_WITH_TIMEOUT(
            !linesOf(lines = callLines(server.standardOutput()), "/qingshui.v1.Sync/Pull")
                 .isEmpty(),
            10000);

        const QList<QJsonObject> logins = linesOf(lines, "/qingshui.v1.Auth/Login");
        QCOMPARE(logins.size(), 3); // ours, the wrong password, the tablet's
        QCOMPARE(logins[0].value("status").toString(), "OK");
        QCOMPARE(logins[0].value("account").toString(), "wang.li");
        QCOMPARE(logins[0].value("device").toString(), QString::fromStdString(kDevice));
        QCOMPARE(logins[1].value("status").toString(), "UNAUTHENTICATED");
        QCOMPARE(logins[1].value("refusal").toString(), "wrong_credentials");
        QCOMPARE(logins[1].value("account").toString(), "wang.li");
        QCOMPARE(logins[2].value("device").toString(), tabletId);

        const QList<QJsonObject> whoAmIs = linesOf(lines, "/qingshui.v1.Auth/WhoAmI");
        QCOMPARE(whoAmIs.size(), 4); // exactly one per call
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(whoAmIs[i].value("status").toString(), "OK");
            QCOMPARE(whoAmIs[i].value("account").toString(), "wang.li");
            QCOMPARE(whoAmIs[i].value("device").toString(), QString::fromStdString(kDevice));
            QVERIFY(!whoAmIs[i].contains("refusal"));
        }
        QCOMPARE(whoAmIs[3].value("status").toString(), "UNAUTHENTICATED");
        QCOMPARE(whoAmIs[3].value("refusal").toString(), "token_unknown");
        QCOMPARE(whoAmIs[3].value("account").toString(), QString()); // nobody known

        const QList<QJsonObject> pushes = linesOf(lines, "/qingshui.v1.Sync/Push");
        QCOMPARE(pushes.size(), 1);
        QCOMPARE(pushes[0].value("status").toString(), "OK");
        QCOMPARE(pushes[0].value("account").toString(), "wang.li");
        QCOMPARE(pushes[0].value("device").toString(), tabletId);

        for (const QJsonObject &line : lines) {
            QVERIFY(line.value("ms").isDouble());
            QVERIFY(line.value("ms").toDouble() >= 0);
            QVERIFY(line.value("peer").toString().contains("127.0.0.1"));
            QVERIFY(
                QDateTime::fromString(line.value("time").toString(), Qt::ISODateWithMs).isValid());
            QVERIFY2(!line.value("method").toString().startsWith("/grpc.health.v1.Health/"),
                     "health checks are not logged");
        }

        // Never a token or a password, on either stream.
        const QByteArray everything = server.standardOutput() + server.errorOutput().toUtf8();
        const QByteArray tabletToken = SyncMetaRepository(tablet.db.connection())
                                           .value(SyncMetaRepository::kAuthToken)
                                           .toUtf8();
        for (const QByteArray &secret : {token, forged, QByteArray(ServerProcess::kPassword),
                                         QByteArray::fromStdString(wrongPassword), tabletToken}) {
            if (!secret.isEmpty())
                QVERIFY2(!everything.contains(secret), secret.constData());
        }
    }
};

QTEST_MAIN(TestCallLog)
#include "tst_calllog.moc"
