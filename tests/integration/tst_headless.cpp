// The real `qingshui` binary without a window, against a real qingshui-server with TLS:
// `--enrol` reads the invite's code and the password from stdin (a kiosk set up over ssh);
// `--sync-once` syncs the store as the app would, prints one summary line, writes the sync
// log and exits non-zero with a clear message (in the user's language) when the server is
// down, losing nothing; without --mode the store's account picks the face.
#include "enrolmentserver.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/synclogrepository.h"
#include "storage/syncmetarepository.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QString submitRecord(const QString &storePath)
{
    Database db;
    if (!db.open(storePath))
        return {};
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = QStringLiteral("sanitation_toilet");
    r.category = QStringLiteral("sanitation");
    r.villageCode = QStringLiteral("411326105200");
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = R"({"answers":{"A6":2}})";
    r.authorDeviceId = SyncMetaRepository(db.connection()).deviceId();
    return RecordRepository(db.connection())
               .submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces))
        ? r.id
        : QString();
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

    EnrolmentServer m_server;
    QTemporaryDir m_home; // the app's settings and data folders, apart from the machine's

    Run app(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(QINGSHUI_APP_PATH), args);
        p.write(input);
        p.closeWriteChannel();
        Run run;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
        }
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    Run enrol(const QString &store, const QString &code,
              const QString &password = QString::fromLatin1(ServerProcess::kPassword))
    {
        return app({"--enrol", "--db", store}, (code + "\n" + password + "\n").toUtf8());
    }

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error)); }

    void enrolsOverStdinThenSyncsOnce()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("tablet.db");
        const QString made = submitRecord(store); // worked offline before it had a server
        QVERIFY(!made.isEmpty());

        const Run enrolled = enrol(store, m_server.invite("xc-inspector").code);
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        QVERIFY2(enrolled.out.contains("xc-inspector") && enrolled.out.contains("巡查员"),
                 qPrintable(enrolled.out));
        QVERIFY(!enrolled.out.contains(ServerProcess::kPassword));
        {
            Database db;
            QVERIFY(db.open(store));
            const SyncServer server = EnrolmentRepository(db.connection()).server();
            QCOMPARE(server.address, m_server.address());
            QVERIFY(server.usesTls());
        }

        const Run synced = app({"--sync-once", "--db", store});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const QStringList lines = synced.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith("同步成功") && lines[0].contains(m_server.address())
                     && lines[0].contains("上传 1 条") && lines[0].contains("仍待同步 0 条"),
                 qPrintable(lines[0]));

        Database db;
        QVERIFY(db.open(store));
        QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 0);
        const QList<SyncLogEntry> log = SyncLogRepository(db.connection()).latest();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].outcome, SyncLogEntry::Succeeded);
        QCOMPARE(log[0].pushed, 1);
        QCOMPARE(log[0].server, m_server.address());
    }

    void aServerThatIsDownFailsClearlyAndLosesNothing()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("tablet.db");
        QCOMPARE(enrol(store, m_server.invite("xc-inspector").code).exitCode, 0);
        const QString made = submitRecord(store);
        m_server.process->stop();

        const Run down = app({"--sync-once", "--db", store});
        QVERIFY2(m_server.restart(), qPrintable(m_server.error)); // for the next tests
        QCOMPARE(down.exitCode, 3); // offline: try again later
        QVERIFY2(down.err.contains("无法连接服务器"), qPrintable(down.err));
        QVERIFY2(down.out.startsWith("同步未完成"), qPrintable(down.out));
        const Run inEnglish = app({"--sync-once", "--db", store, "--lang", "en", "--server",
                                   EnrolmentServer::deadAddress()});
        QCOMPARE(inEnglish.exitCode, 3);
        QVERIFY2(inEnglish.err.contains("Cannot reach the server"), qPrintable(inEnglish.err));

        Database db;
        QVERIFY(db.open(store));
        QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 1);
        QVERIFY(RecordRepository(db.connection()).find(made).has_value());
        const QList<SyncLogEntry> log = SyncLogRepository(db.connection()).latest();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].outcome, SyncLogEntry::Offline);
        QCOMPARE(log[0].errorCode, QString("unreachable"));
        app({"--lang", "zh_CN", "--sync-once", "--db", store}); // the saved language back
    }

    void withoutAServerOrAStoreItSaysSo()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath("no-such.db");
        const Run none = app({"--sync-once", "--db", missing});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(missing), qPrintable(none.err));
        QVERIFY(!QFileInfo::exists(missing)); // a mistyped path is not made a store

        const QString store = dir.filePath("fresh.db");
        QVERIFY(!submitRecord(store).isEmpty());
        const Run noServer = app({"--sync-once", "--db", store});
        QCOMPARE(noServer.exitCode, 3);
        QVERIFY2(noServer.err.contains("未连接服务器"), qPrintable(noServer.err));
    }

    void badCodesAndPasswordsChangeNothing()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("tablet.db");
        QVERIFY(!submitRecord(store).isEmpty());
        const EnrolmentServer::Invite invite = m_server.invite("xc-inspector");
        QString mistyped = invite.code;
        const int at = mistyped.size() - 3;
        mistyped[at] = mistyped[at] == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');

        const Run typo = enrol(store, mistyped);
        QCOMPARE(typo.exitCode, 1);
        QVERIFY2(typo.err.contains("连接码有误"), qPrintable(typo.err));
        const Run wrong = enrol(store, invite.code, "not-the-password");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("密码错误"), qPrintable(wrong.err));

        // Spent by one tablet: another gets "used".
        QCOMPARE(enrol(dir.filePath("first.db"), invite.code).exitCode, 0);
        const Run used = enrol(store, invite.code);
        QCOMPARE(used.exitCode, 1);
        QVERIFY2(used.err.contains("被另一台设备使用"), qPrintable(used.err));

        Database db;
        QVERIFY(db.open(store));
        QVERIFY(!EnrolmentRepository(db.connection()).server().isSet());
        QVERIFY(!EnrolmentRepository(db.connection()).account().loggedIn());
        QCOMPARE(OutboxRepository(db.connection()).pendingCount(), 1);
    }

    // Without --mode the account's role picks the window; --mode still decides when given.
    void theFaceFollowsTheAccount()
    {
        QTemporaryDir dir;
        const QString supervisor = dir.filePath("desk.db");
        const QString kiosk = dir.filePath("hall.db");
        QCOMPARE(enrol(supervisor, m_server.invite("xc-supervisor").code).exitCode, 0);
        QCOMPARE(enrol(kiosk, m_server.invite("hall-kiosk").code).exitCode, 0);

        QVERIFY(
            app({"--db", supervisor, "--self-test"}).out.contains("self-test passed: supervisor"));
        QVERIFY(app({"--db", kiosk, "--self-test"}).out.contains("self-test passed: kiosk"));
        QVERIFY(app({"--db", dir.filePath("new.db"), "--self-test"})
                    .out.contains("self-test passed: inspector"));
        QVERIFY(app({"--db", supervisor, "--mode", "inspector", "--self-test"})
                    .out.contains("self-test passed: inspector"));
        // A kiosk's store syncs read-only.
        const Run pulled = app({"--sync-once", "--db", kiosk});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
    }

    // Without --db: qingshui.db in the app's data folder, or an older inspector.db there.
    void theDefaultStoreKeepsAnOlderInspectorStore()
    {
        const QString folder = m_home.filePath("data/Qingshui/qingshui");
        QVERIFY(QDir().mkpath(folder));
        const QString older = folder + "/inspector.db";
        QCOMPARE(enrol(older, m_server.invite("xc-inspector").code).exitCode, 0);
        const Run synced = app({"--sync-once"});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QVERIFY(!QFileInfo::exists(folder + "/qingshui.db"));
        Database db;
        QVERIFY(db.open(older));
        QCOMPARE(SyncLogRepository(db.connection()).latest().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
