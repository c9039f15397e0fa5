// Runs tests/qml/dashboard/dashboardpage_test.qml: the supervisor's dashboard page through the real
// QML and the real services (ServiceHost in supervisor mode) on a temporary store holding records
// with known answers. A QApplication, as the app makes in supervisor mode: Qt Charts needs one.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "models/recordlistmodel.h"
#include "storage/database.h"
#include "storage/recordrepository.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

bool submit(RecordRepository &records, const QString &templateId, const QString &village,
            const QJsonObject &answers)
{
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = templateId;
    r.category = templateId.section(QLatin1Char('.'), 0, 0);
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}}).toJson();
    r.authorDeviceId = QStringLiteral("inspector-tablet");
    return records.submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_host = new ServiceHost(this);
        if (!m_host->start({QStringLiteral("supervisor"),
                            m_dir.filePath(QStringLiteral("store.db")), QString(), QString(), false,
                            QStringLiteral("zh_CN")}))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
        // 淅川县: 5 households (3 with a sanitary toilet), 4 black-odorous water bodies (1
        // treated); 郧西县: 2 households (both with one). No ponds.
        RecordRepository records(m_host->database()->connection());
        const QString xichuan = QStringLiteral("411326105200");
        const QString yunxi = QStringLiteral("420322100200");
        bool ok = true;
        for (bool has : {true, true, true, false, false})
            ok = ok && submit(records, QStringLiteral("sanitation.toilet"), xichuan, {{"A1", has}});
        for (bool has : {true, true})
            ok = ok && submit(records, QStringLiteral("sanitation.toilet"), yunxi, {{"A1", has}});
        for (const char *status : {"treated", "untreated", "untreated", "untreated"})
            ok = ok
                && submit(records, QStringLiteral("sanitation.sewage"), xichuan,
                          {{"B3", true}, {"B5", QLatin1String(status)}});
        ok = ok && submit(records, QStringLiteral("ecology.forest"), yunxi, {});
        if (!ok)
            qFatal("cannot store the test records: %s", qPrintable(records.lastError()));
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
            QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("store.db/inside"))));
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_exports;
    ServiceHost *m_host = nullptr;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "qingshui_dashboard", nullptr, &setup);
}

#include "tst_qml_dashboard.moc"
