// The face follows the account in the real app: `qingshui` without --mode on a store that
// names no server opens 连接服务器; a supervisor's invite, typed there with its password,
// brings up the supervisor's review window in the same process, and the app started again
// opens on it straight away. Driven through the automation hook (tests/support/appdriver.h);
// every check on what the windows show.
#include "appdriver.h"
#include "enrolmentserver.h"

#include <QTemporaryDir>
#include <QtTest>

class TestFaceSwitch : public QObject {
    Q_OBJECT

    EnrolmentServer m_server;
    QTemporaryDir m_dir;

    bool enrolFromTheScreen(AppDriver &app, const QString &code)
    {
        return app.waitForShown(AppDriver::named("connectServerPage"))
            && app.type(AppDriver::named("codeField"), code) && app.click("codeNextButton")
            && app.waitForShown(AppDriver::named("enrolPassword"))
            && app.type(AppDriver::named("enrolPassword"), ServerProcess::kPassword)
            && app.click("enrolButton");
    }

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error)); }

    void aSupervisorsInviteOpensTheReviewDesk()
    {
        const QString store = m_dir.filePath("desk.db");
        const QString code = m_server.invite("xc-supervisor").code;
        QVERIFY(!code.isEmpty());
        {
            AppDriver app;
            QVERIFY2(app.start({"--db", store, "--lang", "zh_CN"}), qPrintable(app.error()));
            const qint64 pid = app.process().processId();
            QVERIFY2(app.waitForText("连接服务器"), qPrintable(app.error()));
            QVERIFY(app.isShown(AppDriver::named("inspectorStack"))); // the default face
            QVERIFY2(enrolFromTheScreen(app, code), qPrintable(app.error()));
            QVERIFY2(app.waitForText("清水巡查 · 督导审核"), qPrintable(app.error()));
            QVERIFY2(app.waitForShown(AppDriver::named("supervisorStack")),
                     qPrintable(app.error()));
            QVERIFY(!app.isShown(AppDriver::named("inspectorStack")));
            QVERIFY(!app.showsText("连接服务器"));
            QCOMPARE(app.process().processId(), pid); // the same app, another window
            QVERIFY2(app.stop(), qPrintable(app.log()));
        }
        AppDriver again;
        QVERIFY2(again.start({"--db", store, "--lang", "zh_CN"}), qPrintable(again.error()));
        QVERIFY2(again.waitForText("清水巡查 · 督导审核"), qPrintable(again.error()));
        QVERIFY(!again.isShown(AppDriver::named("inspectorStack")));
        QVERIFY2(again.stop(), qPrintable(again.log()));
    }

    void anInspectorsInviteKeepsTheTablet()
    {
        const QString store = m_dir.filePath("tablet.db");
        AppDriver app;
        QVERIFY2(app.start({"--db", store, "--lang", "zh_CN"}), qPrintable(app.error()));
        QVERIFY2(enrolFromTheScreen(app, m_server.invite("xc-inspector").code),
                 qPrintable(app.error()));
        QVERIFY2(app.waitForShown(AppDriver::named("recordListPage")), qPrintable(app.error()));
        QVERIFY(app.isShown(AppDriver::named("inspectorStack")));
        QCOMPARE(app.text("loginButton"), QStringLiteral("xc-inspector"));
        QVERIFY2(app.stop(), qPrintable(app.log()));
    }
};

QTEST_MAIN(TestFaceSwitch)
#include "tst_faceswitch.moc"
