// Invites and enrolment through real qingshui-server processes with TLS (certificates made by
// openssl here): the code `qingshui-server invite` prints, redeemed by the tablet's own
// enrolment (trust check, Auth.Enrol, one transaction into its store); each way it can go
// wrong gets its own outcome or refusal code, stores nothing and leaves the store's records
// as they were; guessing is throttled; the QR code decodes back to the printed code.
#define ZX_USE_UTF8 // zxing-cpp 1.4: Result::text() as UTF-8, as newer versions always do
#include "deviceenrolment.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storedump.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testcertificate.h"

#include "qingshui/v1/auth.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <ZXing/ReadBarcode.h>

#include <QDateTime>
#include <QImage>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>
#include <memory>

namespace v1 = qingshui::v1;

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县
const QString kDeviceName = QStringLiteral("测试平板");

// A server with TLS (or plaintext on loopback), its accounts, and invites made by the real
// `qingshui-server invite`.
struct InvitingServer {
    QTemporaryDir dir;
    TestCertificate certificate;
    std::unique_ptr<ServerProcess> process;
    QString error;

    // tlsNames: the certificate's subjectAltName (empty: plaintext); servedCert: what the
    // server serves instead of a certificate made here (cert, key).
    bool start(const QString &tlsNames = QLatin1String(TestCertificate::kDefaultNames),
               const QStringList &servedCert = {})
    {
        process = std::make_unique<ServerProcess>(dir.filePath("server.db"));
        if (!process->addUser("xc-inspector", "inspector", "411326")
            || !process->addUser("xc-supervisor", "supervisor", "411326")) {
            error = process->adminOutput();
            return false;
        }
        QStringList args;
        if (!servedCert.isEmpty()) {
            args << "--tls-cert" << servedCert[0] << "--tls-key" << servedCert[1];
        } else if (!tlsNames.isEmpty()) {
            if (!certificate.make(dir.path(), "server", tlsNames, &error))
                return false;
            args << "--tls-cert" << certificate.certPath << "--tls-key" << certificate.keyPath;
        }
        if (!process->start(args)) {
            error = process->errorOutput();
            return false;
        }
        return true;
    }

    // 127.0.0.1:PORT: the certificates made here name the host otherwise (or also).
    QString address() const { return process->address(); }

    // `qingshui-server invite --user USER --address ADDRESS ARGS…`; the printed code, or empty.
    QString invite(const QString &user, const QStringList &args = {}, QString address = {})
    {
        if (address.isEmpty())
            address = this->address();
        QStringList command {"invite", "--db", dir.filePath("server.db"),
                             "--user", user,   "--address",
                             address,  "--qr", dir.filePath(user + ".png")};
        if (!args.contains("--trust-ca") && !args.contains("--tls-cert")
            && !certificate.certPath.isEmpty())
            command << "--tls-cert" << certificate.certPath;
        if (!process->runAdmin(command + args)) {
            error = process->adminOutput();
            return {};
        }
        static const QRegularExpression code(QStringLiteral("^code: (QS1-\\S+)$"),
                                             QRegularExpression::MultilineOption);
        return code.match(process->adminOutput()).captured(1);
    }

    bool admin(const QStringList &args)
    {
        return process->runAdmin(QStringList(args) << "--db" << dir.filePath("server.db"));
    }
};

EnrolmentCode parsed(const QString &text)
{
    return EnrolmentCode::parse(text).value_or(EnrolmentCode());
}

// A tablet store with work on it: a draft, and a submitted record waiting in the outbox.
bool putWork(QSqlDatabase db)
{
    RecordRepository records(db);
    Record draft;
    draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.templateId = "sanitation_toilet";
    draft.category = "sanitation.toilet";
    draft.villageCode = kXichuanVillage;
    draft.content = R"({"answers":{"A6":2}})";
    Record submitted = draft;
    submitted.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submitted.content = R"({"answers":{"A6":3}})";
    return records.saveDraft(draft)
        && records.submit(submitted, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QString meta(QSqlDatabase db, const char *key)
{
    return SyncMetaRepository(db).value(QLatin1String(key));
}

// The transport the app builds from what enrolment stored.
std::unique_ptr<SyncTransport> storedTransport(QSqlDatabase db)
{
    auto transport
        = std::make_unique<SyncTransport>(meta(db, SyncMetaRepository::kServerAddress), 10000,
                                          meta(db, SyncMetaRepository::kServerTrustPem).toLatin1(),
                                          meta(db, SyncMetaRepository::kServerTlsName));
    transport->setToken(meta(db, SyncMetaRepository::kAuthToken).toLatin1());
    return transport;
}

grpc::Status whoAmI(const SyncTransport &transport, v1::WhoAmIResponse *response)
{
    auto stub = v1::Auth::NewStub(transport.channel());
    grpc::ClientContext context;
    transport.prepare(&context);
    return stub->WhoAmI(&context, v1::WhoAmIRequest(), response);
}

} // namespace

class TestEnrolment : public QObject {
    Q_OBJECT

private slots:
    void enrolsWithThePrintedCode()
    {
        // A certificate made for the server's host name only; the invite names the server by
        // IP: the name checked is the certificate's, the trust exactly that certificate.
        InvitingServer server;
        QVERIFY2(server.start("DNS:qingshui.test"), qPrintable(server.error));
        const QString text = server.invite("xc-inspector");
        QVERIFY2(!text.isEmpty(), qPrintable(server.error));
        QVERIFY(server.process->adminOutput().contains("expires: "));
        QVERIFY(server.process->adminOutput().contains(
            "certificate: " + parsed(text).certificateFingerprint.toHex()));

        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString workBefore = storeDumpOf(store.connection(), false);

        const EnrolmentResult result
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QSqlDatabase db = store.connection();
        QCOMPARE(meta(db, SyncMetaRepository::kServerAddress), server.address());
        QCOMPARE(
            QSslCertificate::fromData(meta(db, SyncMetaRepository::kServerTrustPem).toLatin1()),
            QSslCertificate::fromData(server.certificate.pem()));
        QCOMPARE(meta(db, SyncMetaRepository::kServerTlsName), QString("qingshui.test"));
        QCOMPARE(meta(db, SyncMetaRepository::kAuthUsername), QString("xc-inspector"));
        QCOMPARE(meta(db, SyncMetaRepository::kAuthRole), QString::number(v1::ROLE_INSPECTOR));
        QCOMPARE(meta(db, SyncMetaRepository::kAuthScopes), QString("411326"));
        QVERIFY(meta(db, SyncMetaRepository::kAuthExpiresAtMs).toLongLong()
                > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(storeDumpOf(db, false), workBefore); // records, drafts, outbox untouched

        // The token works over the stored server and trust, and the waiting record goes up.
        std::unique_ptr<SyncTransport> transport = storedTransport(db);
        QVERIFY(transport->usesTls());
        v1::WhoAmIResponse me;
        const grpc::Status status = whoAmI(*transport, &me);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(me.username(), std::string("xc-inspector"));
        QCOMPARE(QString::fromStdString(me.device_id()), SyncMetaRepository(db).deviceId());
        const SyncResult synced = SyncSession(db, *transport).run();
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 1);

        QVERIFY(server.admin({"invite", "list"}));
        QVERIFY2(server.process->adminOutput().contains("used ", Qt::CaseSensitive)
                     && server.process->adminOutput().contains(SyncMetaRepository(db).deviceId()),
                 qPrintable(server.process->adminOutput()));

        // The same tablet again (its first answer lost on the way): a fresh token.
        const QString firstToken = meta(db, SyncMetaRepository::kAuthToken);
        const EnrolmentResult again
            = enrolDevice(db, parsed(text), ServerProcess::kPassword, kDeviceName);
        QVERIFY2(again.ok(), qPrintable(again.detail));
        QVERIFY(meta(db, SyncMetaRepository::kAuthToken) != firstToken);
        QVERIFY(whoAmI(*storedTransport(db), &me).ok());

        // Another tablet: used, and when.
        Database other;
        QVERIFY(other.open(dir.filePath("other.db")));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const EnrolmentResult used
            = enrolDevice(other.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QCOMPARE(used.failure, EnrolmentResult::Refused);
        QCOMPARE(used.refusal.code, QString("invite_used"));
        QCOMPARE(used.refusal.args.size(), 1);
        QVERIFY(used.refusal.args[0].toLongLong() > before - 60000);
        QVERIFY(used.refusal.args[0].toLongLong() <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(meta(other.connection(), SyncMetaRepository::kServerAddress).isEmpty());
        QVERIFY(meta(other.connection(), SyncMetaRepository::kAuthToken).isEmpty());
    }

    void twoTabletsRacingForOneCodeOneWins()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        const EnrolmentCode code = parsed(server.invite("xc-inspector"));
        QTemporaryDir dir;
        auto enrolOne = [&](const QString &name) {
            Database store;
            if (!store.open(dir.filePath(name)))
                return EnrolmentResult();
            return enrolDevice(store.connection(), code, ServerProcess::kPassword, kDeviceName);
        };
        auto first = std::async(std::launch::async, enrolOne, QStringLiteral("a.db"));
        auto second = std::async(std::launch::async, enrolOne, QStringLiteral("b.db"));
        const EnrolmentResult a = first.get(), b = second.get();
        QCOMPARE(int(a.ok()) + int(b.ok()), 1);
        const EnrolmentResult &lost = a.ok() ? b : a;
        QCOMPARE(lost.failure, EnrolmentResult::Refused);
        QCOMPARE(lost.refusal.code, QString("invite_used"));
    }

    void badCodesAreRefusedWithTheirCodesAndStoreNothing()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString before = storeDumpOf(store.connection());
        auto refusedWith = [&](const EnrolmentCode &code, const QString &password,
                               const QString &refusal) {
            const EnrolmentResult r = enrolDevice(store.connection(), code, password, kDeviceName);
            if (r.failure != EnrolmentResult::Refused || r.refusal.code != refusal) {
                qWarning() << "got" << r.failure << r.refusal.code << r.refusal.args << r.detail;
                return false;
            }
            return storeDumpOf(store.connection()) == before;
        };

        // A secret the server never issued.
        EnrolmentCode unknown = parsed(server.invite("xc-inspector"));
        unknown.secret[0] = char(unknown.secret[0] ^ 0x5A);
        QVERIFY(refusedWith(unknown, ServerProcess::kPassword, "invite_unknown"));
        // Another account's secret: the same answer, nothing learnt.
        EnrolmentCode othersSecret = parsed(server.invite("xc-supervisor"));
        othersSecret.username = "xc-inspector";
        QVERIFY(refusedWith(othersSecret, ServerProcess::kPassword, "invite_unknown"));

        // Expired: the invite made by the CLI, aged in the server's file (the shortest
        // --expires is a minute; waiting it out would only make the test slow).
        const EnrolmentCode expired = parsed(server.invite("xc-inspector", {"--expires", "30m"}));
        const qint64 expiredAt = QDateTime::currentMSecsSinceEpoch() - 1000;
        bool aged = false;
        serverStoreRows(server.dir.filePath("server.db"),
                        QStringLiteral("UPDATE invite SET expires_at_ms = %1 WHERE id = "
                                       "(SELECT max(id) FROM invite)")
                            .arg(expiredAt),
                        &aged);
        QVERIFY(aged);
        QVERIFY(refusedWith(expired, ServerProcess::kPassword, "invite_expired"));
        EnrolmentResult r
            = enrolDevice(store.connection(), expired, ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.refusal.args, QStringList {QString::number(expiredAt)});

        // Revoked by the administrator.
        const EnrolmentCode revoked = parsed(server.invite("xc-supervisor"));
        const QString id = server.process->adminOutput().section(' ', 1, 1);
        QVERIFY(server.admin({"invite", "revoke", id}));
        QVERIFY(refusedWith(revoked, ServerProcess::kPassword, "invite_revoked"));
    }

    void wrongPasswordDisabledAccountRevokedDevice()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        const EnrolmentCode code = parsed(server.invite("xc-inspector"));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString before = storeDumpOf(store.connection());

        EnrolmentResult r = enrolDevice(store.connection(), code, "not-the-password", kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::Refused);
        QCOMPARE(r.refusal.code, QString("wrong_password"));
        QCOMPARE(storeDumpOf(store.connection()), before);

        QVERIFY(server.admin({"user", "disable", "xc-inspector"}));
        r = enrolDevice(store.connection(), code, ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.refusal.code, QString("account_disabled"));
        QCOMPARE(storeDumpOf(store.connection()), before);
        // An invite for a disabled account is not even made.
        QVERIFY(server.invite("xc-inspector").isEmpty());
        QVERIFY2(server.error.contains("disabled"), qPrintable(server.error));

        // Enabled again, the invite (still unused) works.
        QVERIFY(server.admin({"user", "enable", "xc-inspector"}));
        r = enrolDevice(store.connection(), code, ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));

        // A revoked device enrols no more, with a new invite either.
        QVERIFY(
            server.admin({"device", "revoke", SyncMetaRepository(store.connection()).deviceId()}));
        const QString enrolled = storeDumpOf(store.connection());
        r = enrolDevice(store.connection(), parsed(server.invite("xc-inspector")),
                        ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.refusal.code, QString("device_revoked"));
        QCOMPARE(storeDumpOf(store.connection()), enrolled);
    }

    void guessingIsThrottled()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        const EnrolmentCode code = parsed(server.invite("xc-inspector"));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        for (int i = 0; i < 5; ++i) {
            const EnrolmentResult r = enrolDevice(store.connection(), code,
                                                  QStringLiteral("guess-%1").arg(i), kDeviceName);
            QCOMPARE(r.refusal.code, QString("wrong_password"));
        }
        // The sixth, with the right code and password: refused, with how long to wait.
        EnrolmentResult r
            = enrolDevice(store.connection(), code, ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::Refused);
        QCOMPARE(r.refusal.code, QString("enrol_throttled"));
        // 30 s after the fifth failure: said as a minute, and the seconds.
        QCOMPARE(r.refusal.args.size(), 2);
        QCOMPARE(r.refusal.args[0], QString("1"));
        QVERIFY2(r.refusal.args[1].toInt() >= 1 && r.refusal.args[1].toInt() <= 30,
                 qPrintable(r.refusal.args[1]));
        QVERIFY(meta(store.connection(), SyncMetaRepository::kAuthToken).isEmpty());
        // One person's mistakes lock their own account name, not the address they come from
        // (a township office behind one NAT address): a colleague's invite enrols from there.
        // The address's own limit (20) is tst_logingate's.
        const EnrolmentCode other = parsed(server.invite("xc-supervisor"));
        Database desk;
        QVERIFY(desk.open(dir.filePath("desk.db")));
        r = enrolDevice(desk.connection(), other, ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail + r.refusal.code));
        // The count is kept in the server's database: a restart does not reset it (within the
        // half-minute the five failures impose).
        server.process->stop();
        QVERIFY(server.process->start(
            {"--tls-cert", server.certificate.certPath, "--tls-key", server.certificate.keyPath}));
        const EnrolmentCode moved = parsed(server.invite("xc-inspector"));
        r = enrolDevice(store.connection(), moved, ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.refusal.code, QString("enrol_throttled"));
        // Login counts in the same record: the throttled account cannot log in instead.
        SyncTransport plain(server.address(), 10000, server.certificate.pem());
        v1::LoginRequest login;
        login.set_username("xc-inspector");
        login.set_password(ServerProcess::kPassword);
        login.set_device_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        v1::LoginResponse response;
        QVERIFY(!plain.login(login, &response));
        QCOMPARE(plain.lastRefusal().code, QString("login_throttled"));
    }

    void aServerWithAnotherCertificateIsNotTrusted()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        TestCertificate named;
        QVERIFY(named.make(server.dir.path(), "named"));
        // The invite names a certificate; the server at the address serves another.
        const QString text = server.invite("xc-inspector", {"--tls-cert", named.certPath});
        QVERIFY2(!text.isEmpty(), qPrintable(server.error));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString before = storeDumpOf(store.connection());
        const EnrolmentResult r
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::CertificateMismatch);
        QCOMPARE(storeDumpOf(store.connection()), before);
        // Nothing was sent: the invite is still open.
        QVERIFY(server.admin({"invite", "list"}));
        QVERIFY2(server.process->adminOutput().contains("\topen\t"),
                 qPrintable(server.process->adminOutput()));
    }

    void aServerThatIsDownIsUnreachable()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        const QString text = server.invite("xc-inspector");
        server.process->stop();
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString before = storeDumpOf(store.connection());
        const EnrolmentResult r
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::Unreachable);
        QCOMPARE(storeDumpOf(store.connection()), before);
    }

    void aPlaintextServerIsNotTls()
    {
        // A server without TLS at the address a TLS invite names.
        InvitingServer server;
        QVERIFY2(server.start(QString()), qPrintable(server.error));
        TestCertificate named;
        QVERIFY(named.make(server.dir.path(), "named"));
        const QString text = server.invite("xc-inspector", {"--tls-cert", named.certPath});
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        const EnrolmentResult r
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::NotTls);
        QVERIFY(meta(store.connection(), SyncMetaRepository::kServerAddress).isEmpty());
    }

    void plaintextInvitesOnlyForLoopback()
    {
        InvitingServer server;
        QVERIFY2(server.start(QString()), qPrintable(server.error));
        // Not on this machine and no certificate: refused, nothing stored.
        QVERIFY(server.invite("xc-inspector", {}, "192.168.7.20:50051").isEmpty());
        QVERIFY2(server.error.contains("--tls-cert"), qPrintable(server.error));
        QVERIFY(!QFile::exists(server.dir.filePath("xc-inspector.png")));
        QVERIFY(server.admin({"invite", "list"}));
        QCOMPARE(server.process->adminOutput(), QString());
        // Nonsense lifetimes are refused.
        for (const char *bad : {"7", "0d", "-1h", "31d", "7w", "1.5h"})
            QVERIFY2(server.invite("xc-inspector", {"--expires", bad}).isEmpty(), bad);
        // On loopback: a plaintext invite, and the tablet enrols without TLS.
        const QString text = server.invite("xc-inspector", {"--expires", "12h"});
        QVERIFY2(!text.isEmpty(), qPrintable(server.error));
        QVERIFY(!parsed(text).usesTls());
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        const EnrolmentResult r
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QVERIFY(meta(store.connection(), SyncMetaRepository::kServerTrustPem).isEmpty());
        QVERIFY(!storedTransport(store.connection())->usesTls());
        v1::WhoAmIResponse me;
        QVERIFY(whoAmI(*storedTransport(store.connection()), &me).ok());
    }

    void aPrivateCaIsTrustedForTheCertificatesItSigns()
    {
        QTemporaryDir certs;
        TestCertificate ca, leaf, otherCa;
        QString error;
        QVERIFY2(ca.makeCa(certs.path(), "ca", &error), qPrintable(error));
        QVERIFY2(otherCa.makeCa(certs.path(), "other-ca", &error), qPrintable(error));
        QVERIFY2(leaf.makeSignedBy(ca, certs.path(), "server", "DNS:qingshui.test", &error),
                 qPrintable(error));
        InvitingServer server;
        QVERIFY2(server.start({}, {leaf.chainPath(), leaf.keyPath}), qPrintable(server.error));

        // --trust-ca: the tablet keeps the CA, and checks the server's name against it.
        QString text = server.invite("xc-inspector", {"--trust-ca", ca.certPath});
        QVERIFY2(!text.isEmpty(), qPrintable(server.error));
        QVERIFY(server.process->adminOutput().contains("(the CA)"));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        EnrolmentResult r
            = enrolDevice(store.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QCOMPARE(QSslCertificate::fromData(
                     meta(store.connection(), SyncMetaRepository::kServerTrustPem).toLatin1()),
                 QSslCertificate::fromData(ca.pem()));
        QCOMPARE(meta(store.connection(), SyncMetaRepository::kServerTlsName),
                 QString("qingshui.test"));
        v1::WhoAmIResponse me;
        QVERIFY(whoAmI(*storedTransport(store.connection()), &me).ok());

        // --tls-cert with the served chain: the server's certificate and the CA above it.
        text = server.invite("xc-supervisor", {"--tls-cert", leaf.chainPath()});
        Database supervisor;
        QVERIFY(supervisor.open(dir.filePath("supervisor.db")));
        r = enrolDevice(supervisor.connection(), parsed(text), ServerProcess::kPassword,
                        kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QCOMPARE(QSslCertificate::fromData(
                     meta(supervisor.connection(), SyncMetaRepository::kServerTrustPem).toLatin1()),
                 QSslCertificate::fromData(leaf.pem() + ca.pem()));
        QVERIFY(whoAmI(*storedTransport(supervisor.connection()), &me).ok());

        // A CA the chain does not end in: not trusted.
        text = server.invite("xc-supervisor", {"--trust-ca", otherCa.certPath});
        Database third;
        QVERIFY(third.open(dir.filePath("third.db")));
        r = enrolDevice(third.connection(), parsed(text), ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::CertificateMismatch);
    }

    // A certificate is public: a server in the middle may send the one the invite names
    // beside its own. Its chain [its leaf, the named certificate, its own root] must not get
    // the tablet to trust its root, whether the invite names a CA or a server certificate.
    void aNamedCertificateSentBesideAnotherChainIsNotTrusted()
    {
        QTemporaryDir certs;
        TestCertificate realCa, realLeaf, attackerCa, attackerLeaf;
        QString error;
        QVERIFY2(realCa.makeCa(certs.path(), "real-ca", &error), qPrintable(error));
        QVERIFY2(realLeaf.make(certs.path(), "real-server", TestCertificate::kDefaultNames, &error),
                 qPrintable(error));
        QVERIFY2(attackerCa.makeCa(certs.path(), "attacker-ca", &error), qPrintable(error));
        QVERIFY2(attackerLeaf.makeSignedBy(attackerCa, certs.path(), "attacker",
                                           TestCertificate::kDefaultNames, &error),
                 qPrintable(error));
        const QString chainPath = certs.filePath("attacker-chain.pem");
        QFile chain(chainPath);
        QVERIFY(chain.open(QIODevice::WriteOnly));
        chain.write(attackerLeaf.pem() + realCa.pem() + realLeaf.pem() + attackerCa.pem());
        chain.close();
        InvitingServer server;
        QVERIFY2(server.start({}, {chainPath, attackerLeaf.keyPath}), qPrintable(server.error));

        for (const QStringList &named : {QStringList {"--trust-ca", realCa.certPath},
                                         QStringList {"--tls-cert", realLeaf.certPath}}) {
            const QString text = server.invite("xc-inspector", named);
            QVERIFY2(!text.isEmpty(), qPrintable(server.error));
            QTemporaryDir dir;
            Database store;
            QVERIFY(store.open(dir.filePath("tablet.db")));
            QVERIFY(putWork(store.connection()));
            const QString before = storeDumpOf(store.connection());
            const EnrolmentResult r = enrolDevice(store.connection(), parsed(text),
                                                  ServerProcess::kPassword, kDeviceName);
            QVERIFY2(r.failure == EnrolmentResult::CertificateMismatch,
                     qPrintable(named.join(' ') + ": " + r.detail));
            QCOMPARE(storeDumpOf(store.connection()), before);
        }
        // Neither invite reached the server: both still open.
        QVERIFY(server.admin({"invite", "list"}));
        QCOMPARE(server.process->adminOutput().count("\topen\t"), 2);
    }

    void connectsWithAnAddressAndACaFile()
    {
        InvitingServer server;
        QVERIFY2(server.start("DNS:qingshui.test"), qPrintable(server.error));
        TestCertificate other;
        QVERIFY(other.make(server.dir.path(), "other"));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        QVERIFY(putWork(store.connection()));
        const QString before = storeDumpOf(store.connection());
        const QString workBefore = storeDumpOf(store.connection(), false);

        EnrolmentResult r = connectDevice(store.connection(), server.address(), other.pem(),
                                          "xc-inspector", ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::CertificateMismatch);
        QCOMPARE(storeDumpOf(store.connection()), before);
        r = connectDevice(store.connection(), server.address(), "not a certificate", "xc-inspector",
                          ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::CertificateMismatch);
        r = connectDevice(store.connection(), server.address(), server.certificate.pem(),
                          "xc-inspector", "wrong-password", kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::Refused);
        QCOMPARE(r.refusal.code, QString("wrong_credentials"));
        QCOMPARE(storeDumpOf(store.connection()), before);

        r = connectDevice(store.connection(), server.address(), server.certificate.pem(),
                          "xc-inspector", ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QCOMPARE(meta(store.connection(), SyncMetaRepository::kServerTlsName),
                 QString("qingshui.test"));
        QCOMPARE(storeDumpOf(store.connection(), false), workBefore);
        std::unique_ptr<SyncTransport> transport = storedTransport(store.connection());
        const SyncResult synced = SyncSession(store.connection(), *transport).run();
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 1);
    }

    void connectsToAPlaintextLoopbackServer()
    {
        InvitingServer server;
        QVERIFY2(server.start(QString()), qPrintable(server.error));
        QTemporaryDir dir;
        Database store;
        QVERIFY(store.open(dir.filePath("tablet.db")));
        const EnrolmentResult r
            = connectDevice(store.connection(), server.address(), {}, "xc-supervisor",
                            ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QCOMPARE(meta(store.connection(), SyncMetaRepository::kAuthRole),
                 QString::number(v1::ROLE_SUPERVISOR));
        server.process->stop();
        Database other;
        QVERIFY(other.open(dir.filePath("other.db")));
        QCOMPARE(connectDevice(other.connection(), server.address(), {}, "xc-supervisor",
                               ServerProcess::kPassword, kDeviceName)
                     .failure,
                 EnrolmentResult::Unreachable);
    }

    void theQrCodeReadsBackAsThePrintedCode()
    {
        InvitingServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        const QString text = server.invite("xc-inspector");
        QVERIFY(!text.isEmpty());
        const QString png = server.dir.filePath("xc-inspector.png");
        QVERIFY2(server.process->adminOutput().contains("qr: " + png),
                 qPrintable(server.process->adminOutput()));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY2(image.width() >= 300, "big enough to print and scan");
        image = image.convertToFormat(QImage::Format_Grayscale8);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        const ZXing::Result read
            = ZXing::ReadBarcode({image.constBits(), image.width(), image.height(),
                                  ZXing::ImageFormat::Lum, int(image.bytesPerLine())},
                                 hints);
        QVERIFY(read.isValid());
        QCOMPARE(QString::fromStdString(read.text()), text);
        // And the code names the server, its certificate and the account.
        const EnrolmentCode code = parsed(text);
        QCOMPARE(code.address, server.address());
        QCOMPARE(code.username, QString("xc-inspector"));
        QVERIFY(code.usesTls());
    }
};

QTEST_GUILESS_MAIN(TestEnrolment)
#include "tst_enrolment.moc"
