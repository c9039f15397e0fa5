// Issue 13 item 7: the whole field loop through the real apps, as the people who use them
// walk it. A real qingshui-server with TLS (its certificate made here by openssl), accounts
// and invites made with its own CLI; three devices, each a real `qingshui` process on a store
// in a folder of its own (so a photo can only reach another device by sync), driven through
// the automation hook (tests/support/appdriver.h) by taps and typing. Every step checks what
// that user sees on screen.
//
//   1 server   `user add` (with display names), `invite` for an inspector, a supervisor and a
//              kiosk; the QS1- codes read from what the CLI printed
//   2 inspector  no --server, no --mode (a tablet as installed), GPS replayed from
//              xichuan_good_fix.nmea: 连接服务器 → code → password → the list (the header names
//              the account) → new record → village typed → 生活垃圾 checklist → answers → GPS
//              (the accuracy shown) → two photos from files (no camera here) → submit → sync
//              → the row says 已同步; 设置 shows the server and the certificate's fingerprint
//   3 supervisor  its own enrolment from the screen → the review queue shows the record →
//              opened: the photos arrive by sync, are shown (Image Ready, their files) and
//              are byte-identical to the inspector's photo files → returned with a comment on
//              one question
//   4 inspector  sync → 已退回 → the comment under its question → the answer fixed →
//              resubmitted → synced
//   5 supervisor  sync → the diff shows the answer before and after → approved → published
//              with one of the two photos ticked → synced
//   6 kiosk    `qingshui --enrol` (code and password on stdin), then its app: it syncs, the
//              gallery shows the published copy, the record view shows the ticked photo's
//              public rendition only (not the original's bytes, at most 1600 px, no EXIF/XMP),
//              and no text on any of its screens names a person, the tablet or coordinates
//
// The slots run in order and build on each other: a failed step ends the walk there, saying
// what was on screen.
#include "appdriver.h"
#include "enrolmentserver.h"
#include "journeysteps.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QSettings>
#include <QtTest>
#include <memory>

using namespace JourneySteps;

// A step of the walk: a failed one ends it, with what was on screen and the app's log.
#define STEP(app, expr) QVERIFY2((expr), qPrintable((app).error()))

namespace {

// The people of the walk: account names and the names the app shows for them.
constexpr auto kInspector = "dj-wang";
constexpr auto kInspectorName = "王晓明";
constexpr auto kSupervisor = "dj-li";
constexpr auto kSupervisorName = "李建国";
constexpr auto kKiosk = "hall-screen";
constexpr auto kCounty = "411326"; // 淅川县
constexpr auto kVillage = "九重村民委员会"; // 淅川县 丹阳镇
constexpr auto kChecklist = "生活垃圾";
constexpr auto kReturnComment = "点数与照片不符，请核实";
// The replayed fix circles 33.13782 N 111.49096 E.
constexpr auto kLatitude = "33.13";
constexpr auto kLongitude = "111.49";

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A JPEG's metadata segments before its image data: APP1 (EXIF, XMP) and COM.
QStringList jpegMetadata(const QByteArray &jpeg)
{
    QStringList found;
    qsizetype at = 2; // after SOI
    while (at + 4 <= jpeg.size() && uchar(jpeg[at]) == 0xFF) {
        const uchar marker = uchar(jpeg[at + 1]);
        if (marker == 0xDA) // start of scan: the pixels follow
            break;
        const int length = (uchar(jpeg[at + 2]) << 8) | uchar(jpeg[at + 3]);
        if (marker == 0xE1)
            found << QStringLiteral("APP1 %1").arg(QString::fromLatin1(jpeg.mid(at + 4, 4)));
        else if (marker == 0xFE)
            found << QStringLiteral("COM");
        at += 2 + length;
    }
    return found;
}

// The two gallery photos the inspector imports, told apart by their ground colour: larger
// than the app keeps (2048 px) and than a public copy may be (1600 px), with an EXIF block
// naming a place and a person, as a phone writes one.
const QColor kPublishedGround(70, 120, 160); // blue: the photo the supervisor ticks
const QColor kPrivateGround(60, 150, 70); // green: the one that stays private

bool writeGalleryPhoto(const QString &path, const QColor &ground)
{
    QImage photo(3000, 2250, QImage::Format_RGB32);
    photo.fill(ground);
    QPainter painter(&photo);
    painter.fillRect(400, 300, 1400, 900, QColor(210, 190, 80));
    painter.fillRect(1900, 1300, 700, 600, QColor(120, 80, 60));
    painter.end();
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        if (!photo.save(&buffer, "JPG", 90))
            return false;
    }
    const QByteArray exif = QByteArray("Exif\0\0", 6) + "GPS 33.13782N 111.49096E dj-wang";
    QByteArray app1("\xFF\xE1", 2);
    app1.append(char((exif.size() + 2) >> 8)).append(char((exif.size() + 2) & 0xFF)).append(exif);
    jpeg.insert(2, app1);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(jpeg) == jpeg.size();
}

// The ground colour near the top left corner of a photo (above the stamped caption, off the
// painted shapes): which of the two photos a file shows, whatever its size and encoding.
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

class TestJourney : public QObject {
    Q_OBJECT

    EnrolmentServer m_server;
    QTemporaryDir m_dir;
    QString m_inspectorCode, m_supervisorCode, m_kioskCode;
    std::unique_ptr<AppDriver> m_inspector, m_supervisor;
    QString m_photoSha; // the inspector's photo the supervisor publishes, as its store keeps it
    QString m_otherSha; // the other photo, not published
    QString m_recordId;
    QString m_inspectorDevice; // the tablet's device id, as its settings page shows it
    bool m_broken = false;
    JourneySteps::Looks m_looks {QStringLiteral("journey")};

    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Each device's store in a folder of its own: the photos beside it are its own.
    QString storeOf(const QString &device) const
    {
        QDir(m_dir.path()).mkpath(device);
        return path(device + QStringLiteral("/store.db"));
    }
    QString photoDirOf(const QString &device) const { return path(device + "/photos"); }
    QString inspectorPhoto(const QString &sha) const
    {
        return photoDirOf("inspector") + '/' + sha.left(2) + '/' + sha + ".jpg";
    }

    // The photo files a device keeps: photos/ab/abcd….jpg, named by their SHA-256 (not the
    // thumbnails beside them).
    QStringList photoFiles(const QString &device) const
    {
        QStringList out;
        QDirIterator it(photoDirOf(device), {QStringLiteral("*.jpg")}, QDir::Files,
                        QDirIterator::Subdirectories);
        static const QRegularExpression name(QStringLiteral("^[0-9a-f]{64}\\.jpg$"));
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            if (name.match(file.fileName()).hasMatch()
                && file.dir().dirName() == file.fileName().left(2))
                out << file.filePath();
        }
        return out;
    }

    // The texts of the list's rows (record delegates) on screen.
    static QStringList rowTexts(AppDriver &app)
    {
        QStringList out;
        for (const AppDriver::ScreenText &t : app.texts()) {
            if (t.onScreen && t.path.contains(QLatin1String("QsRecordDelegate")))
                out << t.text;
        }
        return out;
    }
    static bool waitForRow(AppDriver &app, const QString &text)
    {
        return app.waitFor([&] { return rowTexts(app).contains(text); },
                           QStringLiteral("a list row showing \"%1\"").arg(text));
    }

    // The file an Image shows, from its source URL.
    static QString shownFile(AppDriver &app, const QJsonObject &image)
    {
        return QUrl(app.property(image, QStringLiteral("source")).toString()).toLocalFile();
    }

private slots:
    // The walk builds on each step: after a failed one, the rest would only fail too.
    void init()
    {
        if (m_broken)
            QSKIP("an earlier step of the walk failed");
    }
    void cleanup() { m_broken = m_broken || QTest::currentTestFailed(); }

    // 1: the server, its accounts and invites, as an administrator makes them.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.error));
        const QByteArray password = QByteArray(ServerProcess::kPassword) + '\n';
        ServerProcess &admin = *m_server.process;
        QVERIFY2(admin.runAdmin({"user", "add", kInspector, "--db", m_server.dbPath(), "--role",
                                 "inspector", "--scope", kCounty, "--display-name",
                                 QString::fromUtf8(kInspectorName)},
                                password),
                 qPrintable(admin.adminOutput()));
        QVERIFY2(admin.runAdmin({"user", "add", kSupervisor, "--db", m_server.dbPath(), "--role",
                                 "supervisor", "--scope", kCounty, "--display-name",
                                 QString::fromUtf8(kSupervisorName)},
                                password),
                 qPrintable(admin.adminOutput()));
        QVERIFY2(admin.runAdmin({"user", "add", kKiosk, "--db", m_server.dbPath(), "--role",
                                 "kiosk", "--scope", kCounty},
                                password),
                 qPrintable(admin.adminOutput()));
        // `invite --user … --address 127.0.0.1:PORT --tls-cert …`: the codes as printed.
        m_inspectorCode = m_server.invite(kInspector).code;
        m_supervisorCode = m_server.invite(kSupervisor).code;
        m_kioskCode = m_server.invite(kKiosk).code;
        for (const QString &code : {m_inspectorCode, m_supervisorCode, m_kioskCode})
            QVERIFY2(code.startsWith("QS1-"), qPrintable(m_server.error));

        QDir().mkpath(path("gallery"));
        QVERIFY(writeGalleryPhoto(path("gallery/dumping-site.jpg"), kPublishedGround));
        QVERIFY(writeGalleryPhoto(path("gallery/dumping-site-2.jpg"), kPrivateGround));
        QVERIFY(jpegMetadata(fileBytes(path("gallery/dumping-site.jpg"))).contains("APP1 Exif"));
    }

    // 2: the inspector's tablet, set up from its screen; a record submitted and synced.
    void inspectorSubmitsARecord()
    {
        m_inspector = std::make_unique<AppDriver>();
        AppDriver &app = *m_inspector;
        STEP(app,
             app.start({"--db", storeOf("inspector"), "--lang", "zh_CN", "--nmea",
                        QStringLiteral(QS_NMEA_DIR "/xichuan_good_fix.nmea")}));
        STEP(app, enrolFromTheScreen(app, m_inspectorCode));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, app.waitForProperty(AppDriver::named("loginButton"), "text", kInspector));
        QVERIFY(app.isShown(AppDriver::named("inspectorStack")));
        QVERIFY(!app.showsText("连接服务器"));
        m_looks.take(app, "inspector-enrolled");

        // A new record: the village by typing part of its name, then the checklist.
        STEP(app, tap(app, "newRecordButton"));
        STEP(app, app.waitForShown(AppDriver::named("newRecordPage")));
        STEP(app, app.type(AppDriver::named("villageSearch"), QString::fromUtf8(kVillage).left(2)));
        STEP(app, tap(app, AppDriver::withText(QString::fromUtf8(kVillage), "villageQuickList")));
        STEP(app, app.waitForShown(AppDriver::named("chosenVillage")));
        STEP(app, app.waitForTextContaining(QString::fromUtf8(kVillage)));
        const QJsonObject checklist = AppDriver::named("template_sanitation.refuse");
        STEP(app, app.waitForProperty(checklist, "enabled", true));
        STEP(app, tap(app, checklist));
        STEP(app, app.waitForShown(AppDriver::named("formPage")));
        STEP(app, app.waitForText(QString::fromUtf8(kChecklist)));

        // Answers: refuse piles found, three of them.
        for (const QString answer :
             {"yesno_D1_true", "yesno_D2_true", "yesno_D3_false", "yesno_D4_true"}) {
            STEP(app, tap(app, answer));
            STEP(app, app.waitForProperty(AppDriver::named(answer), "checked", true));
        }
        STEP(app, app.waitForShown(AppDriver::named("number_D4_count")));
        STEP(app, app.reveal(AppDriver::named("number_D4_count")));
        STEP(app, app.type(AppDriver::named("number_D4_count"), "3"));
        STEP(app, app.key("Tab"));

        // The photo: no camera here, so the file import the page offers, through its file
        // dialog (the folder set as the dialog remembers it: no gesture types a path).
        STEP(app, app.reveal(AppDriver::named("photoImport_D4_photos")));
        QCOMPARE(app.property(AppDriver::named("photoCamera_D4_photos"), "enabled"),
                 QJsonValue(false));
        const QJsonObject fileDialog {{"type", "FileDialog"}, {"within", "question_D4_photos"}};
        const QJsonObject thumbnails {{"type", "Image"}, {"within", "question_D4_photos"}};
        QStringList shas; // in the order imported
        for (const QString file : {"dumping-site.jpg", "dumping-site-2.jpg"}) {
            STEP(app, tap(app, "photoImport_D4_photos"));
            STEP(app, app.waitForProperty(fileDialog, "visible", true));
            STEP(app,
                 app.setProperty(fileDialog, "currentFolder",
                                 QUrl::fromLocalFile(path("gallery")).toString()));
            STEP(app, tap(app, AppDriver::withText(file)));
            const QString open
                = app.showsText("打开") ? QStringLiteral("打开") : QStringLiteral("Open");
            STEP(app, tap(app, AppDriver::withText(open)));
            STEP(app, app.waitForGone(fileDialog));
            const int count = shas.size() + 1;
            STEP(app, app.waitForText(QStringLiteral("%1 / 最多 4 张").arg(count)));
            STEP(app,
                 app.waitFor([&] { return app.find(thumbnails).size() == count; },
                             "a thumbnail per photo"));
            const QJsonObject thumbnail {
                {"type", "Image"}, {"within", "question_D4_photos"}, {"index", count - 1}};
            STEP(app, app.waitForProperty(thumbnail, "status", "Ready"));
            // The app keeps the photo stamped, under its SHA-256.
            for (const QString &stored : photoFiles("inspector")) {
                const QString sha = QFileInfo(stored).completeBaseName();
                if (shas.contains(sha))
                    continue;
                QCOMPARE(QString::fromLatin1(
                             QCryptographicHash::hash(fileBytes(stored), QCryptographicHash::Sha256)
                                 .toHex()),
                         sha);
                shas << sha;
            }
            QCOMPARE(shas.size(), count);
        }
        m_photoSha = shas.at(0);
        m_otherSha = shas.at(1);
        QVERIFY(hasGround(inspectorPhoto(m_photoSha), kPublishedGround));
        QVERIFY(hasGround(inspectorPhoto(m_otherSha), kPrivateGround));
        m_looks.take(app, "inspector-photos");

        // The GPS from the replayed log: captured, with the accuracy shown.
        STEP(app, tap(app, "gpsCapture_location"));
        const QJsonObject gps = AppDriver::named("gpsValue_location");
        STEP(app, app.waitForShown(gps));
        const QString point = app.text(gps);
        QVERIFY2(point.contains(kLatitude) && point.contains(kLongitude), qPrintable(point));
        QVERIFY2(point.contains(QStringLiteral("±8.0 米")), qPrintable(point));
        m_looks.take(app, "inspector-gps");

        // Submitted, then synced: the row says so.
        STEP(app, tap(app, "submitFormButton"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, waitForRow(app, QStringLiteral("%1 · %2").arg(kChecklist, kVillage)));
        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));
        STEP(app, waitForRow(app, "已同步"));
        m_looks.take(app, "inspector-synced");

        // 设置: the server the invite named, trusted by the certificate it named; the account.
        STEP(app, tap(app, "settingsButton"));
        STEP(app, app.waitForShown(AppDriver::named("settingsPage")));
        QCOMPARE(app.text("settingsServer"), m_server.address());
        QCOMPARE(app.text("settingsTls"), QStringLiteral("TLS 加密"));
        QCOMPARE(app.text("settingsFingerprint"), m_server.fingerprint());
        QCOMPARE(app.text("settingsUser"), QString::fromLatin1(kInspector));
        m_inspectorDevice = app.text("settingsDeviceId");
        QVERIFY(!m_inspectorDevice.isEmpty());
        m_looks.take(app, "inspector-settings");
        STEP(app, tap(app, "settingsBack"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
    }

    // 3: the supervisor's desk, set up from its screen: the record, its photo by sync; returned.
    void supervisorReturnsIt()
    {
        m_supervisor = std::make_unique<AppDriver>();
        AppDriver &app = *m_supervisor;
        STEP(app, app.start({"--db", storeOf("supervisor"), "--lang", "zh_CN"}));
        // Nothing of the inspector's here: what arrives, arrives by sync.
        QVERIFY(photoFiles("supervisor").isEmpty());
        STEP(app, enrolFromTheScreen(app, m_supervisorCode));
        STEP(app, app.waitForText("清水巡查 · 督导审核"));
        STEP(app, app.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(app, app.waitForProperty(AppDriver::named("loginButton"), "text", kSupervisor));

        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));
        STEP(app, app.waitForProperty(AppDriver::named("reviewList"), "count", 1));
        STEP(app, waitForRow(app, QStringLiteral("%1 · %2").arg(kChecklist, kVillage)));
        // The row names its inspector (the account), which no kiosk may show.
        STEP(app,
             app.waitFor([&] { return rowTexts(app).join('\n').contains(kInspector); },
                         "the inspector's name in the row"));
        STEP(app, tap(app, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(app, app.waitForShown(AppDriver::named("recordViewPage")));
        STEP(app, app.waitForTextContaining(kVillage));
        m_recordId = app.property(AppDriver::named("recordViewPage"), "view.recordId").toString();

        // The photos arrive by sync and are shown: each tile's Image is Ready with the
        // fetched file, which is the inspector's photo byte for byte.
        for (const QString &sha : {m_photoSha, m_otherSha}) {
            const QJsonObject photo = AppDriver::named("photo_" + sha);
            STEP(app, app.reveal(AppDriver::named("photoTile_" + sha)));
            STEP(app, app.waitForProperty(photo, "status", "Ready"));
            STEP(app, app.waitForShown(photo));
            const QString shown = shownFile(app, photo);
            QVERIFY2(shown.startsWith(photoDirOf("supervisor")), qPrintable(shown));
            const QByteArray original = fileBytes(inspectorPhoto(sha));
            QVERIFY(!original.isEmpty());
            QVERIFY2(fileBytes(shown) == original, qPrintable(shown));
        }
        QVERIFY(!app.isShown(AppDriver::named("recordViewPhotos"))); // no 照片未到齐
        const QString count = app.text(AppDriver::named("answerText", "answer_D4_count"));
        QVERIFY2(count.contains("3"), qPrintable(count));
        // The inspector's GPS point, with its accuracy.
        STEP(app, app.reveal(AppDriver::named("answerText", "answer_location")));
        const QString point = app.text(AppDriver::named("answerText", "answer_location"));
        QVERIFY2(point.contains(kLatitude) && point.contains(kLongitude)
                     && point.contains(QStringLiteral("±8.0 米")),
                 qPrintable(point));
        m_looks.take(app, "supervisor-record");

        // Returned with a comment on one question only.
        STEP(app, tap(app, "decideReturn"));
        STEP(app, app.waitForShown(AppDriver::named("returnComment")));
        const QJsonObject comment = AppDriver::named("questionComment", "answer_D4_count");
        STEP(app, app.reveal(comment));
        STEP(app, app.type(comment, QString::fromUtf8(kReturnComment)));
        m_looks.take(app, "supervisor-returning");
        STEP(app, tap(app, "confirmReturnFooter"));
        STEP(app, app.waitForShown(AppDriver::named("historyEntry")));
        STEP(app, app.waitForText("已退回"));
        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));
    }

    // 4: the inspector sees the return, the comment under its question; fixes and resubmits.
    void inspectorFixesIt()
    {
        AppDriver &app = *m_inspector;
        STEP(app, tap(app, "syncButton"));
        STEP(app, waitForRow(app, "已退回"));
        STEP(app, tap(app, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(app, app.waitForShown(AppDriver::named("formPage")));
        STEP(app, app.waitForShown(AppDriver::named("returnNoteBanner")));
        // The comment sits in the question it is about.
        const QJsonObject comment = AppDriver::named("questionCommentText", "question_D4_count");
        STEP(app, app.reveal(comment));
        STEP(app, app.waitForShown(comment));
        QCOMPARE(app.text(comment), QStringLiteral("督导意见：%1").arg(kReturnComment));
        // Only there.
        QCOMPARE(app.find(QJsonObject {{"name", "questionCommentText"}}).size(), 1);
        m_looks.take(app, "inspector-returned");

        STEP(app, app.reveal(AppDriver::named("number_D4_count")));
        STEP(app, retype(app, "number_D4_count", "4"));
        STEP(app, app.key("Tab"));
        STEP(app, app.waitForProperty(AppDriver::named("number_D4_count"), "text", "4"));
        STEP(app, tap(app, "submitFormButton"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));
        STEP(app, waitForRow(app, "已同步"));
        QVERIFY(!rowTexts(app).contains("已退回"));
    }

    // 5: the supervisor sees what changed; approves; publishes with the photo ticked.
    void supervisorApprovesAndPublishes()
    {
        AppDriver &app = *m_supervisor;
        STEP(app, tap(app, "recordViewBack"));
        STEP(app, app.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));
        STEP(app, waitForRow(app, "已同步"));
        STEP(app, tap(app, QJsonObject {{"type", "QsRecordDelegate"}}));
        STEP(app, app.waitForShown(AppDriver::named("recordViewPage")));

        // The diff: the answer the inspector changed, before and after, and nothing else.
        STEP(app, app.waitForShown(AppDriver::named("revisionDiff")));
        STEP(app, app.reveal(AppDriver::named("diffAnswer_D4_count")));
        const QString before = app.text(AppDriver::named("diffBefore", "diffAnswer_D4_count"));
        const QString after = app.text(AppDriver::named("diffAfter", "diffAnswer_D4_count"));
        QVERIFY2(before.contains("3") && !before.contains("4"), qPrintable(before));
        QVERIFY2(after.contains("4") && !after.contains("3"), qPrintable(after));
        int diffRows = 0;
        for (const AppDriver::ScreenText &t : app.texts(true)) {
            if (t.path.contains("diffAnswer_") && t.path.contains("diffBefore"))
                ++diffRows;
        }
        QCOMPARE(diffRows, 1);
        m_looks.take(app, "supervisor-diff");

        // The photos are still here: approving asks nothing more.
        for (const QString &sha : {m_photoSha, m_otherSha}) {
            STEP(app, app.reveal(AppDriver::named("photoTile_" + sha)));
            STEP(app, app.waitForProperty(AppDriver::named("photo_" + sha), "status", "Ready"));
        }
        STEP(app, tap(app, "decideApprove"));
        QVERIFY(!app.isShown(AppDriver::named("approveConfirm")));
        STEP(app, app.waitForShown(AppDriver::named("publishPanel")));
        STEP(app, app.waitForText("已通过"));

        const QJsonObject tick = AppDriver::named("publishTick_" + m_photoSha);
        STEP(app, tap(app, tick));
        STEP(app, app.waitForProperty(tick, "checked", true));
        QCOMPARE(app.property(AppDriver::named("publishTick_" + m_otherSha), "checked"),
                 QJsonValue(false));
        STEP(app, tap(app, "publishButton"));
        STEP(app, app.waitForShown(AppDriver::named("publishDone")));
        QVERIFY(!app.isShown(AppDriver::named("publishError")));
        m_looks.take(app, "supervisor-published");
        STEP(app, tap(app, "syncButton"));
        STEP(app, allSent(app));

        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
        QVERIFY2(m_inspector->stop(), qPrintable(m_inspector->error() + m_inspector->log()));
    }

    // 6: a kiosk enrolled over ssh (stdin), then its screen: the public copy, nothing private.
    void kioskShowsThePublicCopy()
    {
        const QString store = storeOf("kiosk");
        QProcess enrol;
        enrol.start(QStringLiteral(QINGSHUI_APP_PATH), {"--enrol", "--db", store});
        enrol.write((m_kioskCode + '\n' + ServerProcess::kPassword + '\n').toUtf8());
        enrol.closeWriteChannel();
        QVERIFY(enrol.waitForFinished(60000));
        QVERIFY2(enrol.exitCode() == 0,
                 qPrintable(enrol.readAllStandardOutput() + enrol.readAllStandardError()));

        // The installer's config: an idle time longer than the walk (idle, the screen would
        // start its attract loop); the kiosk's design screen, 1920×1080.
        const QString config = path("kiosk.ini");
        {
            QSettings ini(config, QSettings::IniFormat);
            ini.setValue("kiosk/idle_timeout_s", 3600);
        }
        QFile screen(path("screen-1920x1080.json"));
        QVERIFY(screen.open(QIODevice::WriteOnly));
        screen.write(R"({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920,
                                      "height": 1080, "logicalDpiX": 96, "logicalDpiY": 96}]})");
        screen.close();
        QProcessEnvironment environment;
        environment.insert("QT_QPA_PLATFORM", "offscreen:configfile=" + screen.fileName());

        AppDriver app;
        STEP(app,
             app.start({"--db", store, "--lang", "zh_CN", "--kiosk-config", config}, environment));
        STEP(app, app.waitForShown(AppDriver::named("kioskHomePage")));
        QStringList seen; // every text on every kiosk screen of the walk
        auto collect = [&] {
            for (const AppDriver::ScreenText &t : app.texts(true))
                seen << t.text;
        };
        collect();

        // It syncs by itself; the gallery shows the published copy.
        STEP(app, tap(app, "navGallery"));
        STEP(app, app.waitForShown(AppDriver::named("kioskGalleryPage")));
        const QJsonObject card = AppDriver::named("galleryCard_" + m_recordId);
        STEP(app, app.waitForShown(card));
        QCOMPARE(app.find(QJsonObject {{"type", "KioskRecordCard"}}).size(), 1);
        const QJsonObject cardPhoto = AppDriver::named("cardPhoto", "galleryCard_" + m_recordId);
        STEP(app, app.waitForProperty(cardPhoto, "status", "Ready"));
        const QString cardFile = shownFile(app, cardPhoto); // the same rendition, below
        m_looks.take(app, "kiosk-gallery");
        STEP(app, app.waitForText(QString::fromUtf8(kChecklist)));
        STEP(app, app.waitForTextContaining("淅川县"));
        collect();

        // The record over the whole screen, with the public rendition.
        STEP(app, tap(app, card));
        STEP(app, app.waitForProperty(AppDriver::named("kioskRecordView"), "opened", true));
        const QJsonObject photo = AppDriver::named("recordPhoto");
        STEP(app, app.waitForShown(photo));
        QCOMPARE(app.find(photo).size(), 1); // the ticked photo only
        STEP(app, app.waitForProperty(photo, "status", "Ready"));
        const QString shown = shownFile(app, photo);
        QVERIFY2(shown.startsWith(photoDirOf("kiosk")), qPrintable(shown));
        const QByteArray rendition = fileBytes(shown);
        QVERIFY(!rendition.isEmpty());
        QVERIFY2(rendition != fileBytes(inspectorPhoto(m_photoSha)),
                 "the kiosk shows the original photo");
        QVERIFY2(hasGround(shown, kPublishedGround), "the kiosk shows another photo");
        QCOMPARE(cardFile, shown);
        // Neither original reached the kiosk.
        for (const QString &sha : {m_photoSha, m_otherSha}) {
            QVERIFY(!QFileInfo(shown).fileName().startsWith(sha));
            QVERIFY(
                !QFileInfo::exists(photoDirOf("kiosk") + '/' + sha.left(2) + '/' + sha + ".jpg"));
        }
        const QSize size = QImageReader(shown).size();
        QVERIFY2(size.isValid() && qMax(size.width(), size.height()) <= 1600,
                 qPrintable(QStringLiteral("%1×%2").arg(size.width()).arg(size.height())));
        QCOMPARE(QImageReader(inspectorPhoto(m_photoSha)).size().width(), 2048);
        const QStringList metadata = jpegMetadata(rendition);
        QVERIFY2(metadata.isEmpty(), qPrintable(metadata.join(", ")));
        QVERIFY(app.showsText(QString::fromUtf8(kChecklist)));
        m_looks.take(app, "kiosk-record");
        collect();

        STEP(app, tap(app, "recordBack"));
        STEP(app, app.waitForGone(AppDriver::named("kioskRecordView")));

        // The map: the county's panel lists the copy too; then the achievements.
        STEP(app, tap(app, "navHome"));
        STEP(app, app.waitForShown(AppDriver::named("kioskHomePage")));
        STEP(app, tap(app, QStringLiteral("unit_%1").arg(kCounty)));
        STEP(app, app.waitForShown(AppDriver::named("unitDetail")));
        STEP(app, app.waitForShown(AppDriver::named("unitCard_" + m_recordId)));
        m_looks.take(app, "kiosk-county");
        collect();
        STEP(app, tap(app, "closeDetail"));
        STEP(app, tap(app, "navAchievements"));
        STEP(app, app.waitForShown(AppDriver::named("kioskAchievementsPage")));
        collect();

        // No person, no coordinates, anywhere the kiosk showed.
        static const QRegularExpression coordinates(
            QStringLiteral("\\d+\\.\\d{3,}|\\d+°|\\b(33|111)\\.\\d"));
        for (const QString &text : std::as_const(seen)) {
            for (const QString &name :
                 {QString::fromUtf8(kInspector), QString::fromUtf8(kInspectorName),
                  QString::fromUtf8(kSupervisor), QString::fromUtf8(kSupervisorName),
                  m_inspectorDevice})
                QVERIFY2(!text.contains(name, Qt::CaseInsensitive),
                         qPrintable(QStringLiteral("the kiosk shows \"%1\"").arg(text)));
            QVERIFY2(!coordinates.match(text).hasMatch(),
                     qPrintable(QStringLiteral("the kiosk shows \"%1\"").arg(text)));
        }
        QVERIFY2(seen.join(' ').contains(QString::fromUtf8(kVillage)),
                 qPrintable(seen.join(" | ")));

        QVERIFY2(app.stop(), qPrintable(app.error() + app.log()));
    }
};

QTEST_GUILESS_MAIN(TestJourney)
#include "tst_journey.moc"
