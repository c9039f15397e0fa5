// Runs tests/qml/returned/returned_test.qml: a record the supervisor returned, on the
// inspector's tablet through the real QML and the real services (ServiceHost in inspector
// mode, logged in as wangfang) against a real qingshui-server on loopback. The record goes
// out and the return comes back by the app's own sync; a supervisor's desk of its own
// decides (ReturnSyncSeed).
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "loggedinservices.h"
#include "positioning/positionprovider.h"
#include "returnsyncseed.h"
#include "serverprocess.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
        if (!m_server->addUser(QStringLiteral("wangfang"), QStringLiteral("inspector"),
                               QStringLiteral("420322"))
            || !m_server->start())
            qFatal("cannot start the server: %s", qPrintable(m_server->adminOutput()));
        const QString store = m_dir.filePath(QStringLiteral("wangfang/store.db"));
        // With the shipped 8-second good-fix log as the GPS, as tst_qml runs the form.
        m_host = startLoggedInServices(this, QStringLiteral("inspector"), store,
                                       m_server->address(), QStringLiteral("wangfang"),
                                       QStringLiteral(QS_NMEA_DIR "/good_fix_short.nmea"));
        m_host->positionProvider()->start();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
        m_host->language()->setEngine(engine); // a language switch re-translates this engine's QML
        engine->rootContext()->setContextProperty(
            QStringLiteral("returnSeed"),
            new ReturnSyncSeed(m_host, m_server.get(), m_dir.path(), engine));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    ServiceHost *m_host = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_returned, Setup)
#include "tst_qml_returned.moc"
