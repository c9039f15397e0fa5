// Runs tests/qml/dashboard/dashboardpage_test.qml: the supervisor's dashboard page through the real
// QML and the real services (ServiceHost in supervisor mode, logged in to a real qingshui-server
// on loopback). The records with known answers come as they come in the field: inspectors'
// tablets (each a store of its own) submit them and sync, and the supervisor's app pulls them
// with its own sync before the page is tested. A QApplication, as the app makes in supervisor
// mode: Qt Charts needs one.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "loggedinservices.h"
#include "models/recordlistmodel.h"
#include "serverprocess.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "syncengine.h"

#include <QApplication>
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

#include <memory>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A record submitted on the inspector's tablet today, as its form's 提交 stores and queues it.
bool submit(SyncDevice &tablet, const QString &templateId, const QString &village,
            const QJsonObject &answers)
{
    Record r;
    r.id = uuid();
    r.templateId = templateId;
    r.category = templateId.section(QLatin1Char('.'), 0, 0);
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}}).toJson();
    r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
    RecordRepository records = tablet.records();
    if (!records.submit(r, uuid())) {
        qWarning("not submitted: %s", qPrintable(records.lastError()));
        return false;
    }
    return true;
}

// One sync of the supervisor's app (its SyncEngine, as the sync button does), waited for; a
// sync it started by itself may finish first.
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

} // namespace

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
        const QString xichuan = QStringLiteral("411326105200");
        const QString yunxi = QStringLiteral("420322100200");
        if (!m_server->addUser(QStringLiteral("dashboard-supervisor"), QStringLiteral("supervisor"),
                               QStringLiteral("411326,420322"))
            || !m_server->addUser(QStringLiteral("liqiang"), QStringLiteral("inspector"),
                                  QStringLiteral("411326"))
            || !m_server->addUser(QStringLiteral("wangfang"), QStringLiteral("inspector"),
                                  QStringLiteral("420322"))
            || !m_server->start())
            qFatal("cannot start the server: %s", qPrintable(m_server->adminOutput()));

        // 淅川县 (liqiang's tablet): 5 households (3 with a sanitary toilet), 4
        // black-odorous water bodies (1 treated); 郧西县 (wangfang's): 2 households (both
        // with one) and a forest record. No ponds.
        SyncDevice liqiang, wangfang;
        QString error;
        if (!liqiang.open(m_dir.filePath(QStringLiteral("liqiang/store.db")), m_server->address(),
                          QStringLiteral("liqiang"), &error)
            || !wangfang.open(m_dir.filePath(QStringLiteral("wangfang/store.db")),
                              m_server->address(), QStringLiteral("wangfang"), &error))
            qFatal("cannot log the tablets in: %s", qPrintable(error));
        bool ok = true;
        for (bool has : {true, true, true, false, false})
            ok = ok && submit(liqiang, QStringLiteral("sanitation.toilet"), xichuan, {{"A1", has}});
        for (const char *status : {"treated", "untreated", "untreated", "untreated"})
            ok = ok
                && submit(liqiang, QStringLiteral("sanitation.sewage"), xichuan,
                          {{"B3", true}, {"B5", QLatin1String(status)}});
        for (bool has : {true, true})
            ok = ok && submit(wangfang, QStringLiteral("sanitation.toilet"), yunxi, {{"A1", has}});
        ok = ok && submit(wangfang, QStringLiteral("ecology.forest"), yunxi, {});
        if (!ok || liqiang.sync().pushed != 9 || wangfang.sync().pushed != 3)
            qFatal("the tablets did not send their 12 records");

        const QString store = m_dir.filePath(QStringLiteral("supervisor/store.db"));
        m_host = startLoggedInServices(this, QStringLiteral("supervisor"), store,
                                       m_server->address(), QStringLiteral("dashboard-supervisor"));
        if (!syncApp(m_host->services()->sync))
            qFatal("the supervisor's app did not pull the records: %s",
                   qPrintable(m_host->services()->sync->lastError()));
        m_host->services()->records->reload();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        m_exports.setAutoRemove(true);
        engine->rootContext()->setContextProperty(QStringLiteral("exportFolderUrl"),
                                                  QUrl::fromLocalFile(m_exports.path()));
        // Where scripts/screenshots.sh wants the page's picture; empty in ctest.
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotDir"),
                                                  qEnvironmentVariable("QS_SCREENSHOT_DIR"));
        engine->rootContext()->setContextProperty(
            QStringLiteral("unwritableFolderUrl"),
            QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("supervisor/store.db/inside"))));
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_exports;
    std::unique_ptr<ServerProcess> m_server;
    ServiceHost *m_host = nullptr;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "qingshui_dashboard", nullptr, &setup);
}

#include "tst_qml_dashboard.moc"
