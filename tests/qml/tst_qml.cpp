// Runs tests/qml/tst_*.qml against the real Qingshui.Ui pages and the real services
// (ServiceHost, as main() builds them) on a temporary local store, offline.
#include "controllers/servicehost.h"
#include "controllers/services.h"

#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_host = new ServiceHost(this);
        if (!m_host->start({QStringLiteral("inspector"), m_dir.filePath(QStringLiteral("store.db")),
                            QString(), QString(), false}))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
    }

private:
    QTemporaryDir m_dir;
    ServiceHost *m_host = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_qml, Setup)
#include "tst_qml.moc"
