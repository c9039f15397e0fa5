// The automation hook and its driver (tests/support/appdriver.h) on the real `qingshui`: an
// inspector's first steps on a fresh tablet, every one through the hook — taps at the
// centre of what is on screen, typing (pinyin-style commits for Chinese, keys for Latin) —
// and every check on the texts the window shows.
#include "appdriver.h"
#include "serverprocess.h"

#include <QTemporaryDir>
#include <QtTest>

class TestAppDriver : public QObject {
    Q_OBJECT

private slots:
    // A tablet that knows its server (a new one would ask for it first), not logged in.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorOutput()));
    }

    void anInspectorStartsADraftInEnglish()
    {
        AppDriver app;
        QVERIFY2(app.start({"--mode", "inspector", "--db", m_dir.filePath("inspector.db"),
                            "--server", m_server->address(), "--lang", "zh_CN"}),
                 qPrintable(app.error()));

        // The header, in Chinese first.
        QVERIFY2(app.waitForText("清水巡查"), qPrintable(app.error()));
        QCOMPARE(app.text("headerTitle"), QStringLiteral("清水巡查"));
        QCOMPARE(app.text("headerSubtitle"), QStringLiteral("巡查员 · 我的记录 0 条"));
        QVERIFY(app.showsText("还没有记录。点击“新建记录”开始一次巡查。"));

        // The language button: the same header in English.
        QVERIFY2(app.click("languageButton"), qPrintable(app.error()));
        QVERIFY2(app.waitForText("Qingshui"), qPrintable(app.error()));
        QCOMPARE(app.text("headerSubtitle"), QStringLiteral("Inspector · 0 records"));
        QVERIFY(!app.showsText("清水巡查"));

        // A new record: the page, its checklists waiting for a village.
        QVERIFY2(app.click("newRecordButton"), qPrintable(app.error()));
        QVERIFY2(app.waitForShown(AppDriver::named("newRecordPage")), qPrintable(app.error()));
        QVERIFY(app.showsText("New record"));
        QVERIFY(app.showsText("Choose a village first, then a checklist."));
        QCOMPARE(app.property(AppDriver::named("template_sanitation.pond"), "enabled"),
                 QJsonValue(false));

        // The village by typing part of its name (committed as a pinyin keyboard does).
        QVERIFY2(app.type(AppDriver::named("villageSearch"), "下北隅"), qPrintable(app.error()));
        QCOMPARE(app.property(AppDriver::named("villageSearch"), "text"), QJsonValue("下北隅"));
        QVERIFY2(app.waitForText("Search results"), qPrintable(app.error()));
        QVERIFY2(app.waitForText("下北隅村委会"), qPrintable(app.error()));
        QVERIFY2(app.click(AppDriver::withText("下北隅村委会", "villageQuickList")),
                 qPrintable(app.error()));
        QVERIFY2(app.waitForTextContaining("Chosen: 下北隅村委会"), qPrintable(app.error()));
        QVERIFY(!app.showsText("Choose a village first, then a checklist."));

        // A checklist: a finger can only tap what is on screen, so swipe it into view first.
        const QJsonObject pond = AppDriver::named("template_sanitation.pond");
        QVERIFY2(app.waitForProperty(pond, "enabled", true), qPrintable(app.error()));
        QVERIFY2(app.reveal(pond), qPrintable(app.error()));
        QCOMPARE(app.text(pond), QStringLiteral("Pond rehabilitation"));
        QVERIFY2(app.click(pond), qPrintable(app.error()));
        QVERIFY2(app.waitForShown(AppDriver::named("formPage")), qPrintable(app.error()));
        QVERIFY2(app.waitForText("Pond rehabilitation"), qPrintable(app.error()));
        QVERIFY(app.showsText("Draft · saved automatically"));

        // A yes/no question; its answer brings the question that depends on it.
        QVERIFY(!app.showsText("Pond number *"));
        const QJsonObject yes = AppDriver::named("yesno_C1_numbered_true");
        QCOMPARE(app.text(yes), QStringLiteral("Yes"));
        QVERIFY2(app.click(yes), qPrintable(app.error()));
        QVERIFY2(app.waitForProperty(yes, "checked", true), qPrintable(app.error()));
        QVERIFY2(app.waitForText("Pond number *"), qPrintable(app.error()));
        // Latin text as key presses.
        QVERIFY2(app.type(AppDriver::named("text_C1"), "YX-017"), qPrintable(app.error()));
        QCOMPARE(app.property(AppDriver::named("text_C1"), "text"), QJsonValue("YX-017"));
        QVERIFY2(app.key("Tab"), qPrintable(app.error()));

        // A modal dialog takes the taps outside it, as under a finger: the back button
        // behind its dimmer does nothing but close the dialog.
        QVERIFY2(app.click("discardButton"), qPrintable(app.error()));
        const QJsonObject dialog = AppDriver::named("discardDialog");
        QVERIFY2(app.waitForProperty(dialog, "opened", true), qPrintable(app.error()));
        QVERIFY(app.showsText("Delete this draft?"));
        QVERIFY2(app.click("formBackButton"), qPrintable(app.error()));
        // Gone once its exit transition is over (then it is no longer visible).
        QVERIFY2(app.waitForGone(dialog), qPrintable(app.error()));
        QVERIFY(!app.showsText("Delete this draft?"));
        QVERIFY(app.isShown(AppDriver::named("formPage")));

        // Back: the draft is in the list, with its checklist, village, answer and status.
        QVERIFY2(app.click("formBackButton"), qPrintable(app.error()));
        QVERIFY2(app.waitForShown(AppDriver::named("recordListPage")), qPrintable(app.error()));
        QVERIFY2(app.waitForText("Pond rehabilitation · 下北隅村委会"), qPrintable(app.error()));
        QVERIFY(app.showsText("Draft"));
        QVERIFY(app.showsText("YX-017"));
        QCOMPARE(app.text("headerSubtitle"), QStringLiteral("Inspector · 1 records"));

        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
    }

    // What the hook cannot do, it says, and changes nothing.
    void theHookSaysWhatItCannotDo()
    {
        AppDriver app;
        QVERIFY2(app.start({"--mode", "inspector", "--db", m_dir.filePath("refusals.db"),
                            "--server", m_server->address(), "--lang", "en"}),
                 qPrintable(app.error()));
        QVERIFY2(app.waitForText("Qingshui"), qPrintable(app.error()));

        const QJsonObject unknown = app.send({{"cmd", "fly"}});
        QCOMPARE(unknown.value("ok"), QJsonValue(false));
        QVERIFY(unknown.value("error").toString().contains("fly"));

        QVERIFY(!app.click("noSuchButton"));
        QVERIFY2(app.error().contains("nothing matches"), qPrintable(app.error()));

        // Sixteen county rows can share a type: several matches are an error, not a guess.
        QVERIFY(!app.click(QJsonObject {{"type", "QsFilterChip"}}));
        QVERIFY2(app.error().contains("objects match"), qPrintable(app.error()));
        QVERIFY2(app.click(QJsonObject {{"type", "QsFilterChip"}, {"index", 1}}),
                 qPrintable(app.error()));
        QVERIFY2(app.waitForProperty(AppDriver::named("recordStatus_1"), "checked", true),
                 qPrintable(app.error()));

        QVERIFY(app.property(AppDriver::named("headerTitle"), "noSuchProperty").isUndefined());
        QVERIFY2(app.error().contains("no property noSuchProperty"), qPrintable(app.error()));
        QVERIFY(!app.key("NotAKey"));

        // Invokables: a QML function (variant in, variant out), a C++ one (typed), and
        // what does not exist.
        QCOMPARE(app.invoke(AppDriver::named("syncChip"), "bytesText", {2048}), QJsonValue("2 KB"));
        QCOMPARE(app.invoke(AppDriver::named("recordDate"), "find", {"Any date"}), QJsonValue(0));
        QCOMPARE(app.invoke(AppDriver::named("recordDate"), "find", {"Next year"}), QJsonValue(-1));
        QVERIFY(app.invoke(AppDriver::named("recordDate"), "fly", {1}).isUndefined());
        QVERIFY2(app.error().contains("no method fly taking 1 argument"), qPrintable(app.error()));

        // The texts come with where they sit.
        bool headerSeen = false;
        for (const AppDriver::ScreenText &t : app.texts()) {
            if (t.text == "Qingshui") {
                headerSeen = true;
                QVERIFY2(t.path.contains("headerTitle"), qPrintable(t.path));
                QVERIFY(t.onScreen);
            }
        }
        QVERIFY(headerSeen);

        // A PNG of the window as it is.
        const QString png = m_dir.filePath("list.png");
        QVERIFY2(app.grab(png), qPrintable(app.error()));
        QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));

        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
    }

    // The hook never replaces a file, whatever path it is given.
    void aSocketPathWhereAFileIsIsRefused()
    {
        const QString path = m_dir.filePath("notes.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
        app.setProcessEnvironment(env);
        app.start(QINGSHUI_APP_PATH,
                  {"--mode", "inspector", "--db", m_dir.filePath("third.db"), "--server",
                   m_server->address(), "--automation", path});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 1);
        QVERIFY(app.readAllStandardError().contains("exists"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

QTEST_GUILESS_MAIN(TestAppDriver)
#include "tst_appdriver.moc"
