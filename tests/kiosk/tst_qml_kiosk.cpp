// Runs tests/kiosk/tst_*.qml: the kiosk's real pages with the real services (ServiceHost in
// kiosk mode, as main() builds them) on a temporary store that holds only what a kiosk pulls.
// A folder of its own: tst_qml's store is an inspector's, full of unpublished records.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "feedseed.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

class KioskSetup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_host = new ServiceHost(this);
        // Offline for good: no server address.
        if (!m_host->start({QStringLiteral("kiosk"), m_dir.filePath(QStringLiteral("store.db")),
                            QString(), QString(), false, QStringLiteral("zh_CN")}))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(
            QStringLiteral("feedSeed"),
            new FeedSeed(m_dir.filePath(QStringLiteral("store.db")), this));
    }

private:
    QTemporaryDir m_dir;
    ServiceHost *m_host = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_kiosk, KioskSetup)
#include "tst_qml_kiosk.moc"
