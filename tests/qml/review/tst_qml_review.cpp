// Runs the supervisor's review pages (tests/qml/review/*_test.qml, one per ctest entry)
// against a real qingshui-server on loopback: the services run in supervisor mode on their
// own store, logged in as "supervisor", syncing through their own SyncEngine and fetching
// photos through their own PhotoFetcher; inspectors' tablets (ReviewSyncSeed) bring the
// records and photos. A QApplication, as the app makes in supervisor mode.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "loggedinservices.h"
#include "reviewsyncseed.h"
#include "serverprocess.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
        if (!m_server->start()
            || !m_server->addUser(QStringLiteral("supervisor"), QStringLiteral("supervisor"),
                                  QStringLiteral("411326")))
            qFatal("qingshui-server did not start: %s", qPrintable(m_server->adminOutput()));
        const QString store = m_dir.filePath(QStringLiteral("supervisor/store.db"));
        m_host = startLoggedInServices(this, QStringLiteral("supervisor"), store,
                                       m_server->address(), QStringLiteral("supervisor"));
        // The picture the tablets' cameras take (each stamps its own caption into it).
        QImage photo(2400, 1800, QImage::Format_RGB32);
        photo.fill(QColor(60, 140, 90));
        QPainter(&photo).fillRect(300, 300, 900, 600, QColor(200, 180, 60));
        m_photoPath = m_dir.filePath(QStringLiteral("pond.jpg"));
        photo.save(m_photoPath, "JPG");
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(
            QStringLiteral("reviewSeed"),
            new ReviewSyncSeed(m_host, m_server.get(), m_dir.path(), m_photoPath, engine));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    ServiceHost *m_host = nullptr;
    QString m_photoPath;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "qingshui_review", nullptr, &setup);
}

#include "tst_qml_review.moc"
