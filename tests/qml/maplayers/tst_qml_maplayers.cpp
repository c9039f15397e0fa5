// Runs the map pages' tests through the real QML and the real services (ServiceHost as main()
// builds it, logged in to a real qingshui-server on loopback), over a small MBTiles basemap
// (testmbtiles.h) read as the app reads one (readBasemapInfo).
// - inspector_map_test.qml: the inspector's tablet. Its records are the ones its form stored
//   and queued, its problem the one its ledger raised, its position the replayed GPS log.
// - supervisor_map_test.qml: the supervisor's desk. The records come from an inspector's
//   tablet (a store of its own) by sync, and the app pulls them with its own sync.
// The face is the one the test file is named for.
#include "controllers/basemapreader.h"
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "loggedinservices.h"
#include "models/recordlistmodel.h"
#include "positioning/positionprovider.h"
#include "serverprocess.h"
#include "storage/problemrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncengine.h"
#include "testmbtiles.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtQuickTest>

#include <cmath>
#include <memory>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

const QString kJiuchong = QStringLiteral("411326105200"); // 淅川县 丹阳镇 九重村
const QString kTangwangqiao = QStringLiteral("411326105201"); // 丹阳镇 唐王桥村

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject fix(double lat, double lon)
{
    return QJsonObject {{"lat", lat}, {"lon", lon}, {"accuracy_m", 3.5}, {"fixes_averaged", 5}};
}

// A record as the form's 提交 (or 保存草稿) stores and queues it, on this store.
bool store(Database &db, const QString &templateId, const QString &village,
           const QJsonObject &answers, bool draft = false)
{
    Record r;
    r.id = uuid();
    r.templateId = templateId;
    r.category = templateId.section(QLatin1Char('.'), 0, 0);
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}}).toJson();
    r.authorDeviceId = SyncMetaRepository(db.connection()).deviceId();
    RecordRepository records(db.connection());
    if (!(draft ? records.saveDraft(r) : records.submit(r, uuid()))) {
        qWarning("not stored: %s", qPrintable(records.lastError()));
        return false;
    }
    return true;
}

// What the tablet's inspector found, in 丹阳镇 around 33.14° N, 111.49° E (where the replayed GPS
// log is): three households, a pond with its number, a draft and a sewage record in the next
// village.
bool storeFieldWork(Database &db)
{
    return store(db, QStringLiteral("sanitation.toilet"), kJiuchong,
                 {{"A1", true}, {"location", fix(33.131, 111.481)}})
        && store(db, QStringLiteral("sanitation.toilet"), kJiuchong,
                 {{"A1", false}, {"location", fix(33.134, 111.487)}})
        && store(db, QStringLiteral("sanitation.toilet"), kJiuchong,
                 {{"A1", true}, {"location", fix(33.132, 111.483)}}, true)
        && store(db, QStringLiteral("sanitation.pond"), kJiuchong,
                 {{"C1_numbered", true}, {"C1", "DY-03"}, {"C3", fix(33.140, 111.500)}})
        && store(db, QStringLiteral("sanitation.sewage"), kTangwangqiao,
                 {{"B3", true}, {"location", fix(33.160, 111.530)}});
}

// One sync of the app (as the sync button does), waited for.
bool syncApp(SyncEngine *engine)
{
    QSignalSpy finished(engine, &SyncEngine::finished);
    engine->syncNow();
    while (finished.isEmpty() || engine->state() == SyncEngine::Syncing) {
        if (!finished.wait(60000))
            return false;
    }
    return finished.last().at(0).toBool();
}

// The XYZ tile (x, y) at zoom z holding a WGS-84 point.
QPoint tileOf(double lon, double lat, int z)
{
    const double n = std::pow(2.0, z);
    const double latRad = lat * M_PI / 180.0;
    return QPoint(int((lon + 180.0) / 360.0 * n),
                  int((1.0 - std::asinh(std::tan(latRad)) / M_PI) / 2.0 * n));
}

} // namespace

// What the QML test reads back of the files the app wrote.
class TestFiles : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    Q_INVOKABLE QStringList list(const QUrl &folder) const
    {
        return QDir(folder.toLocalFile()).entryList(QDir::Files, QDir::Name);
    }
    Q_INVOKABLE QString read(const QUrl &folder, const QString &name) const
    {
        QFile f(QDir(folder.toLocalFile()).filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        bool supervisor = false;
        for (const QString &arg : QCoreApplication::arguments())
            supervisor = supervisor || arg.contains(QLatin1String("supervisor_map"));

        // The basemap: 丹阳镇's corner of the demo area, zooms 8 to 12.
        TestMbtiles tiles;
        tiles.metadata = {{"name", "丹阳镇测试底图"},
                          {"format", "png"},
                          {"bounds", "111.3,32.9,111.7,33.2"},
                          {"center", "111.5,33.03,11"},
                          {"minzoom", "8"},
                          {"maxzoom", "12"},
                          {"datum", "WGS-84"},
                          {"attribution", "测试瓦片"}};
        QList<TestMbtiles::Range> ranges;
        for (int z = 8; z <= 12; ++z) {
            const QPoint nw = tileOf(111.3, 33.2, z), se = tileOf(111.7, 32.9, z);
            ranges.append({z, nw.x(), se.x(), nw.y(), se.y()});
        }
        const QString basemapPath = m_dir.filePath(QStringLiteral("danyang.mbtiles"));
        QString error;
        if (!tiles.write(basemapPath, ranges, &error))
            qFatal("cannot write the test basemap: %s", qPrintable(error));
        m_basemap = readBasemapInfo(basemapPath);
        if (!m_basemap.valid)
            qFatal("the test basemap does not read: %s", qPrintable(m_basemap.error));

        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
        if (!m_server->addUser(QStringLiteral("map-supervisor"), QStringLiteral("supervisor"),
                               QStringLiteral("411326"))
            || !m_server->addUser(QStringLiteral("liqiang"), QStringLiteral("inspector"),
                                  QStringLiteral("411326105"))
            || !m_server->start())
            qFatal("cannot start the server: %s", qPrintable(m_server->adminOutput()));

        if (!supervisor) {
            m_host = startLoggedInServices(this, QStringLiteral("inspector"),
                                           m_dir.filePath(QStringLiteral("tablet/store.db")),
                                           m_server->address(), QStringLiteral("liqiang"),
                                           QStringLiteral(QS_NMEA_DIR "/good_fix_short.nmea"));
            m_host->positionProvider()->start();
            Database &db = *m_host->database();
            if (!storeFieldWork(db))
                qFatal("the tablet did not store its records");
            // A problem its ledger raised (待整改), where it was found.
            ProblemEvent raise;
            raise.id = uuid();
            raise.problemId = uuid();
            raise.action = ProblemAction::Raise;
            raise.createdAtMs = QDateTime::currentMSecsSinceEpoch();
            raise.villageCode = kJiuchong;
            raise.category = QStringLiteral("sanitation.toilet");
            raise.severity = 2;
            raise.comment = QStringLiteral("厕所粪污外溢");
            raise.point.latitude = 33.145;
            raise.point.longitude = 111.470;
            if (!ProblemRepository(db.connection()).record(raise))
                qFatal("the tablet did not raise its problem");
            m_host->services()->records->reload();
        } else {
            SyncDevice tablet;
            if (!tablet.open(m_dir.filePath(QStringLiteral("liqiang/store.db")),
                             m_server->address(), QStringLiteral("liqiang"), &error))
                qFatal("cannot log the tablet in: %s", qPrintable(error));
            if (!storeFieldWork(tablet.db) || tablet.sync().pushed != 4)
                qFatal("the tablet did not send its 4 records");
            m_host = startLoggedInServices(this, QStringLiteral("supervisor"),
                                           m_dir.filePath(QStringLiteral("supervisor/store.db")),
                                           m_server->address(), QStringLiteral("map-supervisor"));
            if (!syncApp(m_host->services()->sync))
                qFatal("the supervisor's app did not pull the records: %s",
                       qPrintable(m_host->services()->sync->lastError()));
            m_host->services()->records->reload();
        }
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("testBasemap"), QVariant::fromValue(m_basemap));
        context->setContextProperty(QStringLiteral("exportFolderUrl"),
                                    QUrl::fromLocalFile(m_exports.path()));
        context->setContextProperty(QStringLiteral("testFiles"), &m_files);
        // Where scripts/screenshots.sh wants the page's picture; empty in ctest.
        context->setContextProperty(QStringLiteral("screenshotDir"),
                                    qEnvironmentVariable("QS_SCREENSHOT_DIR"));
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_exports;
    std::unique_ptr<ServerProcess> m_server;
    ServiceHost *m_host = nullptr;
    BasemapInfo m_basemap;
    TestFiles m_files;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_maplayers, Setup)
#include "tst_qml_maplayers.moc"
