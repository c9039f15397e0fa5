// Runs tests/basemaps/qml/tst_*.qml: the settings page's 底图 in the real inspector window,
// with the real services (ServiceHost, as main() builds them, given the server as --server)
// on a store logged in to a real qingshui-server that offers the county's basemap package
// (registered with the real `qingshui-server basemap add`).
#include "basemapserver.h"
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "testlogin.h"

#include <QDir>
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

// What the QML test asks of this side: files to import, where screenshots go.
class BasemapTestHelper : public QObject {
    Q_OBJECT
public:
    explicit BasemapTestHelper(QString dir, QObject *parent = nullptr)
        : QObject(parent), m_dir(std::move(dir))
    {
    }
    // A file that is no basemap (text), as a URL the file dialog would give.
    Q_INVOKABLE QUrl junkFile() const
    {
        const QString path = m_dir + QStringLiteral("/notes.mbtiles");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray(4096, 'x'));
        return QUrl::fromLocalFile(path);
    }
    Q_INVOKABLE QString screenshotPath(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        return dir.isEmpty() ? QString() : QDir(dir).filePath(name);
    }

private:
    QString m_dir;
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        const QString serverDb = m_dir.filePath(QStringLiteral("server.db"));
        m_server = new ServerProcess(serverDb);
        if (!m_server->addUser(QStringLiteral("town-ins"), QStringLiteral("inspector"),
                               QStringLiteral("411326100"))
            || !m_server->start())
            qFatal("cannot start qingshui-server");
        const QString file = m_dir.filePath(QStringLiteral("xichuan.mbtiles"));
        if (!BasemapServer::writeFile(file)
            || !BasemapServer::add(*m_server, serverDb, file, QStringLiteral("411326"),
                                   QStringLiteral("淅川县底图")))
            qFatal("basemap add: %s", qPrintable(m_server->adminOutput()));
        const QString store = m_dir.filePath(QStringLiteral("tablet.db"));
        QString error;
        if (!logInStore(store, m_server->address(), QStringLiteral("town-ins"), &error))
            qFatal("cannot log in: %s", qPrintable(error));
        m_host = new ServiceHost(this);
        ServiceHost::Options options;
        options.mode = QStringLiteral("inspector");
        options.dbPath = store;
        options.serverAddress = m_server->address();
        options.language = QStringLiteral("zh_CN");
        if (!m_host->start(options))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
        m_helper = new BasemapTestHelper(m_dir.path(), this);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("basemapTest"), m_helper);
    }

    void cleanupTestCase()
    {
        delete m_host; // its fetcher's thread ends before the server goes
        m_host = nullptr;
        delete m_server;
        m_server = nullptr;
    }

private:
    QTemporaryDir m_dir;
    ServerProcess *m_server = nullptr;
    ServiceHost *m_host = nullptr;
    BasemapTestHelper *m_helper = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_basemaps_qml, Setup)
#include "tst_qml_basemaps.moc"
