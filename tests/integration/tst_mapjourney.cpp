// Issue 17: offline maps through the real apps and server, as the people who use them walk it.
// A real qingshui-server with TLS; an inspector's tablet and a supervisor's desk, each a real
// `qingshui` process on a store of its own, set up from its invite and driven through the
// automation hook by taps, drags and typing. Every step checks what that user sees.
//
//   1 server      accounts and invites; the demo basemap (drawn by GDAL from the repository's
//                 data, scripts/make-demo-basemap.sh) registered for 淅川县 with
//                 `qingshui-server basemap add`, as an administrator does: never side-loaded
//   2 inspector   enrolled from the screen; its first sync brings the basemap: 设置 → 底图 shows
//                 it in use, and the tablet holds the server's bytes. A toilet check at 九重村
//                 with a GPS fix and no sanitary toilet (a problem raised at its point),
//                 submitted and synced. 地图: the basemap's tiles drawn, the
//                 record on the map; follow-me centres on the tablet's fix, where the record
//                 was taken; a tap there gives its card, 打开 opens it
//   3 supervisor  enrolled; its sync brings the same basemap. The review queue as a map shows
//                 the record; a box drawn around it selects it; 批量通过 approves it; synced
//   4 inspector   synced: the record's card on the map says 已通过
#include "appdriver.h"
#include "basemapserver.h"
#include "enrolmentserver.h"
#include "journeysteps.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QtTest>
#include <memory>

using namespace JourneySteps;

#define STEP(app, expr) QVERIFY2((expr), qPrintable((app).error()))

namespace {

constexpr auto kInspector = "xc-inspector";
constexpr auto kSupervisor = "xc-supervisor";
constexpr auto kVillage = "九重村民委员会"; // 淅川县 丹阳镇
constexpr auto kChecklist = "厕所革命";
constexpr auto kBasemapName = "淅川县演示底图";

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex();
}

} // namespace

class TestMapJourney : public QObject {
    Q_OBJECT

    EnrolmentServer m_server;
    QTemporaryDir m_dir;
    QString m_inspectorCode, m_supervisorCode;
    std::unique_ptr<AppDriver> m_inspector, m_supervisor;
    bool m_broken = false;
    JourneySteps::Looks m_looks {QStringLiteral("mapjourney")};

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString storeOf(const QString &device) const
    {
        QDir(m_dir.path()).mkpath(device);
        return path(device + QStringLiteral("/store.db"));
    }
    // The basemap files a device holds (its data folder, whatever it names them).
    QStringList basemapFilesOf(const QString &device) const
    {
        QStringList out;
        QDirIterator it(path(device), {QStringLiteral("*.mbtiles")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
        return out;
    }

    // 设置 → 底图 says the demo basemap is in use (it came by sync), then back.
    static bool basemapInUse(AppDriver &app, const QString &back)
    {
        return tap(app, "settingsButton")
            && app.waitForShown(AppDriver::named(QStringLiteral("settingsBasemaps")))
            && app.waitFor(
                [&] {
                    return app.text(QStringLiteral("basemapCurrent"))
                        == QStringLiteral("%1 · WGS-84").arg(QString::fromUtf8(kBasemapName));
                },
                QStringLiteral("设置 → 底图 showing the demo basemap in use"))
            && tap(app, back);
    }
    // Every tile the map wants for its view drawn (beyond the basemap's last zoom, its tiles
    // enlarged: a screenful may be one or two).
    static bool tilesDrawn(AppDriver &app, const QString &map)
    {
        return app.waitFor(
            [&] {
                const int wanted = app.property(AppDriver::named(map), "tilesWanted").toInt();
                const int ready = app.property(AppDriver::named(map), "tilesReady").toInt();
                return wanted > 0 && ready == wanted;
            },
            QStringLiteral("the map's tiles all drawn"));
    }
    // The open card's status line ("已通过 · 2026-12-07 10:31").
    static bool cardSays(AppDriver &app, const QString &status)
    {
        return app.waitFor([&] { return app.text("mapCardStatus").startsWith(status); },
                           QStringLiteral("the card saying %1").arg(status));
    }
    // The centre of an item in window coordinates, as find() describes it.
    static QPointF centreOf(AppDriver &app, const QString &name)
    {
        const QJsonArray found = app.find(AppDriver::named(name));
        if (found.isEmpty())
            return {};
        const QJsonObject item = found.first().toObject();
        return {item.value("x").toDouble() + item.value("width").toDouble() / 2,
                item.value("y").toDouble() + item.value("height").toDouble() / 2};
    }

private slots:
    void init()
    {
        if (m_broken)
            QSKIP("an earlier step of the walk failed");
    }
    void cleanup() { m_broken = m_broken || QTest::currentTestFailed(); }

    // 1: the server, its accounts and invites, and the county's basemap.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.error));
        m_inspectorCode = m_server.invite(kInspector).code;
        m_supervisorCode = m_server.invite(kSupervisor).code;
        for (const QString &code : {m_inspectorCode, m_supervisorCode})
            QVERIFY2(code.startsWith("QS1-"), qPrintable(m_server.error));
        QVERIFY2(BasemapServer::add(*m_server.process, m_server.dbPath(),
                                    QStringLiteral(QS_DEMO_BASEMAP), QStringLiteral("411326"),
                                    QString::fromUtf8(kBasemapName)),
                 qPrintable(m_server.process->adminOutput()));
    }

    // 2: the basemap arrives by sync; a record taken in the field shows on the map.
    void inspectorSeesTheRecordOnTheMap()
    {
        m_inspector = std::make_unique<AppDriver>();
        AppDriver &app = *m_inspector;
        STEP(app,
             app.start({"--db", storeOf("inspector"), "--lang", "zh_CN", "--nmea",
                        QStringLiteral(QS_NMEA_DIR "/xichuan_good_fix.nmea")}));
        STEP(app, enrolFromTheScreen(app, m_inspectorCode));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, sync(app));
        STEP(app, basemapInUse(app, "settingsBack"));
        // The server's bytes, as `basemap add` took them from the file GDAL drew.
        const QStringList files = basemapFilesOf("inspector");
        QCOMPARE(files.size(), 1);
        QCOMPARE(sha256Of(files.constFirst()), sha256Of(QStringLiteral(QS_DEMO_BASEMAP)));

        STEP(app, tap(app, "newRecordButton"));
        STEP(app, app.waitForShown(AppDriver::named("newRecordPage")));
        STEP(app, app.type(AppDriver::named("villageSearch"), QString::fromUtf8(kVillage).left(2)));
        STEP(app, tap(app, AppDriver::withText(QString::fromUtf8(kVillage), "villageQuickList")));
        const QJsonObject checklist = AppDriver::named("template_sanitation.toilet");
        STEP(app, app.waitForProperty(checklist, "enabled", true));
        STEP(app, tap(app, checklist));
        STEP(app, app.waitForShown(AppDriver::named("formPage")));
        STEP(app, app.waitForText(QString::fromUtf8(kChecklist)));
        // No sanitary toilet: the submit raises a problem at the record's point as well.
        for (const QString answer : {"yesno_A1_false", "yesno_A4_true", "yesno_A5_true"})
            STEP(app, tap(app, answer));
        STEP(app, app.reveal(AppDriver::named("number_A6_checked")));
        STEP(app, app.type(AppDriver::named("number_A6_checked"), "12"));
        STEP(app, app.key("Tab"));
        STEP(app, app.reveal(AppDriver::named("number_A6_sanitary")));
        STEP(app, app.type(AppDriver::named("number_A6_sanitary"), "11"));
        STEP(app, app.key("Tab"));
        STEP(app, tap(app, "gpsCapture_location"));
        STEP(app, app.waitForShown(AppDriver::named("gpsValue_location")));
        STEP(app, tap(app, "submitFormButton"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, sync(app));

        // 地图: the basemap's tiles, and the record where it was taken.
        STEP(app, tap(app, "mapButton"));
        STEP(app, app.waitForShown(AppDriver::named("mapPage")));
        STEP(app,
             app.waitForProperty(AppDriver::named("mapBasemapName"), "text",
                                 QStringLiteral("底图：%1").arg(QString::fromUtf8(kBasemapName))));
        STEP(app, tilesDrawn(app, "layersMap"));
        STEP(app, app.waitForProperty(AppDriver::named("layerRecords"), "text", "记录 1"));
        STEP(app, app.waitForProperty(AppDriver::named("layerProblems"), "text", "待整改问题 1"));
        QVERIFY(!app.isShown(AppDriver::named("basemapError")));
        // The village and the problem sit where the record was taken: hidden, so that a tap
        // finds the record.
        STEP(app, tap(app, "layerVillages"));
        STEP(app, tap(app, "layerProblems"));
        // Follow-me centres the map on the tablet's fix: where the record was taken.
        STEP(app, tap(app, "followMeButton"));
        STEP(app, tilesDrawn(app, "layersMap"));
        m_looks.take(app, "inspector-map");
        const QPointF centre = centreOf(app, "layersMap");
        STEP(app, app.clickAt(centre.x(), centre.y()));
        STEP(app, app.waitForShown(AppDriver::named("mapCard")));
        STEP(app,
             app.waitFor(
                 [&] { return app.text("mapCardTitle").contains(QString::fromUtf8(kChecklist)); },
                 "the record's card"));
        STEP(app, app.waitForTextContaining(QString::fromUtf8(kVillage)));
        m_looks.take(app, "inspector-card");
        STEP(app, tap(app, "mapCardOpen"));
        STEP(app, app.waitForShown(AppDriver::named("formPage")));
        STEP(app, app.waitForText(QString::fromUtf8(kChecklist)));
    }

    // 3: the supervisor finds it on the queue's map and approves it by a drawn box.
    void supervisorApprovesByABoxOnTheMap()
    {
        m_supervisor = std::make_unique<AppDriver>();
        AppDriver &app = *m_supervisor;
        STEP(app, app.start({"--db", storeOf("supervisor"), "--lang", "zh_CN"}));
        STEP(app, enrolFromTheScreen(app, m_supervisorCode));
        STEP(app, app.waitForShown(AppDriver::named("reviewQueuePage")));
        STEP(app, sync(app));
        STEP(app, basemapInUse(app, "settingsBack"));
        QCOMPARE(basemapFilesOf("supervisor").size(), 1);

        STEP(app, tap(app, "mapMode"));
        STEP(app, app.waitForShown(AppDriver::named("reviewMap")));
        STEP(app, tilesDrawn(app, "layersMap"));
        STEP(app, app.waitForProperty(AppDriver::named("layerRecords"), "text", "记录 1"));
        STEP(app, tap(app, "selectMode"));
        STEP(app, app.waitForShown(AppDriver::named("selectionBar")));
        // The map fits its records when first shown: the one record is at its centre.
        const QPointF centre = centreOf(app, "layersMap");
        STEP(app, app.pressAt(centre.x() - 80, centre.y() - 80));
        STEP(app, app.moveTo(centre.x(), centre.y()));
        STEP(app, app.moveTo(centre.x() + 80, centre.y() + 80));
        STEP(app, app.releaseAt(centre.x() + 80, centre.y() + 80));
        STEP(app, app.waitForProperty(AppDriver::named("bulkApprove"), "text", "批量通过 (1)"));
        m_looks.take(app, "supervisor-box");
        STEP(app, tap(app, "bulkApprove"));
        STEP(app, app.waitForGone(AppDriver::named("selectionBar")));
        STEP(app, sync(app));
        // Its card on the map says so (the village and the problem hidden, as on the tablet).
        STEP(app, tap(app, "layerVillages"));
        STEP(app, tap(app, "layerProblems"));
        // The map is taller without the selection bar; the record is still at its centre.
        const QPointF centreNow = centreOf(app, "layersMap");
        STEP(app, app.clickAt(centreNow.x(), centreNow.y()));
        STEP(app, app.waitForShown(AppDriver::named("mapCard")));
        STEP(app, cardSays(app, QStringLiteral("已通过 · ")));
        m_looks.take(app, "supervisor-approved");
    }

    // 4: the inspector's map says the record was approved.
    void inspectorSeesItApproved()
    {
        AppDriver &app = *m_inspector;
        STEP(app, tap(app, "formBackButton"));
        STEP(app, app.waitForShown(AppDriver::named("mapPage")));
        STEP(app, tap(app, "mapBack"));
        STEP(app, app.waitForShown(AppDriver::named("recordListPage")));
        STEP(app, sync(app));
        STEP(app, tap(app, "mapButton"));
        STEP(app, app.waitForShown(AppDriver::named("mapPage")));
        STEP(app, tilesDrawn(app, "layersMap"));
        STEP(app, tap(app, "layerVillages"));
        STEP(app, tap(app, "layerProblems"));
        STEP(app, tap(app, "followMeButton"));
        const QPointF centre = centreOf(app, "layersMap");
        STEP(app, app.clickAt(centre.x(), centre.y()));
        STEP(app, app.waitForShown(AppDriver::named("mapCard")));
        STEP(app, cardSays(app, QStringLiteral("已通过 · ")));
        m_looks.take(app, "inspector-approved");
    }
};

QTEST_GUILESS_MAIN(TestMapJourney)
#include "tst_mapjourney.moc"
