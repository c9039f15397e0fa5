// Issue 13 item 5, first version: each mode of the real `qingshui` in English (--lang en),
// every page and dialog reached as a user reaches it (through the automation hook, against a
// real qingshui-server), and no Chinese character on screen that is not user data
// (tests/support/englishcheck.h: records' answers and comments, village and township names).
// Each leftover is reported with the page it was seen on and its item path.
//
// Run by CI (tests/integration/automation.cmake); by hand: build/tests/tst_englishwalk (with
// QS_WALK_SCREENSHOTS=DIR it also saves every page it looks at as a PNG there).
//
// The walk, and how each page is reached:
//   inspector (poor-fix NMEA log, so that the GPS needs a stated reason)
//     I1  record list, empty, before logging in; each status filter; the county, category
//         and date lists
//     I2  login dialog: empty, a wrong password's error; then logged in and synced
//     I3  new record: a search that finds nothing, a search that finds the village, the
//         county / township / village lists, the village chosen
//     I4  the form of every checklist (all questions, scrolled ones too), left as a draft
//     I5  refuse checklist: submit refused (the issues under the questions), answers, a
//         number, the photo file dialog (Qt's own), a photo, the GPS capture, the dialog for
//         a poor fix's reason; submitted and synced
//     I6  a draft deleted through its confirmation dialog
//     I7  the list with a returned record; the returned record's form (the supervisor's note,
//         a question's comment); resubmitted
//   supervisor
//     S1  review queue with the record; the county, category and inspector lists; selecting
//     S2  login dialog (logged in)
//     S3  dashboard (indicators, chart, exports), the export folder dialog (Qt's own)
//     S4  record view: answers, the GPS reason; reject mode; return mode (comments per
//         question, the footer); returned: the history
//     S5  the resubmitted record: the diff; approved: the publish panel; published
//   kiosk (its own store: a sync of the published copy, and the demo copies)
//     K1  home map and legend; a county's panel and its records
//     K2  achievements; gallery and its filters; a record over the whole screen
//     K3  PIN pad (press and hold the corner), a wrong PIN; the admin panel
//   enrolment (its own TLS server with invites, its own store)
//     E1  连接服务器: nothing typed; a mistyped code; the password step; a wrong password;
//         another server's certificate; a server that is down
//     E2  the QR picture's file dialog; the advanced way (address and certificate)
//     E3  enrolled: the record list after its first sync
//     E4  a failed sync: the chip; 设置 with the failure in its log; log out and change
//         server warnings (a draft waits)
//   the reviewer's flags (records FlagSeed's tablet stores push; a supervisor of its own)
//     F1  the queue with them
//     F2  photos missing: the tiles (one here, one never sent), approve and publish each
//         asking first, the history with the confirmation
//     F3  a conflict: the banner, the overwritten revision, the diff
//     F4  GPS override, a fix long before saving, a fast clock
//     F5  the photo ZIP naming the photo it could not get
// Not reached yet, and why: the camera dialog and the QR scanner's viewfinder (no camera
// here), the photo viewer over the whole screen, a photo tile whose download failed its
// check (needs a server that serves wrong bytes), the set-aside banner (needs a decision the
// server refuses for good), the township and village lists of the queue (they open once a
// county is chosen), an expired or used code (tst_qml_enrolment words them).
#include "../qml/flags/flagseed.h"
#include "appdriver.h"
#include "englishcheck.h"
#include "enrolmentserver.h"
#include "serverprocess.h"

#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

// A step of the walk: a failed one ends it, with what was on screen.
#define STEP(app, expr) QVERIFY2((expr), qPrintable((app).error()))

namespace {

constexpr auto kVillage = "九重村民委员会"; // 淅川县 丹阳镇, in the accounts' county
constexpr auto kCounty = "411326"; // 淅川县
constexpr auto kKioskPin = "2468";

QProcessEnvironment passwordEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("QINGSHUI_PASSWORD"), QString::fromLatin1(ServerProcess::kPassword));
    return env;
}

} // namespace

class TestEnglishWalk : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    EnglishCheck m_check;
    QString m_photoPath;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Each device's store in a folder of its own: its photos beside it are its own.
    QString storeOf(const QString &device) const
    {
        QDir(m_dir.path()).mkpath(device);
        return path(device + "/store.db");
    }

    // Checks the page; with QS_WALK_SCREENSHOTS=DIR also saves it there as a PNG.
    void look(AppDriver &app, const QString &page)
    {
        m_check.look(app, page);
        const QString dir = qEnvironmentVariable("QS_WALK_SCREENSHOTS");
        if (!dir.isEmpty()) {
            QString name = page;
            name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
            app.grab(QStringLiteral("%1/%2-%3.png")
                         .arg(dir)
                         .arg(m_check.pages().size(), 2, 10, QLatin1Char('0'))
                         .arg(name));
        }
    }

    // Opens a ComboBox's list and looks at it; then taps its entry `choose`, or without one
    // closes it (Escape, as a keyboard would).
    bool lookAtList(AppDriver &app, const QString &combo, const QString &page, int choose = -1)
    {
        const QJsonObject target = AppDriver::named(combo);
        if (!app.reveal(target) || !app.click(target)
            || !app.waitForProperty(target, QStringLiteral("popup.opened"), true))
            return false;
        look(app, page);
        const bool closing = choose < 0
            ? app.key(QStringLiteral("Escape"))
            : tap(app, QJsonObject {{"type", "MenuItem"}, {"within", combo}, {"index", choose}});
        return closing && app.waitForProperty(target, QStringLiteral("popup.visible"), false);
    }

    // Selects all of a field's text and types over it.
    bool retype(AppDriver &app, const QString &field, const QString &text)
    {
        return app.type(AppDriver::named(field), QString()) && app.key(QStringLiteral("Ctrl+A"))
            && app.key(QStringLiteral("Backspace")) && app.type({}, text);
    }

    bool tap(AppDriver &app, const QJsonObject &target)
    {
        return app.waitForShown(target) && app.reveal(target) && app.click(target);
    }
    bool tap(AppDriver &app, const QString &name) { return tap(app, AppDriver::named(name)); }

    // The sync chip says everything went out: "Synced HH:mm", nothing waiting.
    static bool allSent(AppDriver &app)
    {
        return app.waitFor([&] { return app.text("syncChip").startsWith("Synced "); },
                           QStringLiteral("the sync chip saying all is synced"));
    }

    bool chooseVillageFromSearch(AppDriver &app)
    {
        return app.type(AppDriver::named(QStringLiteral("villageSearch")),
                        QString::fromUtf8(kVillage).left(2))
            && tap(app,
                   AppDriver::withText(QString::fromUtf8(kVillage),
                                       QStringLiteral("villageQuickList")))
            && app.waitForShown(AppDriver::named(QStringLiteral("chosenVillage")));
    }

    // Opens the queue's inspector list and takes the entry of one inspector.
    bool chooseAuthor(AppDriver &app, const QString &author)
    {
        const QJsonObject combo = AppDriver::named(QStringLiteral("reviewAuthor"));
        return app.reveal(combo) && app.click(combo)
            && app.waitForProperty(combo, QStringLiteral("popup.opened"), true)
            && tap(app, AppDriver::withText(author, QStringLiteral("reviewAuthor")))
            && app.waitForProperty(combo, QStringLiteral("popup.visible"), false);
    }

    // Back to the queue, one inspector's records, the first of them opened.
    bool openRecordOf(AppDriver &app, const QString &author)
    {
        if (app.isShown(AppDriver::named(QStringLiteral("recordViewPage")))) {
            if (!tap(app, QStringLiteral("recordViewBack")))
                return false;
        }
        return app.waitForShown(AppDriver::named(QStringLiteral("reviewQueuePage")))
            && chooseAuthor(app, author)
            && tap(app, QJsonObject {{"type", "QsRecordDelegate"}, {"index", 0}})
            && app.waitForShown(AppDriver::named(QStringLiteral("recordViewPage")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(path("server.db"));
        QVERIFY(m_server->addUser("walk-inspector", "inspector", kCounty));
        QVERIFY(m_server->addUser("walk-supervisor", "supervisor", kCounty));
        QVERIFY(m_server->addUser("walk-kiosk", "kiosk", kCounty));
        // The tablets whose records bring the supervisor's flags (FlagSeed).
        for (const char *user : {"walk-photos", "insp-conflict-a", "insp-conflict-b", "insp-flags"})
            QVERIFY(m_server->addUser(user, "inspector", kCounty));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorOutput()));
        // The photo the inspector imports, as if from the tablet's gallery.
        QImage photo(1600, 1200, QImage::Format_RGB32);
        photo.fill(QColor(70, 120, 160));
        QPainter(&photo).fillRect(200, 200, 600, 400, QColor(210, 190, 80));
        QDir().mkpath(path("gallery"));
        m_photoPath = path("gallery/refuse-point.jpg");
        QVERIFY(photo.save(m_photoPath, "JPG"));
        // The language switch names the other language in its own script.
        m_check.allow("languageButton", "中文");
        m_check.allow("navLanguage", "中文");
    }

    void inspectorAndSupervisor()
    {
        AppDriver inspector;
        const QString inspectorStore = storeOf("inspector");
        STEP(inspector,
             inspector.start({"--mode", "inspector", "--db", inspectorStore, "--lang", "en",
                              "--server", m_server->address(), "--nmea",
                              QStringLiteral(QS_NMEA_DIR "/poor_fix.nmea")}));
        m_check.addStore(inspectorStore);

        // I1: the list, empty, not logged in; its filters.
        STEP(inspector, inspector.waitForShown(AppDriver::named("recordListPage")));
        STEP(inspector, inspector.waitForShown(AppDriver::named("loginButton")));
        look(inspector, "I1 inspector: record list, empty, not logged in");
        for (int status = 1; status <= 6; ++status) {
            STEP(inspector, tap(inspector, QStringLiteral("recordStatus_%1").arg(status)));
            STEP(inspector,
                 inspector.waitForProperty(
                     AppDriver::named(QStringLiteral("recordStatus_%1").arg(status)), "checked",
                     true));
            look(inspector, QStringLiteral("I1 inspector: status filter %1").arg(status));
        }
        STEP(inspector, tap(inspector, "recordStatus_0"));
        for (const QString combo : {"recordUnit", "recordCategory", "recordDate"})
            STEP(inspector, lookAtList(inspector, combo, "I1 inspector: list of " + combo));

        // I2: logging in, a wrong password first.
        STEP(inspector, tap(inspector, "loginButton"));
        STEP(inspector, inspector.waitForProperty(AppDriver::named("loginDialog"), "opened", true));
        look(inspector, "I2 inspector: login dialog");
        STEP(inspector, inspector.type(AppDriver::named("loginUser"), "walk-inspector"));
        STEP(inspector, inspector.type(AppDriver::named("loginPassword"), "not-the-password"));
        STEP(inspector, tap(inspector, AppDriver::named("loginButton", "loginDialog")));
        STEP(inspector, inspector.waitForShown(AppDriver::named("loginError")));
        look(inspector, "I2 inspector: login refused");
        STEP(inspector, retype(inspector, "loginPassword", ServerProcess::kPassword));
        STEP(inspector, tap(inspector, AppDriver::named("loginButton", "loginDialog")));
        STEP(inspector, inspector.waitForGone(AppDriver::named("loginDialog")));
        STEP(inspector, inspector.waitForText("walk-inspector"));
        look(inspector, "I2 inspector: logged in, synced");

        // I3: a new record's page and the village picker.
        STEP(inspector, tap(inspector, "newRecordButton"));
        STEP(inspector, inspector.waitForShown(AppDriver::named("newRecordPage")));
        look(inspector, "I3 inspector: new record, nothing chosen");
        STEP(inspector, inspector.type(AppDriver::named("villageSearch"), "zzqx"));
        STEP(inspector, inspector.waitForTextContaining("zzqx"));
        look(inspector, "I3 inspector: a village search that finds nothing");
        STEP(inspector, retype(inspector, "villageSearch", QString()));
        // The first county of the list, its first township: their lists of townships, villages.
        STEP(inspector, lookAtList(inspector, "unitBox", "I3 inspector: county list", 0));
        STEP(inspector, lookAtList(inspector, "townshipBox", "I3 inspector: township list", 0));
        STEP(inspector, lookAtList(inspector, "villageBox", "I3 inspector: village list"));
        STEP(inspector, chooseVillageFromSearch(inspector));
        look(inspector, "I3 inspector: new record, village chosen");

        // I4: every checklist's form, left as a draft.
        const QJsonArray templates
            = inspector.find(QJsonObject {{"type", "Button"}, {"within", "newRecordPage"}});
        QStringList templateNames;
        for (const QJsonValue &t : templates) {
            const QString name = t.toObject().value("name").toString();
            if (name.startsWith("template_"))
                templateNames << name;
        }
        QVERIFY2(templateNames.size() >= 11, qPrintable(templateNames.join(", ")));
        // The refuse checklist last: it is filled in and submitted below.
        QVERIFY(templateNames.removeOne("template_sanitation.refuse"));
        templateNames.append("template_sanitation.refuse");
        for (const QString &name : templateNames) {
            if (!inspector.isShown(AppDriver::named("newRecordPage"))) {
                STEP(inspector, tap(inspector, "newRecordButton"));
                STEP(inspector, inspector.waitForShown(AppDriver::named("newRecordPage")));
                // The village used last is offered first.
                STEP(inspector,
                     tap(inspector,
                         AppDriver::withText(QString::fromUtf8(kVillage), "villageQuickList")));
            }
            STEP(inspector, inspector.waitForProperty(AppDriver::named(name), "enabled", true));
            STEP(inspector, tap(inspector, name));
            STEP(inspector, inspector.waitForShown(AppDriver::named("formPage")));
            look(inspector, "I4 inspector: form " + name.mid(9));
            if (name == "template_sanitation.refuse")
                break; // filled in and submitted below
            STEP(inspector, tap(inspector, "formBackButton"));
            STEP(inspector, inspector.waitForShown(AppDriver::named("recordListPage")));
        }
        QVERIFY2(inspector.isShown(AppDriver::named("formPage")),
                 "the refuse checklist was not among the templates");

        // I5: the refuse checklist, submitted too early, then filled in.
        STEP(inspector, tap(inspector, "submitFormButton"));
        STEP(inspector,
             inspector.waitFor([&] { return inspector.text("submitErrorLabel") != ""; },
                               "the submit error"));
        look(inspector, "I5 inspector: submit refused, the issues");
        for (const QString answer :
             {"yesno_D1_true", "yesno_D2_true", "yesno_D3_false", "yesno_D4_true"})
            STEP(inspector, tap(inspector, answer));
        STEP(inspector, inspector.waitForShown(AppDriver::named("number_D4_count")));
        STEP(inspector, inspector.reveal(AppDriver::named("number_D4_count")));
        STEP(inspector, inspector.type(AppDriver::named("number_D4_count"), "3"));
        STEP(inspector, inspector.key("Tab"));
        look(inspector, "I5 inspector: answers given");

        // The photo through Qt's file dialog: its folder set as the dialog would remember
        // it (no gesture types a path into it), then the file tapped and opened.
        STEP(inspector, tap(inspector, "photoImport_D4_photos"));
        const QJsonObject fileDialog {{"type", "FileDialog"}, {"within", "question_D4_photos"}};
        STEP(inspector, inspector.waitForProperty(fileDialog, "visible", true));
        look(inspector, "I5 inspector: photo file dialog");
        STEP(inspector,
             inspector.setProperty(fileDialog, "currentFolder",
                                   QUrl::fromLocalFile(path("gallery")).toString()));
        STEP(inspector, tap(inspector, AppDriver::withText("refuse-point.jpg")));
        STEP(inspector, tap(inspector, AppDriver::withText("Open")));
        STEP(inspector, inspector.waitForGone(fileDialog));
        STEP(inspector,
             inspector.waitForShown(
                 QJsonObject {{"type", "Image"}, {"within", "question_D4_photos"}}));
        look(inspector, "I5 inspector: a photo added");

        // The GPS: the poor fix needs a reason.
        STEP(inspector, tap(inspector, "gpsCapture_location"));
        look(inspector, "I5 inspector: GPS capturing");
        STEP(inspector, tap(inspector, "gpsOverride_location"));
        STEP(inspector,
             inspector.waitForProperty(AppDriver::named("gpsOverrideDialog"), "opened", true));
        look(inspector, "I5 inspector: GPS reason dialog");
        STEP(inspector, inspector.type(AppDriver::named("gpsOverrideReason"), "山谷里信号弱"));
        STEP(inspector, tap(inspector, "gpsOverrideConfirm"));
        STEP(inspector, inspector.waitForGone(AppDriver::named("gpsOverrideDialog")));
        STEP(inspector, inspector.waitForShown(AppDriver::named("gpsValue_location")));
        look(inspector, "I5 inspector: GPS point with a reason");

        STEP(inspector, tap(inspector, "submitFormButton"));
        STEP(inspector, inspector.waitForShown(AppDriver::named("recordListPage")));
        look(inspector, "I5 inspector: list after submitting");
        STEP(inspector, tap(inspector, "syncButton"));
        STEP(inspector, allSent(inspector));
        look(inspector, "I5 inspector: list after syncing");

        // I6: a draft deleted through its confirmation.
        STEP(inspector, tap(inspector, "recordStatus_1"));
        STEP(inspector, tap(inspector, QJsonObject {{"type", "QsRecordDelegate"}, {"index", 0}}));
        STEP(inspector, inspector.waitForShown(AppDriver::named("formPage")));
        STEP(inspector, tap(inspector, "discardButton"));
        STEP(inspector,
             inspector.waitForProperty(AppDriver::named("discardDialog"), "opened", true));
        look(inspector, "I6 inspector: delete a draft?");
        STEP(inspector, tap(inspector, "discardConfirm"));
        STEP(inspector, inspector.waitForGone(AppDriver::named("discardDialog")));
        STEP(inspector, inspector.waitForShown(AppDriver::named("recordListPage")));
        STEP(inspector, tap(inspector, "recordStatus_0"));

        // The supervisor: the record arrives with the first sync after logging in.
        AppDriver supervisor;
        const QString supervisorStore = storeOf("supervisor");
        STEP(supervisor,
             supervisor.start({"--mode", "supervisor", "--db", supervisorStore, "--lang", "en",
                               "--server", m_server->address(), "--user", "walk-supervisor"},
                              passwordEnvironment()));
        m_check.addStore(supervisorStore);
        const QJsonObject row = AppDriver::named("reviewList");
        STEP(supervisor, supervisor.waitForProperty(row, "count", 1));

        // S1: the queue and its filters.
        STEP(supervisor, supervisor.waitForShown(QJsonObject {{"type", "QsRecordDelegate"}}));
        look(supervisor, "S1 supervisor: review queue");
        for (const QString combo : {"reviewUnit", "reviewCategory", "reviewAuthor"})
            STEP(supervisor, lookAtList(supervisor, combo, "S1 supervisor: list of " + combo));
        for (int status = 1; status <= 6; ++status) {
            STEP(supervisor, tap(supervisor, QStringLiteral("reviewStatus_%1").arg(status)));
            look(supervisor, QStringLiteral("S1 supervisor: status filter %1").arg(status));
        }
        STEP(supervisor, tap(supervisor, "reviewStatus_0"));
        STEP(supervisor, tap(supervisor, "selectMode"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("selectionBar")));
        look(supervisor, "S1 supervisor: selecting");
        STEP(supervisor, tap(supervisor, "selectMode"));

        // S2: the login dialog, logged in.
        STEP(supervisor, tap(supervisor, AppDriver::named("loginButton")));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("loginDialog"), "opened", true));
        look(supervisor, "S2 supervisor: login dialog");
        STEP(supervisor, supervisor.key("Escape"));
        STEP(supervisor, supervisor.waitForGone(AppDriver::named("loginDialog")));

        // S3: the dashboard and an export's folder dialog.
        STEP(supervisor, tap(supervisor, "dashboardButton"));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("dashboardPage"), "opened", true));
        look(supervisor, "S3 supervisor: dashboard");
        STEP(supervisor, tap(supervisor, "export_csv"));
        const QJsonObject folderDialog {{"type", "FolderDialog"}, {"within", "dashboardPage"}};
        STEP(supervisor, supervisor.waitForProperty(folderDialog, "visible", true));
        look(supervisor, "S3 supervisor: export folder dialog");
        STEP(supervisor, supervisor.key("Escape"));
        STEP(supervisor, supervisor.waitForGone(folderDialog));
        STEP(supervisor, tap(supervisor, "dashboardCloseButton"));
        STEP(supervisor, supervisor.waitForGone(AppDriver::named("dashboardPage")));

        // S4: the record; reject and return modes; returned.
        STEP(supervisor, tap(supervisor, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("recordViewPage")));
        look(supervisor, "S4 supervisor: record view");
        STEP(supervisor, tap(supervisor, "decideReject"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("rejectReason")));
        look(supervisor, "S4 supervisor: reject mode");
        STEP(supervisor, tap(supervisor, "decideReturn"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("returnComment")));
        look(supervisor, "S4 supervisor: return mode");
        STEP(supervisor, supervisor.type(AppDriver::named("returnComment"), "请补拍清运后的照片"));
        STEP(supervisor, supervisor.reveal(AppDriver::named("questionComment", "answer_D4_count")));
        STEP(supervisor,
             supervisor.type(AppDriver::named("questionComment", "answer_D4_count"),
                             "数量请再核实"));
        STEP(supervisor, tap(supervisor, "confirmReturnFooter"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("historyEntry")));
        look(supervisor, "S4 supervisor: returned, the history");
        STEP(supervisor, tap(supervisor, "syncButton"));

        // I7: the inspector gets the return and answers it.
        STEP(inspector, tap(inspector, "recordStatus_4"));
        STEP(inspector, tap(inspector, "syncButton"));
        STEP(inspector, inspector.waitForShown(QJsonObject {{"type", "QsRecordDelegate"}}));
        look(inspector, "I7 inspector: list with a returned record");
        STEP(inspector, tap(inspector, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(inspector, inspector.waitForShown(AppDriver::named("returnNoteBanner")));
        look(inspector, "I7 inspector: the returned record's form");
        STEP(inspector, inspector.reveal(AppDriver::named("number_D4_count")));
        STEP(inspector, retype(inspector, "number_D4_count", "4"));
        STEP(inspector, inspector.key("Tab"));
        STEP(inspector, tap(inspector, "submitFormButton"));
        STEP(inspector, inspector.waitForShown(AppDriver::named("recordListPage")));
        STEP(inspector, tap(inspector, "recordStatus_0"));
        STEP(inspector, tap(inspector, "syncButton"));
        STEP(inspector, allSent(inspector));
        look(inspector, "I7 inspector: resubmitted");

        // S5: the resubmitted record (back in the queue as synced) and its diff; approving,
        // publishing.
        STEP(supervisor, tap(supervisor, "recordViewBack"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(supervisor, tap(supervisor, "reviewStatus_3"));
        STEP(supervisor, tap(supervisor, "syncButton"));
        STEP(supervisor, tap(supervisor, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("revisionDiff")));
        look(supervisor, "S5 supervisor: the diff of the resubmitted record");
        STEP(supervisor, tap(supervisor, "decideApprove"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("publishPanel")));
        look(supervisor, "S5 supervisor: approved, the publish panel");
        const QJsonArray ticks
            = supervisor.find(QJsonObject {{"type", "CheckBox"}, {"within", "publishPanel"}});
        if (!ticks.isEmpty())
            STEP(supervisor,
                 tap(supervisor,
                     QJsonObject {{"type", "CheckBox"}, {"within", "publishPanel"}, {"index", 0}}));
        STEP(supervisor, tap(supervisor, "publishButton"));
        STEP(supervisor,
             supervisor.waitFor(
                 [&] {
                     return supervisor.isShown(AppDriver::named("publishDone"))
                         || supervisor.isShown(AppDriver::named("publishError"));
                 },
                 "publishing done or refused"));
        look(supervisor, "S5 supervisor: published");
        STEP(supervisor, tap(supervisor, "syncButton"));
        STEP(supervisor, tap(supervisor, "recordViewBack"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("reviewQueuePage")));
        look(supervisor, "S5 supervisor: queue after deciding");

        QVERIFY2(supervisor.stop(), qPrintable(supervisor.error() + supervisor.log()));
        QVERIFY2(inspector.stop(), qPrintable(inspector.error() + inspector.log()));
    }

    void kiosk()
    {
        // The kiosk's PIN as its installer sets it, and an idle time longer than the walk
        // (idle, the kiosk goes back to Chinese for the next visitor).
        const QString config = path("kiosk.ini");
        QProcess setPin;
        setPin.start(QStringLiteral(QINGSHUI_APP_PATH),
                     {"--set-kiosk-pin", "--kiosk-config", config});
        setPin.write(QByteArray(kKioskPin) + '\n' + kKioskPin + '\n');
        setPin.closeWriteChannel();
        QVERIFY(setPin.waitForFinished(30000));
        QCOMPARE(setPin.exitCode(), 0);
        {
            QSettings ini(config, QSettings::IniFormat);
            ini.setValue("kiosk/idle_timeout_s", 3600);
        }

        // Full screen on a 1920×1080 screen, the kiosk's design size (the offscreen
        // platform's own screen is smaller).
        QFile screen(path("screen-1920x1080.json"));
        QVERIFY(screen.open(QIODevice::WriteOnly));
        screen.write(R"({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920,
                                      "height": 1080, "logicalDpiX": 96, "logicalDpiY": 96}]})");
        screen.close();
        QProcessEnvironment environment = passwordEnvironment();
        environment.insert("QT_QPA_PLATFORM", "offscreen:configfile=" + screen.fileName());

        AppDriver kiosk;
        const QString store = storeOf("kiosk");
        STEP(kiosk,
             kiosk.start({"--mode", "kiosk", "--db", store, "--lang", "en", "--demo",
                          "--kiosk-config", config, "--server", m_server->address(), "--user",
                          "walk-kiosk"},
                         environment));
        STEP(kiosk,
             kiosk.waitFor(
                 [&] {
                     const QJsonArray windows
                         = kiosk.send({{"cmd", "windows"}}).value("windows").toArray();
                     return !windows.isEmpty()
                         && windows.first().toObject().value("width").toInt() == 1920;
                 },
                 "the kiosk full screen at 1920 px"));
        m_check.addStore(store);

        // K1: the map, a county's panel.
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("kioskHomePage")));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("legend")));
        look(kiosk, "K1 kiosk: home map");
        STEP(kiosk, tap(kiosk, QStringLiteral("unit_%1").arg(kCounty)));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("unitDetail")));
        look(kiosk, "K1 kiosk: a county's panel and records");
        STEP(kiosk, tap(kiosk, "closeDetail"));

        // K2: achievements; the gallery, its filters, a record.
        STEP(kiosk, tap(kiosk, "navAchievements"));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("kioskAchievementsPage")));
        look(kiosk, "K2 kiosk: achievements");
        STEP(kiosk, tap(kiosk, "navGallery"));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("kioskGalleryPage")));
        look(kiosk, "K2 kiosk: gallery");
        STEP(kiosk, tap(kiosk, QStringLiteral("countyChip_%1").arg(kCounty)));
        look(kiosk, "K2 kiosk: gallery of one county");
        STEP(kiosk, tap(kiosk, "countyChip_all"));
        const QJsonArray cards = kiosk.find(QJsonObject {{"type", "KioskRecordCard"}});
        QVERIFY2(!cards.isEmpty(), "no record card in the gallery");
        STEP(kiosk, tap(kiosk, QJsonObject {{"type", "KioskRecordCard"}, {"index", 0}}));
        STEP(kiosk, kiosk.waitForProperty(AppDriver::named("kioskRecordView"), "opened", true));
        look(kiosk, "K2 kiosk: a record over the whole screen");
        STEP(kiosk, tap(kiosk, "recordBack"));
        STEP(kiosk, kiosk.waitForGone(AppDriver::named("kioskRecordView")));

        // K3: the admin's way in: hold the corner, a wrong PIN, the right one.
        STEP(kiosk, kiosk.press(AppDriver::named("adminCorner")));
        QTest::qWait(3500); // the hold the corner asks for (pressAndHoldInterval 3 s)
        STEP(kiosk, kiosk.release(AppDriver::named("adminCorner")));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("pinPad")));
        look(kiosk, "K3 kiosk: PIN pad");
        for (const QString key : {"1", "1", "1", "1", "ok"})
            STEP(kiosk, tap(kiosk, "pinKey_" + key));
        STEP(kiosk, kiosk.waitFor([&] { return kiosk.text("pinMessage") != ""; }, "PIN refused"));
        look(kiosk, "K3 kiosk: a wrong PIN");
        for (const QChar digit : QString::fromLatin1(kKioskPin))
            STEP(kiosk, tap(kiosk, QStringLiteral("pinKey_%1").arg(digit)));
        STEP(kiosk, tap(kiosk, "pinKey_ok"));
        STEP(kiosk, kiosk.waitForShown(AppDriver::named("adminPanel")));
        look(kiosk, "K3 kiosk: admin panel");
        STEP(kiosk, tap(kiosk, "adminCancel"));
        STEP(kiosk, kiosk.waitForGone(AppDriver::named("adminPanel")));

        QVERIFY2(kiosk.stop(), qPrintable(kiosk.error() + kiosk.log()));
    }

    // F: what a reviewer needs to trust a record (issue 13 items 2 and 3), on records the
    // inspectors' own tablet stores push to the real server (FlagSeed): a record whose second
    // photo never reached the server, two tablets' edits of one record, a record with a GPS
    // override, a fix taken long before saving and a fast clock. A supervisor with a store of
    // its own pulls them; its photos come by its own fetch.
    void supervisorFlags()
    {
        QDir().mkpath(path("tablets"));
        FlagSeed seed(m_server->address(), path("tablets"));
        QVERIFY(!seed.seedPhotos("walk-photos", 2, 1).isEmpty());
        QVERIFY(!seed.seedConflict().isEmpty());
        QVERIFY(!seed.seedFlags().isEmpty());

        AppDriver supervisor;
        const QString store = storeOf("flags-supervisor");
        STEP(supervisor,
             supervisor.start({"--mode", "supervisor", "--db", store, "--lang", "en", "--server",
                               m_server->address(), "--user", "walk-supervisor"},
                              passwordEnvironment()));
        m_check.addStore(store);
        m_check.addStore(path("tablets/walk-photos/store.db"));
        m_check.addStore(path("tablets/insp-conflict-a/store.db"));
        m_check.addStore(path("tablets/insp-conflict-b/store.db"));
        m_check.addStore(path("tablets/insp-flags/store.db"));
        STEP(supervisor,
             supervisor.waitFor(
                 [&] {
                     return supervisor.property(AppDriver::named("reviewList"), "count").toInt()
                         >= 3;
                 },
                 "the seeded records in the queue"));
        look(supervisor, "F1 supervisor: queue with photos missing, a conflict, flags");

        // Photos missing: the tiles (one here, one the tablet never sent), the confirmations.
        STEP(supervisor, openRecordOf(supervisor, "walk-photos"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("recordViewPhotos")));
        STEP(
            supervisor,
            supervisor.waitForShown(QJsonObject {{"type", "Image"}, {"within", "recordViewPage"}}));
        look(supervisor, "F2 record view: photos missing, the tiles");
        STEP(supervisor, tap(supervisor, "decideApprove"));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("approveConfirm"), "opened", true));
        look(supervisor, "F2 approve with photos missing?");
        STEP(supervisor,
             tap(supervisor, AppDriver::named("photosConfirmAccept", "approveConfirm")));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("publishPanel")));
        const QJsonObject tick {{"type", "CheckBox"}, {"within", "publishPanel"}, {"index", 0}};
        if (!supervisor.find(tick).isEmpty())
            STEP(supervisor, tap(supervisor, tick));
        STEP(supervisor, tap(supervisor, "publishButton"));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("publishConfirm"), "opened", true));
        look(supervisor, "F2 publish with photos missing?");
        STEP(supervisor,
             tap(supervisor, AppDriver::named("photosConfirmAccept", "publishConfirm")));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("publishDone")));
        look(supervisor, "F2 published with photos missing, the history");

        // The conflict: the banner, the overwritten revision, the diff.
        STEP(supervisor, openRecordOf(supervisor, "insp-conflict-b"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("conflictBanner")));
        look(supervisor, "F3 record view: the conflict banner");
        STEP(supervisor, tap(supervisor, "conflictOpen"));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("revisionPopup"), "opened", true));
        look(supervisor, "F3 the overwritten revision");
        STEP(supervisor, tap(supervisor, "revisionClose"));
        STEP(supervisor, supervisor.waitForGone(AppDriver::named("revisionPopup")));
        STEP(supervisor, tap(supervisor, "conflictDiffToggle"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("conflictDiff")));
        look(supervisor, "F3 the conflict's diff");

        // GPS override, a stale fix, a fast clock.
        STEP(supervisor, openRecordOf(supervisor, "insp-flags"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("flag_clockSkew")));
        look(supervisor, "F4 record view: GPS and clock flags");

        // The photo ZIP of everything: the photo that never arrived is named.
        STEP(supervisor, tap(supervisor, "recordViewBack"));
        STEP(supervisor, supervisor.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(supervisor, tap(supervisor, "clearFilters"));
        STEP(supervisor, tap(supervisor, "dashboardButton"));
        STEP(supervisor,
             supervisor.waitForProperty(AppDriver::named("dashboardPage"), "opened", true));
        STEP(supervisor, tap(supervisor, "export_photos"));
        const QJsonObject folderDialog {{"type", "FolderDialog"}, {"within", "dashboardPage"}};
        STEP(supervisor, supervisor.waitForProperty(folderDialog, "visible", true));
        QDir().mkpath(path("exports"));
        const QString exports = QUrl::fromLocalFile(path("exports")).toString();
        STEP(supervisor, supervisor.setProperty(folderDialog, "currentFolder", exports));
        supervisor.setProperty(folderDialog, "selectedFolder", exports); // where it is writable
        supervisor.invoke(folderDialog, "accept");
        STEP(supervisor,
             supervisor.waitFor(
                 [&] {
                     return !supervisor
                                 .property(AppDriver::named("dashboardPage"), "dashboard.exporting")
                                 .toBool()
                         && supervisor.text("exportMessage") != "";
                 },
                 "the ZIP's message"));
        look(supervisor, "F5 the photo ZIP's missing photos");
        QVERIFY2(supervisor.text("exportMessage").contains("could not be exported"),
                 qPrintable(supervisor.text("exportMessage")));
        STEP(supervisor, tap(supervisor, "dashboardCloseButton"));
        QVERIFY2(supervisor.stop(), qPrintable(supervisor.error() + supervisor.log()));
    }

    // E: a tablet set up from its own screen (issue 13 item 1), against a real TLS server
    // with invites: 连接服务器 each way and its errors, then 设置 with a failure in its sync
    // log, and the log-out and change-server warnings.
    void enrolmentAndSettings()
    {
        EnrolmentServer server;
        QVERIFY2(server.start(), qPrintable(server.error));
        TestCertificate other; // a certificate the server does not serve
        QVERIFY(QDir().mkpath(path("other-cert")));
        QString certificateError;
        QVERIFY2(other.make(path("other-cert"), QStringLiteral("other"),
                            QStringLiteral("DNS:localhost,IP:127.0.0.1"), &certificateError),
                 qPrintable(certificateError));

        AppDriver tablet;
        const QString store = storeOf("enrolled");
        STEP(tablet, tablet.start({"--mode", "inspector", "--db", store, "--lang", "en"}));
        m_check.addStore(store);
        const QJsonObject page = AppDriver::named("connectServerPage");
        STEP(tablet, tablet.waitForShown(page));
        look(tablet, "E1 enrolment: 连接服务器, nothing typed");

        const auto enterCode = [&](const QString &code) {
            return retype(tablet, "codeField", code) && tap(tablet, "codeNextButton");
        };
        const auto errorShown = [&] {
            return tablet.waitFor([&] { return tablet.isShown(AppDriver::named("enrolError")); },
                                  "the enrolment's error");
        };
        const auto enrolWith = [&](const QString &password) {
            return retype(tablet, "enrolPassword", password) && tap(tablet, "enrolButton")
                && tablet.waitForProperty(AppDriver::named("enrolButton"), "enabled", true);
        };
        const auto backToCode = [&] {
            return tap(tablet, "otherCodeButton")
                && tablet.waitForShown(AppDriver::named("codeField"));
        };

        // A mistyped code: said before any network.
        const QString code = server.invite("xc-inspector").code;
        QVERIFY(!code.isEmpty());
        QString mistyped = code;
        const int at = int(code.size()) - 3;
        mistyped[at] = code.at(at) == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');
        STEP(tablet, enterCode(mistyped));
        STEP(tablet, errorShown());
        look(tablet, "E1 enrolment: a mistyped code");

        // The code's step, then a wrong password.
        STEP(tablet, enterCode(code));
        STEP(tablet, tablet.waitForShown(AppDriver::named("enrolPassword")));
        look(tablet, "E1 enrolment: the code accepted, the password");
        STEP(tablet, enrolWith("not-the-password"));
        STEP(tablet, errorShown());
        look(tablet, "E1 enrolment: a wrong password");
        STEP(tablet, backToCode());

        // Another server's certificate; a server that is down.
        STEP(tablet, enterCode(server.invite("xc-inspector", {}, {}, other.certPath).code));
        STEP(tablet, enrolWith(ServerProcess::kPassword));
        STEP(tablet, errorShown());
        look(tablet, "E1 enrolment: the certificate does not match");
        STEP(tablet, backToCode());
        STEP(tablet,
             enterCode(server.invite("xc-inspector", {}, EnrolmentServer::deadAddress()).code));
        STEP(tablet, enrolWith(ServerProcess::kPassword));
        STEP(tablet, errorShown());
        look(tablet, "E1 enrolment: the server is down");
        STEP(tablet, backToCode());

        // The picture file's dialog (Qt's own), and the advanced way.
        STEP(tablet, tap(tablet, "imageButton"));
        const QJsonObject imageDialog = AppDriver::named("qrImageDialog");
        STEP(tablet, tablet.waitForProperty(imageDialog, "visible", true));
        look(tablet, "E2 enrolment: the QR picture's file dialog");
        STEP(tablet, tablet.key("Escape"));
        STEP(tablet, tablet.waitForGone(imageDialog));
        if (tablet.property(AppDriver::named("scanButton"), "enabled").toBool()) {
            STEP(tablet, tap(tablet, "scanButton"));
            look(tablet, "E2 enrolment: scanning without a camera");
        }
        STEP(tablet, tap(tablet, "advancedButton"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("advancedAddress")));
        look(tablet, "E2 enrolment: advanced, address and certificate");
        STEP(tablet, tap(tablet, "advancedBackButton"));

        // The right code and password: enrolled, the list and its first sync.
        STEP(tablet, tablet.waitForShown(AppDriver::named("codeField")));
        STEP(tablet, enterCode(server.invite("xc-inspector").code));
        STEP(tablet, retype(tablet, "enrolPassword", ServerProcess::kPassword));
        STEP(tablet, tap(tablet, "enrolButton"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("recordListPage")));
        STEP(tablet, allSent(tablet));
        look(tablet, "E3 enrolled: the record list");

        // A draft waits; the server goes away; a sync fails and the log keeps it.
        STEP(tablet, tap(tablet, "newRecordButton"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("newRecordPage")));
        STEP(tablet, chooseVillageFromSearch(tablet));
        STEP(tablet, tap(tablet, "template_sanitation.toilet"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("formPage")));
        STEP(tablet, tap(tablet, "formBackButton"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("recordListPage")));
        server.process->stop();
        STEP(tablet, tap(tablet, "syncButton"));
        STEP(tablet,
             tablet.waitFor([&] { return !tablet.text("syncChip").startsWith("Synced "); },
                            "the failed sync on the chip"));
        look(tablet, "E4 the list after a failed sync");
        STEP(tablet, tap(tablet, "settingsButton"));
        STEP(tablet, tablet.waitForShown(AppDriver::named("settingsPage")));
        STEP(tablet,
             tablet.waitFor(
                 [&] { return tablet.find(AppDriver::named("syncLogEntry")).size() >= 2; },
                 "two attempts in the sync log"));
        look(tablet, "E4 settings: the sync log with a failure");
        // Kept as a code, the failure reads in the language of the moment: Chinese after the
        // switch, English again after switching back.
        const QJsonObject newestError {{"name", "syncLogError"}, {"index", 0}};
        const QString englishError = tablet.text(newestError);
        QVERIFY2(englishError.startsWith("Cannot reach the server"), qPrintable(englishError));
        STEP(tablet, tap(tablet, "languageButton"));
        STEP(tablet,
             tablet.waitFor([&] { return tablet.text(newestError).startsWith("无法连接服务器"); },
                            "the log's failure in Chinese"));
        STEP(tablet, tap(tablet, "languageButton"));
        STEP(tablet,
             tablet.waitFor([&] { return tablet.text(newestError) == englishError; },
                            "the log's failure in English again"));
        look(tablet, "E4 settings: the sync log after switching to Chinese and back");
        STEP(tablet, tap(tablet, "logOutButton"));
        STEP(tablet, tablet.waitForProperty(AppDriver::named("logOutDialog"), "opened", true));
        look(tablet, "E4 settings: log out?");
        STEP(tablet, tablet.key("Escape"));
        STEP(tablet, tablet.waitForGone(AppDriver::named("logOutDialog")));
        STEP(tablet, tap(tablet, "changeServerButton"));
        STEP(tablet,
             tablet.waitForProperty(AppDriver::named("changeServerDialog"), "opened", true));
        look(tablet, "E4 settings: change server?");
        STEP(tablet, tablet.key("Escape"));
        STEP(tablet, tablet.waitForGone(AppDriver::named("changeServerDialog")));
        QVERIFY2(tablet.stop(), qPrintable(tablet.error() + tablet.log()));
    }

    // Whatever the walk reached, the leftovers it found.
    void cleanupTestCase()
    {
        const QString report = m_check.report();
        qInfo().noquote() << report;
        QVERIFY2(m_check.offences().isEmpty(), "Chinese leftovers in English mode (listed above)");
    }
};

QTEST_MAIN(TestEnglishWalk) // a QGuiApplication: FlagSeed's tablets take their photos
#include "tst_englishwalk.moc"
