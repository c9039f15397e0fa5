// Runs tests/kiosk/tst_*.qml: the kiosk's real pages with the real services (ServiceHost in
// kiosk mode, as main() builds them) on a temporary store that holds only what a kiosk pulls.
// A folder of its own: tst_qml's store is an inspector's, full of unpublished records.
#include "controllers/kioskconfig.h"
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "feedseed.h"
#include "publicrecordseed.h"
#include "screentexts.h"
#include "storage/database.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

// figuresSeed.seed(townshipPrefix, category, n): n public records in the first village of
// that township (or county) prefix, as a pull would store them (tst_figures_*.qml).
class FiguresSeed : public QObject {
    Q_OBJECT
public:
    explicit FiguresSeed(ServiceHost *host) : QObject(host), m_host(host) { }
    Q_INVOKABLE bool seed(const QString &prefix, const QString &category, int n)
    {
        QSqlDatabase db = m_host->database()->connection();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT min(code) FROM village WHERE code LIKE ?"));
        q.addBindValue(prefix + QLatin1Char('%'));
        QString error;
        if (!q.exec() || !q.next() || q.value(0).isNull()
            || !seedPublicRecords(db, q.value(0).toString(), category, n, &error)) {
            qWarning("figuresSeed: %s", qPrintable(error));
            return false;
        }
        return true;
    }

private:
    ServiceHost *m_host;
};

class KioskSetup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_host = new ServiceHost(this);
        // The admin PIN the shell's tests enter (tst_shell_admin.qml), in a config of its own.
        const QString config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QString error;
        if (!KioskConfig::storePin(config, QStringLiteral("2468"), &error))
            qFatal("cannot write the kiosk config: %s", qPrintable(error));
        // Offline for good: no server address.
        if (!m_host->start({QStringLiteral("kiosk"), m_dir.filePath(QStringLiteral("store.db")),
                            QString(), QString(), false, QStringLiteral("zh_CN"), config}))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("figuresSeed"),
                                                  new FiguresSeed(m_host));
        engine->rootContext()->setContextProperty(
            QStringLiteral("feedSeed"),
            new FeedSeed(m_dir.filePath(QStringLiteral("store.db")), this));
        engine->rootContext()->setContextProperty(
            QStringLiteral("screenTexts"),
            new ScreenTexts(m_dir.filePath(QStringLiteral("store.db")), this));
    }

private:
    QTemporaryDir m_dir;
    ServiceHost *m_host = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_kiosk, KioskSetup)
#include "tst_qml_kiosk.moc"
