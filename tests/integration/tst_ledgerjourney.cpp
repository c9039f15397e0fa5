// Issue 16: the rectification ledger's loop through the real apps and server, as the people who
// use it walk it. A real qingshui-server with TLS; an inspector's tablet, a supervisor's desk
// and a kiosk, each a real `qingshui` process on a store of its own, set up from its invite and
// driven through the automation hook by taps and typing. Every step checks what that user sees.
//
//   1 server      accounts and invites (tests/support/enrolmentserver.h)
//   2 inspector   a toilet checklist at 九重村 with "no sanitary toilet" — the form marks the
//                 answer as failing its standard — a site photo, GPS; submitted and synced:
//                 the problem is raised by itself and shows in 我的整改 as 待整改, not assigned
//   3 supervisor  sync → 整改台账 lists it → opened: the site photo arrives by sync → a deadline
//                 in the past is refused on screen → assigned to the village committee with a
//                 deadline a week ahead → synced
//   4 inspector   sync → 我的整改 shows the deadline and the way there → the fix reported with
//                 a photo → re-checked on site (the distance shown is within the radius) → synced
//   5 supervisor  sync → 复查通过，待销号, the fix photo arrived (the inspector's bytes) → 销号 →
//                 the before/after published → synced; the ledger's ranking shows the township
//                 closed at 100 %, the dashboard the closed problem
//   6 kiosk       enrolled from the command line: 整改销号 shows the closed problem with the
//                 public renditions of both photos (never the originals) and 淅川县's closure rate
#include "appdriver.h"
#include "enrolmentserver.h"
#include "journeysteps.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDirIterator>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QtTest>
#include <memory>

using namespace JourneySteps;

#define STEP(app, expr) QVERIFY2((expr), qPrintable((app).error()))

namespace {

constexpr auto kInspector = "xc-inspector";
constexpr auto kSupervisor = "xc-supervisor";
constexpr auto kVillage = "九重村民委员会"; // 淅川县 丹阳镇
constexpr auto kChecklist = "厕所革命";
constexpr auto kProblem = "该户无无害化卫生厕所"; // the template's words for A1 = no

// Today in China Standard Time (UTC+8), the calendar a deadline is given in and counted
// against ("剩 7 天"): this machine's own date is a day behind from 16:00 UTC.
QDate chinaToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QColor kBeforeGround(170, 60, 50); // red: the broken toilet
const QColor kAfterGround(60, 150, 70); // green: the rebuilt one

bool writeGalleryPhoto(const QString &path, const QColor &ground)
{
    QImage photo(2400, 1800, QImage::Format_RGB32);
    photo.fill(ground);
    QPainter painter(&photo);
    painter.fillRect(500, 400, 900, 700, QColor(210, 190, 80));
    painter.end();
    return photo.save(path, "JPG", 90);
}

bool hasGround(const QString &file, const QColor &ground)
{
    const QImage image(file);
    if (image.isNull())
        return false;
    const QColor c = image.pixelColor(image.width() / 30, image.height() / 30);
    return qAbs(c.red() - ground.red()) + qAbs(c.green() - ground.green())
        + qAbs(c.blue() - ground.blue())
        < 40;
}

} // namespace

class TestLedgerJourney : public QObject {
    Q_OBJECT

    EnrolmentServer m_server;
    QTemporaryDir m_dir;
    QString m_inspectorCode, m_supervisorCode, m_kioskCode;
    std::unique_ptr<AppDriver> m_inspector, m_supervisor;
    QString m_problemId;
    QString m_beforeSha, m_afterSha; // the inspector's stamped photos, as its store keeps them
    bool m_broken = false;
    JourneySteps::Looks m_looks {QStringLiteral("ledger")};

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString storeOf(const QString &device) const
    {
        QDir(m_dir.path()).mkpath(device);
        return path(device + QStringLiteral("/store.db"));
    }
    QString photoDirOf(const QString &device) const { return path(device + "/photos"); }
    QString photoOf(const QString &device, const QString &sha) const
    {
        return photoDirOf(device) + '/' + sha.left(2) + '/' + sha + ".jpg";
    }
    QStringList photoShas(const QString &device) const
    {
        QStringList out;
        QDirIterator it(photoDirOf(device), {QStringLiteral("*.jpg")}, QDir::Files,
                        QDirIterator::Subdirectories);
        static const QRegularExpression name(QStringLiteral("^[0-9a-f]{64}\\.jpg$"));
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            // photos/ab/abcd….jpg; thumbnails live beside, in a folder of their own
            if (name.match(file.fileName()).hasMatch()
                && file.dir().dirName() == file.fileName().left(2))
                out << file.completeBaseName();
        }
        return out;
    }

    // Imports a gallery photo through a page's file dialog (no camera here).
    bool importPhoto(AppDriver &app, const QString &button, const QString &within,
                     const QString &file)
    {
        const QJsonObject dialog {{"type", "FileDialog"}, {"within", within}};
        return tap(app, button) && app.waitForProperty(dialog, "visible", true)
            && app.setProperty(dialog, "currentFolder",
                               QUrl::fromLocalFile(path("gallery")).toString())
            && tap(app, AppDriver::withText(file))
            && tap(app,
                   AppDriver::withText(app.showsText("打开") ? QStringLiteral("打开")
                                                             : QStringLiteral("Open")))
            && app.waitForGone(dialog);
    }
    // The problem's line as a list shows it.
    static QJsonObject problemRow(const QString &id) { return AppDriver::named("problem_" + id); }
    QString rowText(AppDriver &app, const QString &id)
    {
        QStringList out;
        for (const AppDriver::ScreenText &t : app.texts(true)) {
            if (t.path.contains(QStringLiteral("problem_") + id))
                out << t.text;
        }
        return out.join(QLatin1Char('|'));
    }

private slots:
    void init()
    {
        if (m_broken)
            QSKIP("an earlier step of the walk failed");
    }
    void cleanup() { m_broken = m_broken || QTest::currentTestFailed(); }

    // 1: the server, its accounts and invites.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.error));
        m_inspectorCode = m_server.invite(kInspector).code;
        m_supervisorCode = m_server.invite(kSupervisor).code;
        m_kioskCode = m_server.invite(QStringLiteral("hall-kiosk")).code;
        for (const QString &code : {m_inspectorCode, m_supervisorCode, m_kioskCode})
            QVERIFY2(code.startsWith("QS1-"), qPrintable(m_server.error));
        QDir().mkpath(path("gallery"));
        QVERIFY(writeGalleryPhoto(path("gallery/toilet-broken.jpg"), kBeforeGround));
        QVERIFY(writeGalleryPhoto(path("gallery/toilet-rebuilt.jpg"), kAfterGround));
    }

    // 2: a failing answer on the form raises the problem by itself at submission.
    void inspectorRaisesAProblem()
    {
        m_inspector = std::make_unique<AppDriver>();
        AppDriver &app = *m_inspector;
        STEP(app,
             app.start({"--db", storeOf("inspector"), "--lang", "zh_CN", "--nmea",
                        QStringLiteral(QS_NMEA_DIR "/xichuan_good_fix.nmea")}));
        STEP(app, enrolFromTheScreen(app, m_inspectorCode));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, app.waitForProperty(AppDriver::named("ledgerButton"), "text", "整改"));

        STEP(app, tap(app, "newRecordButton"));
        STEP(app, app.waitForShown(AppDriver::named("newRecordPage")));
        STEP(app, app.type(AppDriver::named("villageSearch"), QString::fromUtf8(kVillage).left(2)));
        STEP(app, tap(app, AppDriver::withText(QString::fromUtf8(kVillage), "villageQuickList")));
        const QJsonObject checklist = AppDriver::named("template_sanitation.toilet");
        STEP(app, app.waitForProperty(checklist, "enabled", true));
        STEP(app, tap(app, checklist));
        STEP(app, app.waitForShown(AppDriver::named("formPage")));
        STEP(app, app.waitForText(QString::fromUtf8(kChecklist)));

        // No sanitary toilet: the form says the answer fails its standard, before submitting.
        STEP(app, tap(app, "yesno_A1_false"));
        STEP(app,
             app.waitForProperty(AppDriver::named("problemNote_A1"), "text",
                                 QStringLiteral("⚑ 不达标：%1（提交时自动列入整改台账）")
                                     .arg(QString::fromUtf8(kProblem))));
        for (const QString answer : {"yesno_A4_true", "yesno_A5_true"})
            STEP(app, tap(app, answer));
        STEP(app, app.reveal(AppDriver::named("number_A6_checked")));
        STEP(app, app.type(AppDriver::named("number_A6_checked"), "12"));
        STEP(app, app.key("Tab"));
        STEP(app, app.reveal(AppDriver::named("number_A6_sanitary")));
        STEP(app, app.type(AppDriver::named("number_A6_sanitary"), "11"));
        STEP(app, app.key("Tab"));
        STEP(app, app.reveal(AppDriver::named("photoImport_photos")));
        STEP(app, importPhoto(app, "photoImport_photos", "question_photos", "toilet-broken.jpg"));
        STEP(app, app.waitForText(QStringLiteral("1 / 最多 4 张")));
        QCOMPARE(photoShas("inspector").size(), 1);
        m_beforeSha = photoShas("inspector").constFirst();
        STEP(app, tap(app, "gpsCapture_location"));
        STEP(app, app.waitForShown(AppDriver::named("gpsValue_location")));
        m_looks.take(app, "inspector-failing-answer");

        STEP(app, tap(app, "submitFormButton"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, app.waitForProperty(AppDriver::named("ledgerButton"), "text", "整改 1"));
        STEP(app, sync(app));

        // 我的整改: raised, not assigned yet, no deadline.
        STEP(app, tap(app, "ledgerButton"));
        STEP(app, app.waitForShown(AppDriver::named("problemListPage")));
        const QJsonObject row {{"type", "QsProblemDelegate"}};
        STEP(app, app.waitForShown(row));
        // The row is named by its problem: problem_<id>.
        m_problemId = app.property(row, "objectName").toString().mid(8);
        QVERIFY(!m_problemId.isEmpty());
        const QString line = rowText(app, m_problemId);
        for (const QString &word : {QString::fromUtf8(kProblem), QStringLiteral("待整改"),
                                    QStringLiteral("未交办"), QString::fromUtf8(kVillage)})
            QVERIFY2(line.contains(word), qPrintable(line));
        m_looks.take(app, "inspector-my-problems");
        STEP(app, tap(app, "problemListBack"));
    }

    // 3: the supervisor assigns it; a deadline in the past is refused on screen.
    void supervisorAssignsIt()
    {
        m_supervisor = std::make_unique<AppDriver>();
        AppDriver &app = *m_supervisor;
        STEP(app, app.start({"--db", storeOf("supervisor"), "--lang", "zh_CN"}));
        QVERIFY(photoShas("supervisor").isEmpty());
        STEP(app, enrolFromTheScreen(app, m_supervisorCode));
        STEP(app, app.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(app, sync(app));

        STEP(app, tap(app, "ledgerButton"));
        STEP(app, app.waitForShown(AppDriver::named("ledgerPage")));
        STEP(app, tap(app, problemRow(m_problemId)));
        STEP(app, app.waitForShown(AppDriver::named("problemPage")));
        STEP(app, app.waitForProperty(AppDriver::named("problemState"), "text", "待整改"));
        // The site photo came by sync: the inspector's bytes.
        STEP(app,
             app.waitFor([&] { return QFileInfo::exists(photoOf("supervisor", m_beforeSha)); },
                         "the site photo on the supervisor's desk"));
        QCOMPARE(fileBytes(photoOf("supervisor", m_beforeSha)),
                 fileBytes(photoOf("inspector", m_beforeSha)));

        STEP(app, tap(app, "assignKind"));
        STEP(app, tap(app, AppDriver::withText("村民委员会")));
        STEP(app,
             app.type(AppDriver::named("assignDeadline"),
                      chinaToday().addDays(-2).toString(Qt::ISODate)));
        STEP(app, tap(app, "assignButton"));
        STEP(app, app.waitForShown(AppDriver::named("ledgerError")));
        // The server's words, checked on the desk before anything is stored or sent.
        const QString refused = app.text("ledgerError");
        QVERIFY2(refused.startsWith(QStringLiteral("整改期限"))
                     && refused.contains(QStringLiteral("已过")),
                 qPrintable(refused));
        m_looks.take(app, "supervisor-deadline-refused");

        STEP(app, retype(app, "assignDeadline", chinaToday().addDays(7).toString(Qt::ISODate)));
        STEP(app, tap(app, "assignButton"));
        STEP(app, app.waitForGone(AppDriver::named("ledgerError")));
        // The history says to whom, by when; the header chip how long is left.
        STEP(app,
             app.waitForTextContaining(QStringLiteral("%1 · 期限 %2")
                                           .arg(QString::fromUtf8(kVillage),
                                                chinaToday().addDays(7).toString(Qt::ISODate))));
        STEP(app, app.reveal(AppDriver::named("problemDeadlineChip")));
        STEP(app, app.waitForTextContaining(QStringLiteral("剩 7 天")));
        STEP(app, sync(app));
        m_looks.take(app, "supervisor-assigned");
    }

    // 4: the inspector fixes it and re-checks it on site.
    void inspectorFixesAndRechecks()
    {
        AppDriver &app = *m_inspector;
        STEP(app, sync(app));
        STEP(app, tap(app, "ledgerButton"));
        STEP(app, app.waitForShown(problemRow(m_problemId)));
        STEP(app,
             app.waitFor([&] { return rowText(app, m_problemId).contains("剩 7 天"); },
                         "the deadline on the row"));
        const QString line = rowText(app, m_problemId);
        QVERIFY2(line.contains(QString::fromUtf8(kVillage)), qPrintable(line));
        // The way there, from the replayed fix: it is where the record was taken.
        QVERIFY2(app.isShown(AppDriver::named("problemWay", "problem_" + m_problemId)),
                 qPrintable(line));
        m_looks.take(app, "inspector-assigned");

        STEP(app, tap(app, problemRow(m_problemId)));
        STEP(app, app.waitForShown(AppDriver::named("fixPanel")));
        STEP(app, importPhoto(app, "evidenceImport", "problemPage", "toilet-rebuilt.jpg"));
        STEP(app,
             app.waitFor([&] { return photoShas("inspector").size() == 2; },
                         "the fix photo stored"));
        for (const QString &sha : photoShas("inspector"))
            if (sha != m_beforeSha)
                m_afterSha = sha;
        QVERIFY(hasGround(photoOf("inspector", m_afterSha), kAfterGround));
        STEP(app,
             app.type(AppDriver::named("fixComment"), QStringLiteral("已新建三格式化粪池户厕")));
        STEP(app, tap(app, "reportFixButton"));
        STEP(app, app.waitForProperty(AppDriver::named("problemState"), "text", "待复查"));

        // The re-check: on site, as the distance says.
        STEP(app, app.waitForShown(AppDriver::named("recheckPanel")));
        const QString distance = app.text("recheckDistance");
        QVERIFY2(distance.startsWith(QStringLiteral("距问题位置")), qPrintable(distance));
        QVERIFY(!app.isShown(AppDriver::named("offSiteReason")));
        STEP(app, tap(app, "recheckPassButton"));
        STEP(app,
             app.waitForProperty(AppDriver::named("problemState"), "text", "复查通过，待销号"));
        m_looks.take(app, "inspector-rechecked");
        STEP(app, sync(app));
        STEP(app, tap(app, "problemBack"));
    }

    // 5: 销号, published; the ledger's ranking and the dashboard show it closed.
    void supervisorClosesIt()
    {
        AppDriver &app = *m_supervisor;
        STEP(app, sync(app));
        STEP(app,
             app.waitForProperty(AppDriver::named("problemState"), "text", "复查通过，待销号"));
        STEP(app,
             app.waitFor([&] { return QFileInfo::exists(photoOf("supervisor", m_afterSha)); },
                         "the fix photo on the supervisor's desk"));
        QCOMPARE(fileBytes(photoOf("supervisor", m_afterSha)),
                 fileBytes(photoOf("inspector", m_afterSha)));
        STEP(app, tap(app, "closeButton"));
        STEP(app, app.waitForProperty(AppDriver::named("problemState"), "text", "已销号"));
        STEP(app, tap(app, "tick_" + m_beforeSha));
        STEP(app, tap(app, "tick_" + m_afterSha));
        STEP(app, tap(app, "publishProblemButton"));
        STEP(app, app.waitForGone(AppDriver::named("publishProblemPanel")));
        STEP(app, sync(app));
        m_looks.take(app, "supervisor-closed");

        STEP(app, tap(app, "problemBack"));
        STEP(app, app.waitForShown(AppDriver::named("ledgerPage")));
        STEP(app,
             app.waitFor([&] { return rowText(app, m_problemId).contains("已销号"); },
                         "the closed problem in the ledger"));
        STEP(app, app.waitForShown(AppDriver::named("ranking_411326105")));
        const QString rank = app.text(AppDriver::named("rankingRate", "ranking_411326105"));
        QVERIFY2(rank.contains(QStringLiteral("100%")), qPrintable(rank));
        m_looks.take(app, "supervisor-ledger");

        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
        QVERIFY2(m_inspector->stop(), qPrintable(m_inspector->error() + m_inspector->log()));
    }

    // 6: the kiosk shows the closed problem's public before/after and the closure rate.
    void kioskShowsItClosed()
    {
        const QString store = storeOf("kiosk");
        QProcess enrol;
        enrol.start(QStringLiteral(QINGSHUI_APP_PATH), {"--enrol", "--db", store});
        enrol.write((m_kioskCode + '\n' + ServerProcess::kPassword + '\n').toUtf8());
        enrol.closeWriteChannel();
        QVERIFY(enrol.waitForFinished(60000));
        QVERIFY2(enrol.exitCode() == 0,
                 qPrintable(enrol.readAllStandardOutput() + enrol.readAllStandardError()));
        const QString config = path("kiosk.ini");
        {
            QSettings ini(config, QSettings::IniFormat);
            ini.setValue("kiosk/idle_timeout_s", 3600);
        }
        AppDriver app;
        STEP(app, app.start({"--db", store, "--lang", "zh_CN", "--kiosk-config", config}));
        STEP(app, app.waitForShown(AppDriver::named("kioskHomePage")));
        STEP(app, tap(app, "navLedger"));
        STEP(app, app.waitForShown(AppDriver::named("kioskLedgerPage")));
        const QJsonObject card = AppDriver::named("publicProblem_" + m_problemId);
        STEP(app, app.waitForShown(card));
        for (const QString side : {"beforePhoto", "afterPhoto"}) {
            const QJsonObject photo = AppDriver::named(side, "publicProblem_" + m_problemId);
            STEP(app, app.waitForProperty(photo, "status", "Ready"));
            const QString shown = QUrl(app.property(photo, "source").toString()).toLocalFile();
            QVERIFY2(shown.startsWith(photoDirOf("kiosk")), qPrintable(shown));
            QVERIFY(fileBytes(shown) != fileBytes(photoOf("inspector", m_beforeSha)));
            QVERIFY(fileBytes(shown) != fileBytes(photoOf("inspector", m_afterSha)));
            QVERIFY(hasGround(shown,
                              side == QLatin1String("beforePhoto") ? kBeforeGround : kAfterGround));
        }
        QVERIFY(!QFileInfo::exists(photoOf("kiosk", m_beforeSha)));
        QVERIFY(!QFileInfo::exists(photoOf("kiosk", m_afterSha)));
        const QString rate = app.text(AppDriver::named("closureRate_411326"));
        QVERIFY2(rate.contains(QStringLiteral("100%")), qPrintable(rate));
        m_looks.take(app, "kiosk-ledger");
        for (const AppDriver::ScreenText &t : app.texts(true)) {
            QVERIFY2(!t.text.contains(QString::fromLatin1(kInspector))
                         && !t.text.contains(QStringLiteral("已新建三格式化粪池户厕")),
                     qPrintable(t.text));
        }
        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
    }
};

QTEST_GUILESS_MAIN(TestLedgerJourney)
#include "tst_ledgerjourney.moc"
