// The app's login, against a real qingshui-server: a wrong password says so and leaves the
// device logged out; the right one logs it in, keeps the token in the store and asks for a
// sync. A kiosk account without a scope logs in too.
#include "controllers/logincontroller.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestLoginController : public QObject {
    Q_OBJECT

private slots:
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
        QVERIFY2(login.error().contains("需要重新登录"), qPrintable(login.error()));
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
