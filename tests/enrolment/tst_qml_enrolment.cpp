// Runs tests/enrolment/tst_*.qml: the 连接服务器 and 设置 pages in the real inspector window,
// with the real services (ServiceHost, as main() builds them) on a store that names no
// server, against a real qingshui-server with TLS (certificate made by openssl here) and
// invites made by the real `qingshui-server invite`. The camera is a TestFrameSource.
#include "controllers/languagecontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "enrolmenttesthelper.h"

#include <QQmlContext>
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
        if (!m_server.start())
            qFatal("cannot start qingshui-server: %s", qPrintable(m_server.error));
        QString error;
        if (!m_other.make(m_dir.path(), QStringLiteral("other"),
                          QStringLiteral("DNS:localhost,IP:127.0.0.1"), &error))
            qFatal("cannot make a certificate: %s", qPrintable(error));
        const QString store = m_dir.filePath(QStringLiteral("tablet.db"));
        m_frames = new TestFrameSource(this);
        m_host = new ServiceHost(this);
        ServiceHost::Options options;
        options.mode = QStringLiteral("inspector");
        options.dbPath = store;
        options.language = QStringLiteral("zh_CN");
        options.qrFrames = m_frames;
        if (!m_host->start(options))
            qFatal("cannot start services: %s", qPrintable(m_host->error()));
        Services::setInstance(m_host->services());
        m_helper = new EnrolmentTestHelper(&m_server, store, m_frames, this);
        m_helper->setOtherCertificate(m_other.certPath);
        m_helper->makeExpiringInvite();
        connect(m_host, &ServiceHost::accountModeChanged, m_helper,
                &EnrolmentTestHelper::noteAccountMode);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_host->language()->setEngine(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("enrolTest"), m_helper);
    }

private:
    QTemporaryDir m_dir;
    EnrolmentServer m_server;
    TestCertificate m_other;
    TestFrameSource *m_frames = nullptr;
    ServiceHost *m_host = nullptr;
    EnrolmentTestHelper *m_helper = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(qingshui_enrolment_qml, Setup)
#include "tst_qml_enrolment.moc"
