// Runs tests/qml/tst_*.qml against the real Qingshui.Ui pages and the real services
// (ServiceHost, as main() builds them) on a temporary local store, offline.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"

#include "positioning/positionprovider.h"

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
        m_host = new ServiceHost(this);
        // Offline, with the shipped 8-second good-fix log as the GPS.
        if (!m_host->start({QStringLiteral("inspector"), m_dir.filePath(QStringLiteral("store.db")),
                            QString(), QStringLiteral(QS_NMEA_DIR "/good_fix_short.nmea"), false,
                            QStringLiteral("zh_CN")}))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        m_host->positionProvider()->start();
        Services::setInstance(m_host->services());
        // A photo the form can import, as if picked from the tablet's gallery.
        QImage photo(2400, 1800, QImage::Format_RGB32);
        photo.fill(QColor(60, 140, 90));
        QPainter(&photo).fillRect(300, 300, 900, 600, QColor(200, 180, 60));
        m_photoPath = m_dir.filePath(QStringLiteral("pond.jpg"));
        photo.save(m_photoPath, "JPG");
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the static modules' qmldir files
        m_host->language()->setEngine(engine); // a language switch re-translates this engine's QML
        engine->rootContext()->setContextProperty(QStringLiteral("testPhotoUrl"),
                                                  QUrl::fromLocalFile(m_photoPath).toString());
    }

private:
    QTemporaryDir m_dir;
    ServiceHost *m_host = nullptr;
    QString m_photoPath;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_qml, Setup)
#include "tst_qml.moc"
