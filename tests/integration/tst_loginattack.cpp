// Login under attack, against real qingshui-server processes over real sockets: an attacker
// on another address who keeps failing on an account holds strangers' devices but not the
// account's own tablet, so the real user gets in; 200 logins at once all get an answer, and
// the server's memory stays bounded (a fixed number of Argon2id checks at once, a short queue,
// server_busy beyond it); the app tries again by itself when the server is busy; an unknown
// user, a wrong password and a disabled account get the very same answer; tokens issued
// before `user disable` stay dead after `user enable`.
#include "devicelogin.h"
#include "loginanswer.h"
#include "processmemory.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "tcpproxy.h"

#include <grpcpp/support/status_code_enum.h>

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>
#include <thread>
#include <vector>

namespace {

QString newDeviceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One sync of the store with the token it holds.
SyncResult syncStore(QSqlDatabase db, const QString &address, Refusal *refusal = nullptr)
{
    SyncTransport transport(address);
    transport.setToken(SyncMetaRepository(db).value(SyncMetaRepository::kAuthToken).toLatin1());
    const SyncResult result = SyncSession(db, transport).run();
    if (refusal)
        *refusal = transport.lastRefusal();
    return result;
}

} // namespace

class TestLoginAttack : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // An attacker on another machine (a proxy reaching the server from 127.0.0.66) fails on
    // the account again and again: devices not enrolled for it wait, from any address, while
    // the account's own tablet logs in at once with the right password.
    void theRealUserGetsInWhileAnAttackerKeepsFailing()
    {
        ServerProcess server(m_dir.filePath("attacked.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        const QString realTablet = newDeviceId();
        QVERIFY(logIn(server.address(), "xc-inspector", ServerProcess::kPassword, realTablet).ok);

        TcpProxy elsewhere(QStringLiteral("127.0.0.1"),
                           quint16(server.address().section(':', -1).toUInt()));
        elsewhere.connectFrom(QHostAddress(QStringLiteral("127.0.0.66")));
        QVERIFY(elsewhere.start());
        for (int i = 0; i < 5; ++i) {
            const LoginAnswer a = logIn(elsewhere.address(), "xc-inspector",
                                        QStringLiteral("guess-%1").arg(i), newDeviceId());
            QCOMPARE(a.refusal.code, QString("wrong_credentials"));
        }
        // The attacker keeps trying: held now, whatever it sends.
        for (int i = 0; i < 3; ++i) {
            const LoginAnswer a = logIn(elsewhere.address(), "xc-inspector",
                                        QStringLiteral("guess-more-%1").arg(i), newDeviceId());
            QCOMPARE(a.status, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
            QCOMPARE(a.refusal.code, QString("login_throttled"));
        }

        // The real user's own tablet, its token gone (logged out): in at once.
        const LoginAnswer own
            = logIn(server.address(), "xc-inspector", ServerProcess::kPassword, realTablet);
        QVERIFY2(own.ok, qPrintable(own.message));
        QVERIFY(!own.token.empty());
        // A new tablet of theirs is a stranger to the account: it waits like the attacker's
        // (the price; an invite's enrolment is held the same way until the wait has passed).
        const LoginAnswer newTablet
            = logIn(server.address(), "xc-inspector", ServerProcess::kPassword, newDeviceId());
        QCOMPARE(newTablet.refusal.code, QString("login_throttled"));
        // The attacker's address was not what held it: another account logs in from there …
        QVERIFY(server.addUser("xc-other", "inspector", "411326"));
        const LoginAnswer other
            = logIn(elsewhere.address(), "xc-other", ServerProcess::kPassword, newDeviceId());
        QVERIFY2(other.ok, qPrintable(other.message));
        // … and the real tablet keeps getting in while the attacker fails on.
        QCOMPARE(
            logIn(elsewhere.address(), "xc-inspector", "guess-again", newDeviceId()).refusal.code,
            QString("login_throttled"));
        QVERIFY(logIn(server.address(), "xc-inspector", ServerProcess::kPassword, realTablet).ok);
    }

    // The same answer — status, message, refusal code and args — for an unknown user name, a
    // wrong password and a disabled account (the password is checked first, against a dummy
    // hash when there is no account, so that the work is the same too). Only whoever knows a
    // disabled account's password learns it is disabled.
    void unknownUserWrongPasswordAndDisabledAccountLookAlike()
    {
        const QString db = m_dir.filePath("alike.db");
        ServerProcess server(db);
        QVERIFY(server.addUser("xc-active", "inspector", "411326"));
        QVERIFY(server.addUser("xc-disabled", "inspector", "411326"));
        QVERIFY(server.runAdmin({"user", "disable", "xc-disabled", "--db", db}));
        QVERIFY(server.start());
        const LoginAnswer unknown
            = logIn(server.address(), "xc-nobody", "some-password-1", newDeviceId());
        const LoginAnswer wrong
            = logIn(server.address(), "xc-active", "some-password-1", newDeviceId());
        const LoginAnswer disabled
            = logIn(server.address(), "xc-disabled", "some-password-1", newDeviceId());
        QVERIFY(!unknown.ok);
        QCOMPARE(unknown.status, int(grpc::StatusCode::UNAUTHENTICATED));
        QCOMPARE(unknown.refusal, (Refusal {"wrong_credentials", {}}));
        for (const LoginAnswer &a : {wrong, disabled}) {
            QVERIFY(!a.ok);
            QCOMPARE(a.status, unknown.status);
            QCOMPARE(a.message, unknown.message);
            QCOMPARE(a.refusal, unknown.refusal);
            QVERIFY(a.token.empty());
        }
        const LoginAnswer right
            = logIn(server.address(), "xc-disabled", ServerProcess::kPassword, newDeviceId());
        QCOMPARE(right.status, int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(right.refusal.code, QString("account_disabled"));
    }

    // `user disable` ends the account's tokens; `user enable` brings none of them back: the
    // tablet is told its account is disabled while it is, then that its login ended, and it
    // syncs again only after logging in anew.
    void tokensIssuedBeforeDisableStayDeadAfterEnable()
    {
        const QString db = m_dir.filePath("disable.db");
        ServerProcess server(db);
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        Database store;
        QVERIFY(store.open(m_dir.filePath("disable-tablet.db")));
        SyncTransport transport(server.address());
        QString error;
        QVERIFY2(logInDevice(store.connection(), transport, "xc-inspector",
                             ServerProcess::kPassword, "测试平板", &error),
                 qPrintable(error));
        const QString oldToken
            = SyncMetaRepository(store.connection()).value(SyncMetaRepository::kAuthToken);
        QVERIFY(syncStore(store.connection(), server.address()).ok);

        QVERIFY(server.runAdmin({"user", "disable", "xc-inspector", "--db", db}));
        Refusal refusal;
        SyncResult synced = syncStore(store.connection(), server.address(), &refusal);
        QVERIFY(!synced.ok);
        QVERIFY(synced.needsLogin);
        QCOMPARE(refusal.code, QString("account_disabled"));

        QVERIFY(server.runAdmin({"user", "enable", "xc-inspector", "--db", db}));
        synced = syncStore(store.connection(), server.address(), &refusal);
        QVERIFY(!synced.ok);
        QVERIFY(synced.needsLogin);
        QCOMPARE(refusal.code, QString("token_revoked"));
        QCOMPARE(SyncMetaRepository(store.connection()).value(SyncMetaRepository::kAuthToken),
                 oldToken); // the same token, dead for good

        QVERIFY2(logInDevice(store.connection(), transport, "xc-inspector",
                             ServerProcess::kPassword, "测试平板", &error),
                 qPrintable(error));
        synced = syncStore(store.connection(), server.address());
        QVERIFY2(synced.ok, qPrintable(synced.error));
    }

    // 200 logins at once, each on its own connection: every one gets an answer — a token, or
    // server_busy at once when the checks under way and the queue are full — and none hangs
    // or is cut. The server runs as many Argon2id checks (64 MiB each) at once as it has
    // cores, so its peak memory stays near that many checks, not 200.
    void twoHundredLoginsAtOnceAllGetAnAnswer()
    {
        ServerProcess server(m_dir.filePath("crowd.db"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(server.addUser(QStringLiteral("xc-crowd%1").arg(i), "inspector", "411326"));
        QVERIFY(server.start());
        constexpr int kAttempts = 200;
        std::vector<std::future<LoginAnswer>> answers;
        for (int i = 0; i < kAttempts; ++i)
            answers.push_back(std::async(std::launch::async, [&server, i] {
                return logIn(server.address(), QStringLiteral("xc-crowd%1").arg(i % 10),
                             ServerProcess::kPassword, newDeviceId(), 0);
            }));
        int loggedIn = 0, busy = 0;
        QStringList others;
        for (auto &answer : answers) {
            const LoginAnswer a = answer.get();
            if (a.ok)
                ++loggedIn;
            else if (a.status == int(grpc::StatusCode::RESOURCE_EXHAUSTED)
                     && a.refusal.code == QLatin1String("server_busy"))
                ++busy;
            else
                others << a.message;
        }
        QVERIFY2(others.isEmpty(), qPrintable(others.join('\n')));
        QCOMPARE(loggedIn + busy, kAttempts);
        QVERIFY(loggedIn > 0);
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        const double peak = peakMemoryMiB(server.pid());
        qInfo("%d logged in, %d busy; server peak %.0f MiB with %u checks at once", loggedIn, busy,
              peak, cores);
        // Each check under way holds 64 MiB; the server itself and gRPC's buffers stay well
        // under 200 MiB. 200 checks at once would need 12.5 GiB.
        QVERIFY(peak > 0);
        QVERIFY2(peak < cores * 64 + 200, qPrintable(QString::number(peak)));
    }

    // A server that checks one password at a time and queues none: tablets logging in
    // together are refused as busy, and the app's transport tries again by itself after the
    // seconds the server names, spread, until each is in.
    void theAppTriesAgainWhenTheServerIsBusy()
    {
        ServerProcess server(m_dir.filePath("busy.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start({"--login-workers", "1", "--login-queue", "0"}));
        constexpr int kTablets = 6;
        std::vector<std::future<LoginAnswer>> answers;
        for (int i = 0; i < kTablets; ++i)
            answers.push_back(std::async(std::launch::async, [&server] {
                return logIn(server.address(), "xc-inspector", ServerProcess::kPassword,
                             newDeviceId(), 20);
            }));
        int retries = 0;
        for (auto &answer : answers) {
            const LoginAnswer a = answer.get();
            QVERIFY2(a.ok, qPrintable(a.message));
            retries += a.busyRetries;
        }
        QVERIFY2(retries > 0, "no tablet was ever refused as busy");
        // Without tries again the refusal is what the app words: server_busy, with the
        // seconds after which to try.
        std::vector<std::future<LoginAnswer>> once;
        for (int i = 0; i < kTablets; ++i)
            once.push_back(std::async(std::launch::async, [&server] {
                return logIn(server.address(), "xc-inspector", ServerProcess::kPassword,
                             newDeviceId(), 0);
            }));
        int busy = 0;
        for (auto &answer : once) {
            const LoginAnswer a = answer.get();
            if (!a.ok) {
                QCOMPARE(a.refusal.code, QString("server_busy"));
                QCOMPARE(a.refusal.args.size(), 1);
                ++busy;
            }
        }
        QVERIFY(busy > 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginAttack)
#include "tst_loginattack.moc"
