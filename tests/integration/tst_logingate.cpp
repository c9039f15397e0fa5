// Who gets through Auth.Login, against real qingshui-server processes and the device's real
// client (SyncTransport, logInDevice, enrolDevice): a wrong password counts towards the
// throttle Enrol uses, and the throttle answers before any password is checked; 5 failures
// hold one user name (tried from devices not enrolled for it) for 30 s, 20 hold an address (a
// township office behind one NAT address is not held by a few mistakes of its people); with
// --require-invite a device no invite enrolled is refused before its password is looked at,
// while a device an invite enrolled logs in again once its token has expired or is gone, for
// its own account only; a revoked device stays refused; devices enrolled before the flag was
// set keep logging in. (The growing waits with a given clock: tst_guessthrottle; an attacker
// elsewhere, busy servers, disabled accounts: tst_loginattack.)
#include "deviceenrolment.h"
#include "devicelogin.h"
#include "loginanswer.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storedump.h"
#include "syncsession.h"
#include "synctransport.h"

#include "qingshui/v1/auth.pb.h"

#include <grpcpp/support/status_code_enum.h>

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>
#include <vector>

namespace v1 = qingshui::v1;

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县
const QString kDeviceName = QStringLiteral("测试平板");

QString newDeviceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The first wait after five failures: 30 s (said as 1 minute and the seconds), counted from
// the last failure, which this test made a moment ago.
bool waitsHalfAMinute(const Refusal &refusal)
{
    const int seconds = refusal.args.value(1).toInt();
    return refusal.args.size() == 2 && refusal.args.value(0) == QLatin1String("1") && seconds >= 1
        && seconds <= 30;
}

// `qingshui-server invite` for a loopback server (plaintext); the code it printed.
std::optional<EnrolmentCode> invite(ServerProcess &server, const QString &db, const QString &user,
                                    QString address = {})
{
    if (!server.runAdmin({"invite", "--db", db, "--user", user, "--address",
                          address.isEmpty() ? server.address() : address, "--qr",
                          db + "." + user + ".png"}))
        return std::nullopt;
    static const QRegularExpression code(QStringLiteral("^code: (QS1-\\S+)$"),
                                         QRegularExpression::MultilineOption);
    return EnrolmentCode::parse(code.match(server.adminOutput()).captured(1));
}

// A submitted record waiting in the store's outbox.
bool submitRecord(QSqlDatabase db)
{
    Record r;
    r.id = newDeviceId();
    r.templateId = "sanitation_toilet";
    r.category = "sanitation.toilet";
    r.villageCode = kXichuanVillage;
    r.content = R"({"answers":{"A6":3}})";
    return RecordRepository(db).submit(r, newDeviceId());
}

// One sync of the store with the token it holds, against the server at `address`.
SyncResult syncStore(QSqlDatabase db, const QString &address)
{
    SyncTransport transport(address);
    transport.setToken(SyncMetaRepository(db).value(SyncMetaRepository::kAuthToken).toLatin1());
    return SyncSession(db, transport).run();
}

} // namespace

class TestLoginGate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A server on its own file with the accounts the tests use (password kPassword).
    bool startServer(ServerProcess &server, const QStringList &users, const QStringList &args = {})
    {
        for (const QString &user : users) {
            const QString role = user.contains("supervisor") ? "supervisor" : "inspector";
            if (!server.addUser(user, role, "411326"))
                return false;
        }
        return server.start(args);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A wrong password counts, the throttle answers first (even the right password is refused
    // then, with the minutes to wait), and Login and Enrol count in one record.
    void wrongPasswordsThrottleLoginAndEnrolTogether()
    {
        const QString db = m_dir.filePath("together.db");
        ServerProcess server(db);
        QVERIFY(startServer(server, {"xc-inspector", "xc-supervisor", "xc-inspector2"}));
        const QString tablet = newDeviceId();
        for (int i = 0; i < 5; ++i) {
            const LoginAnswer a = logIn(server.address(), "xc-inspector",
                                        QStringLiteral("guess-%1").arg(i), tablet);
            QVERIFY(!a.ok);
            QCOMPARE(a.refusal.code, QString("wrong_credentials"));
        }
        LoginAnswer a = logIn(server.address(), "xc-inspector", ServerProcess::kPassword, tablet);
        QVERIFY(!a.ok);
        QCOMPARE(a.status, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(a.refusal.code, QString("login_throttled"));
        QVERIFY2(waitsHalfAMinute(a.refusal), qPrintable(a.refusal.args.join(',')));
        QVERIFY(a.token.empty());

        // The count is in the server's database: a restart does not reset it (within the
        // half-minute the five failures impose).
        const QString address = server.address();
        server.stop();
        QVERIFY(server.start(address));
        a = logIn(server.address(), "xc-inspector", ServerProcess::kPassword, tablet);
        QCOMPARE(a.refusal.code, QString("login_throttled"));

        // Through the app's own login: refused, nothing stored on the device.
        Database store;
        QVERIFY(store.open(m_dir.filePath("together-tablet.db")));
        QVERIFY(submitRecord(store.connection()));
        SyncMetaRepository(store.connection()).deviceId(); // made at the first login anyway
        const QString before = storeDumpOf(store.connection());
        SyncTransport transport(server.address());
        QString error;
        QVERIFY(!logInDevice(store.connection(), transport, "xc-inspector",
                             ServerProcess::kPassword, kDeviceName, &error));
        QCOMPARE(transport.lastRefusal().code, QString("login_throttled"));
        QCOMPARE(storeDumpOf(store.connection()), before);

        // The same record as Enrol's: a good invite of that account is throttled too.
        const std::optional<EnrolmentCode> code = invite(server, db, "xc-inspector");
        QVERIFY2(code, qPrintable(server.adminOutput()));
        EnrolmentResult r
            = enrolDevice(store.connection(), *code, ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.failure, EnrolmentResult::Refused);
        QCOMPARE(r.refusal.code, QString("enrol_throttled"));
        QCOMPARE(storeDumpOf(store.connection()), before);

        // And the other way: five refused enrolments of another account throttle its login.
        const std::optional<EnrolmentCode> other = invite(server, db, "xc-supervisor");
        QVERIFY(other);
        Database desk;
        QVERIFY(desk.open(m_dir.filePath("together-desk.db")));
        for (int i = 0; i < 5; ++i) {
            r = enrolDevice(desk.connection(), *other, QStringLiteral("guess-%1").arg(i),
                            kDeviceName);
            QCOMPARE(r.refusal.code, QString("wrong_password"));
        }
        a = logIn(server.address(), "xc-supervisor", ServerProcess::kPassword, newDeviceId());
        QCOMPARE(a.refusal.code, QString("login_throttled"));

        // One person's mistakes lock their own name, not the office's address: a colleague
        // behind the same address logs in.
        a = logIn(server.address(), "xc-inspector2", ServerProcess::kPassword, newDeviceId());
        QVERIFY2(a.ok, qPrintable(a.refusal.code));
    }

    // Guesses sent at once, each on its own connection: the server's threads must not let them
    // all past the throttle before the first failure is recorded. Of 16 wrong passwords at
    // once, at most five are judged; the others are throttled (or, should the server's queue of
    // password checks be full, refused as busy and judged when tried again).
    void guessesSentAtOnceGetNoMoreTries()
    {
        ServerProcess server(m_dir.filePath("burst.db"));
        QVERIFY(startServer(server, {"xc-inspector"}));
        std::vector<std::future<LoginAnswer>> answers;
        for (int i = 0; i < 16; ++i)
            answers.push_back(std::async(std::launch::async, [&server, i] {
                return logIn(server.address(), "xc-inspector", QStringLiteral("guess-%1").arg(i),
                             newDeviceId());
            }));
        int judged = 0, throttled = 0;
        for (auto &answer : answers) {
            const LoginAnswer a = answer.get();
            QVERIFY(!a.ok);
            judged += a.refusal.code == QLatin1String("wrong_credentials");
            throttled += a.refusal.code == QLatin1String("login_throttled");
        }
        QCOMPARE(judged + throttled, 16);
        QVERIFY2(judged <= 5, qPrintable(QString::number(judged))); // the limit for one name
    }

    // The trade-off for a township office behind one NAT address: 16 mistakes of four people
    // lock none of the others out; the 20th failure from the address locks it for everyone.
    void oneAddressIsThrottledAfterTwentyFailures()
    {
        ServerProcess server(m_dir.filePath("office.db"));
        QStringList office;
        for (int i = 1; i <= 6; ++i)
            office << QStringLiteral("xc-office%1").arg(i);
        QVERIFY(startServer(server, office));
        for (int person = 0; person < 4; ++person) {
            for (int i = 0; i < 4; ++i) { // 4 each: nobody's name reaches 5
                const LoginAnswer a = logIn(server.address(), office[person],
                                            "typo-" + QString::number(i), newDeviceId());
                QCOMPARE(a.refusal.code, QString("wrong_credentials"));
            }
        }
        LoginAnswer a = logIn(server.address(), office[4], ServerProcess::kPassword, newDeviceId());
        QVERIFY2(a.ok, qPrintable(a.refusal.code));
        // A name nobody has (a script trying names) counts for the address as well.
        for (int i = 0; i < 4; ++i) {
            a = logIn(server.address(), "no-such-" + QString::number(i), "whatever-1",
                      newDeviceId());
            QCOMPARE(a.refusal.code, QString("wrong_credentials"));
        }
        // 20 failures from this address within 15 minutes: a sixth colleague, who never
        // mistyped, waits too; so do enrolments from here.
        a = logIn(server.address(), office[5], ServerProcess::kPassword, newDeviceId());
        QCOMPARE(a.status, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(a.refusal.code, QString("login_throttled"));
        QVERIFY2(waitsHalfAMinute(a.refusal), qPrintable(a.refusal.args.join(',')));
        const std::optional<EnrolmentCode> code
            = invite(server, m_dir.filePath("office.db"), office[5]);
        QVERIFY(code);
        Database store;
        QVERIFY(store.open(m_dir.filePath("office-tablet.db")));
        QCOMPARE(enrolDevice(store.connection(), *code, ServerProcess::kPassword, kDeviceName)
                     .refusal.code,
                 QString("enrol_throttled"));
    }

    // --require-invite: a device no invite enrolled is refused whatever the password, and
    // those refusals lock nobody out; the invited device logs in again after its token
    // expired and after it was dropped (logged out), for its own account only.
    void requireInviteLetsOnlyEnrolledDevicesIn()
    {
        const QString db = m_dir.filePath("invited.db");
        ServerProcess server(db);
        QVERIFY(startServer(server, {"xc-inspector", "xc-supervisor"},
                            {"--require-invite", "--token-ttl", "1"}));
        const QString address = server.address();

        // A new tablet trying Login: refused before its password is looked at (a wrong one
        // gets the same answer), nothing stored, and however often: no throttle follows.
        Database store;
        QVERIFY(store.open(m_dir.filePath("invited-tablet.db")));
        QVERIFY(submitRecord(store.connection()));
        const QString tablet = SyncMetaRepository(store.connection()).deviceId();
        const QString before = storeDumpOf(store.connection());
        for (const QString password :
             {"wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", ServerProcess::kPassword}) {
            const LoginAnswer a = logIn(address, "xc-inspector", password, tablet);
            QVERIFY(!a.ok);
            QCOMPARE(a.status, int(grpc::StatusCode::PERMISSION_DENIED));
            QCOMPARE(a.refusal, (Refusal {"device_not_enrolled", {}}));
        }
        QString error;
        {
            SyncTransport transport(address);
            QVERIFY(!logInDevice(store.connection(), transport, "xc-inspector",
                                 ServerProcess::kPassword, kDeviceName, &error));
            QCOMPARE(transport.lastRefusal().code, QString("device_not_enrolled"));
        }
        // The advanced way (address and password, no invite) is Login too.
        EnrolmentResult r = connectDevice(store.connection(), address, {}, "xc-inspector",
                                          ServerProcess::kPassword, kDeviceName);
        QCOMPARE(r.refusal.code, QString("device_not_enrolled"));
        QCOMPARE(storeDumpOf(store.connection()), before);

        // The invite enrols it (the refusals above did not count against the account).
        const std::optional<EnrolmentCode> code = invite(server, db, "xc-inspector");
        QVERIFY2(code, qPrintable(server.adminOutput()));
        r = enrolDevice(store.connection(), *code, ServerProcess::kPassword, kDeviceName);
        QVERIFY2(r.ok(), qPrintable(r.detail + r.refusal.code));

        // Its token expires (1 s here); the next start gives tokens their usual 30 days.
        server.stop();
        QTest::qWait(1500);
        QVERIFY(server.start({"--require-invite"}, address));
        SyncResult synced = syncStore(store.connection(), address);
        QVERIFY(!synced.ok);
        QVERIFY(synced.needsLogin);
        // The device logs in again with its password alone, and syncs.
        {
            SyncTransport transport(address);
            QVERIFY2(logInDevice(store.connection(), transport, "xc-inspector",
                                 ServerProcess::kPassword, kDeviceName, &error),
                     qPrintable(error));
        }
        synced = syncStore(store.connection(), address);
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(synced.pushed, 1);

        // Logged out (the token dropped from the store): in again with the password.
        QVERIFY(SyncMetaRepository(store.connection())
                    .setValue(SyncMetaRepository::kAuthToken, QString()));
        LoginAnswer a = logIn(address, "xc-inspector", ServerProcess::kPassword, tablet);
        QVERIFY2(a.ok, qPrintable(a.refusal.code));
        // A wrong password from the enrolled device is a wrong password (and counts).
        a = logIn(address, "xc-inspector", "not-the-password", tablet);
        QCOMPARE(a.refusal.code, QString("wrong_credentials"));
        // The device is enrolled for its account, not for whoever knows another password.
        a = logIn(address, "xc-supervisor", ServerProcess::kPassword, tablet);
        QCOMPARE(a.refusal.code, QString("device_of_another_account"));

        // Revoked by the administrator: refused for good, with its own code.
        QVERIFY(server.runAdmin({"device", "revoke", tablet, "--db", db}));
        a = logIn(address, "xc-inspector", ServerProcess::kPassword, tablet);
        QCOMPARE(a.status, int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(a.refusal.code, QString("device_revoked"));
    }

    // Turning --require-invite on keeps every device that logged in before; new ones need an
    // invite. Without the flag (development, scripts) Login enrols any device, as before.
    void devicesEnrolledBeforeTheFlagKeepLoggingIn()
    {
        const QString db = m_dir.filePath("before.db");
        ServerProcess server(db);
        QVERIFY(startServer(server, {"xc-inspector"}));
        const QString address = server.address();
        Database store;
        QVERIFY(store.open(m_dir.filePath("before-tablet.db")));
        const QString tablet = SyncMetaRepository(store.connection()).deviceId();
        QVERIFY(logIn(address, "xc-inspector", ServerProcess::kPassword, tablet).ok);

        server.stop();
        QVERIFY(server.start({"--require-invite"}, address));
        LoginAnswer a = logIn(address, "xc-inspector", ServerProcess::kPassword, tablet);
        QVERIFY2(a.ok, qPrintable(a.refusal.code));
        a = logIn(address, "xc-inspector", ServerProcess::kPassword, newDeviceId());
        QCOMPARE(a.refusal.code, QString("device_not_enrolled"));
    }
};

QTEST_GUILESS_MAIN(TestLoginGate)
#include "tst_logingate.moc"
