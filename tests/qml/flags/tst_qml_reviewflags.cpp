// Runs tests/qml/flags/reviewflags_test.qml: the supervisor's queue and record view through the
// real QML and the real services (ServiceHost in supervisor mode) on a store logged in to a
// real qingshui-server process, which the inspectors' own tablet stores fill (FlagSeed).
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "flagseed.h"
#include "loggedinservices.h"
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
        bool ok = m_server->addUser(QStringLiteral("flags-supervisor"),
                                    QStringLiteral("supervisor"), QStringLiteral("411326"));
        for (const char *inspector : {"insp-photos", "insp-bulk", "insp-publish", "insp-conflict-a",
                                      "insp-conflict-b", "insp-flags"}) {
            ok = ok
                && m_server->addUser(QLatin1String(inspector), QStringLiteral("inspector"),
                                     QStringLiteral("411326"));
        }
        if (!ok || !m_server->start())
            qFatal("cannot start the server: %s", qPrintable(m_server->adminOutput()));
        const QString store = m_dir.filePath(QStringLiteral("supervisor/store.db"));
        m_host = startLoggedInServices(this, QStringLiteral("supervisor"), store,
                                       m_server->address(), QStringLiteral("flags-supervisor"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(
            QStringLiteral("flagSeed"),
            new FlagSeed(m_server->address(), m_dir.filePath(QStringLiteral("tablets")), engine));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    ServiceHost *m_host = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_reviewflags, Setup)
#include "tst_qml_reviewflags.moc"
