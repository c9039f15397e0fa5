// The app's login, against a real qingshui-server: a wrong password says so and leaves the
// device logged out; the right one logs it in, keeps the token in the store and asks for a
// sync. A kiosk account without a scope logs in too. The dialog's error is the server's
// refusal worded in the language of the moment: throttled, a device no invite enrolled. On a
// shared tablet another account waits until the first one's records are sent, and the server
// lets it in once an administrator has handed the tablet over (`device reassign`).
#include "controllers/logincontroller.h"
#include "controllers/refusaltext.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUuid>
#include <QtTest>

class TestLoginController : public QObject {
    Q_OBJECT

    QTranslator m_english;

    void useEnglish(bool english)
    {
        QCoreApplication::removeTranslator(&m_english);
        if (english)
            QCoreApplication::installTranslator(&m_english);
        QLocale::setDefault(QLocale(english ? QStringLiteral("en_US") : QStringLiteral("zh_CN")));
    }

    static bool logInAndWait(LoginController &login, const QString &user, const QString &password)
    {
        login.logIn(user, password);
        return QTest::qWaitFor([&] { return !login.busy(); }, 20000);
    }

private slots:
    void initTestCase() { QVERIFY(m_english.load(QStringLiteral(":/i18n/qingshui_en.qm"))); }
    void init() { useEnglish(false); }

    void logsInOffTheUiThreadAndKeepsTheToken()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        const QString store = dir.filePath("tablet.db");
        {
            Database db; // the store exists before the app logs in
            QVERIFY(db.open(store));
        }

        LoginController login(store, server.address());
        QVERIFY(login.serverConfigured());
        QVERIFY(!login.loggedIn());
        QSignalSpy changed(&login, &LoginController::changed);
        QSignalSpy loggedIn(&login, &LoginController::loggedInNow);

        login.logIn("xc-inspector", "not-the-password");
        QVERIFY(login.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!login.busy(), 20000);
        QVERIFY(!login.loggedIn());
        QCOMPARE(login.error(), QString("用户名或密码错误"));
        QCOMPARE(loggedIn.count(), 0);

        login.logIn("", "x");
        QVERIFY(!login.busy());
        QVERIFY(!login.error().isEmpty());

        login.logIn("xc-inspector", ServerProcess::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!login.busy(), 20000);
        QVERIFY2(login.loggedIn(), qPrintable(login.error()));
        QCOMPARE(login.username(), QString("xc-inspector"));
        QCOMPARE(loggedIn.count(), 1);

        Database db;
        QVERIFY(db.open(store));
        SyncMetaRepository meta(db.connection());
        QVERIFY(!meta.value(SyncMetaRepository::kAuthToken).isEmpty());
        QCOMPARE(meta.value(SyncMetaRepository::kAuthScopes), QString("411326"));
        // A new controller (the app restarted) finds the login.
        QVERIFY(LoginController(store, server.address()).loggedIn());
    }

    // A kiosk account has no scope (it reads the public feed only): the empty scope list
    // is stored with the login, and the login is good for a sync.
    void aKioskWithoutAScopeLogsIn()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("hall-kiosk", "kiosk"));
        QVERIFY(server.start());
        const QString store = dir.filePath("kiosk.db");
        LoginController login(store, server.address());
        login.logIn("hall-kiosk", ServerProcess::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!login.busy(), 20000);
        QVERIFY2(login.loggedIn(), qPrintable(login.error()));
        QVERIFY(login.error().isEmpty());

        Database db;
        QVERIFY(db.open(store));
        SyncMetaRepository meta(db.connection());
        QVERIFY(!meta.value(SyncMetaRepository::kAuthToken).isEmpty());
        QCOMPARE(meta.value(SyncMetaRepository::kAuthUsername), QString("hall-kiosk"));
        QCOMPARE(meta.value(SyncMetaRepository::kAuthRole), QString::number(4)); // ROLE_KIOSK
        QCOMPARE(meta.value(SyncMetaRepository::kAuthScopes, "absent"), QString());
        QVERIFY(LoginController(store, server.address()).loggedIn());
        SyncTransport transport(server.address());
        const SyncResult synced = SyncSession(db.connection(), transport).run();
        QVERIFY2(synced.ok, qPrintable(synced.error));
    }

    // Five wrong passwords: the sixth try, right or wrong, is throttled (for 30 s, said as a
    // minute), and the dialog says for how long, in Chinese and, after a switch, in English.
    void aThrottledLoginSaysHowLongToWait()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        LoginController login(dir.filePath("tablet.db"), server.address());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(logInAndWait(login, "xc-inspector", QStringLiteral("guess-%1").arg(i)));
            QCOMPARE(login.error(), QString("用户名或密码错误"));
        }
        QVERIFY(logInAndWait(login, "xc-inspector", ServerProcess::kPassword));
        QVERIFY(!login.loggedIn());
        static const QRegularExpression chinese(
            QStringLiteral("^此账号或此网络的登录失败次数过多，请 1 分钟后再试$"));
        QVERIFY2(chinese.match(login.error()).hasMatch(), qPrintable(login.error()));
        useEnglish(true);
        static const QRegularExpression english(
            QStringLiteral("^Too many failed logins for this account or from this network: "
                           "please try again in 1 min$"));
        QVERIFY2(english.match(login.error()).hasMatch(), qPrintable(login.error()));
    }

    // A server that requires invites refuses a tablet no invite enrolled: the dialog says to
    // ask for an enrolment code, in the language the user reads it in.
    void aDeviceNoInviteEnrolledIsToldToAskForACode()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start(QStringList {"--require-invite"}));
        LoginController login(dir.filePath("tablet.db"), server.address());
        QVERIFY(logInAndWait(login, "xc-inspector", ServerProcess::kPassword));
        QVERIFY(!login.loggedIn());
        QCOMPARE(login.error(),
                 QString("此设备未用连接码加入此账号，不能直接登录：请向管理员索取连接码"));
        QCOMPARE(login.error(), RefusalText::describe(Refusal {"device_not_enrolled", {}}));
        useEnglish(true);
        QCOMPARE(login.error(),
                 QString("This device has not joined this account with an enrolment code and "
                         "cannot log in directly: please ask an administrator for a code"));
    }

    // A shared tablet: what one inspector made and has not sent goes out under that account
    // only (the server names the token's user as the author). Another account cannot log in
    // on it until it has; told in the language of the moment, nothing changed, nothing lost.
    void anotherAccountWaitsUntilTheFirstOnesWorkIsSent()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.addUser("xc-colleague", "inspector", "411326"));
        QVERIFY(server.start());
        const QString store = dir.filePath("tablet.db");
        LoginController login(store, server.address());
        QVERIFY(logInAndWait(login, "xc-inspector", ServerProcess::kPassword));
        QVERIFY(login.loggedIn());
        Database db;
        QVERIFY(db.open(store));
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.content = R"({"answers":{"A1":true}})";
        QVERIFY(RecordRepository(db.connection()).submit(r, r.id));
        QVERIFY(EnrolmentRepository(db.connection()).logOut()); // 退出登录, the record waits
        login.refresh();
        QVERIFY(!login.loggedIn());

        QVERIFY(logInAndWait(login, "xc-colleague", ServerProcess::kPassword));
        QVERIFY(!login.loggedIn());
        QCOMPARE(login.error(),
                 QString("本机还有账号 xc-inspector 的 1 条记录、0 "
                         "条审核决定等待发送，只能以 xc-inspector 的名义发送："
                         "请先以 xc-inspector 登录并同步，再换账号。它们不会被删除。"));
        useEnglish(true);
        QVERIFY2(login.error().startsWith("1 record(s) and 0 review decision(s) of the account "
                                          "xc-inspector wait on this device"),
                 qPrintable(login.error()));
        QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 1);

        // The first account logs in again and sends it. The tablet is still enrolled for it:
        // the server refuses the colleague until an administrator hands the tablet over.
        QVERIFY(logInAndWait(login, "xc-inspector", ServerProcess::kPassword));
        QVERIFY2(login.loggedIn(), qPrintable(login.error()));
        SyncTransport transport(server.address());
        transport.setToken(
            SyncMetaRepository(db.connection()).value(SyncMetaRepository::kAuthToken).toLatin1());
        QCOMPARE(SyncSession(db.connection(), transport).run().pushed, 1);
        QVERIFY(EnrolmentRepository(db.connection()).logOut());
        login.refresh();
        useEnglish(false);
        QVERIFY(logInAndWait(login, "xc-colleague", ServerProcess::kPassword));
        QVERIFY(!login.loggedIn());
        QCOMPARE(
            login.error(),
            QString("此设备已登记在另一个账号名下，不能用此账号登录：设备换人使用须由管理员转交"));
        useEnglish(true);
        QCOMPARE(login.error(),
                 QString("This device is enrolled for another account and cannot log in as this "
                         "one: an administrator hands a device over to its new user"));
        const QString tablet = SyncMetaRepository(db.connection()).deviceId();
        QVERIFY(server.runAdmin({"device", "reassign", tablet, "--to", "xc-colleague", "--db",
                                 dir.filePath("server.db")}));
        QVERIFY(logInAndWait(login, "xc-colleague", ServerProcess::kPassword));
        QVERIFY2(login.loggedIn(), qPrintable(login.error()));
    }

    void withoutAServerItSaysSo()
    {
        QTemporaryDir dir;
        LoginController login(dir.filePath("tablet.db"), QString());
        QVERIFY(!login.serverConfigured());
        login.logIn("someone", "password-1");
        QVERIFY(!login.loggedIn());
        QVERIFY(!login.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLoginController)
#include "tst_logincontroller.moc"
