// qingshui: the composition root. Builds the services once, publishes them to QML and opens
// the window of the chosen mode.
#include "appoptions.h"
#include "automation/automationserver.h"
#include "controllers/languagecontroller.h"
#include "controllers/logincontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "kiosk/kioskconfig.h"
#include "kiosk/kioskcontroller.h"
#include "kiosk/kioskpinsetup.h"
#include "kiosk/systemdnotifier.h"
#include "positioning/positionprovider.h"
#include "syncengine.h"
#include "windowrunner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

// Names that decide where QStandardPaths puts the app's files (stores, kiosk.ini).
void nameTheApp()
{
    QCoreApplication::setApplicationName(QStringLiteral("qingshui"));
    QCoreApplication::setOrganizationName(QStringLiteral("Qingshui"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QINGSHUI_VERSION));
}

// `--set-kiosk-pin` runs on a kiosk box over ssh: no screen, so no QGuiApplication.
int setKioskPin(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    nameTheApp();
    AppOptions options;
    int exitCode = 0;
    if (!AppOptions::parse(app, &options, &exitCode))
        return exitCode;
    return KioskPinSetup::runOnStdin(options.kioskConfigPath.isEmpty() ? KioskConfig::defaultPath()
                                                                       : options.kioskConfigPath);
}

} // namespace

int main(int argc, char *argv[])
{
    if (AppOptions::hasFlag(argc, argv, "--set-kiosk-pin"))
        return setKioskPin(argc, argv);
    QElapsedTimer sinceStart;
    sinceStart.start();
    WindowRunner::watchWarnings();
    // The supervisor's dashboard charts with Qt Charts, which draws through QGraphicsScene and
    // so needs a QApplication; the inspector's tablet and the kiosk keep QGuiApplication.
    const std::unique_ptr<QGuiApplication> application
        = AppOptions::modeIn(argc, argv) == QLatin1String("supervisor")
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QGuiApplication>(argc, argv);
    QGuiApplication &app = *application;
    QGuiApplication::setApplicationName(QStringLiteral("qingshui"));
    QGuiApplication::setOrganizationName(QStringLiteral("Qingshui"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("清水巡查"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QINGSHUI_VERSION));

    AppOptions options;
    int exitCode = 0;
    if (!AppOptions::parse(app, &options, &exitCode))
        return exitCode;
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // --self-test and --screenshot never touch a real store.
    QTemporaryDir scratch;
    if (options.dbPath.isEmpty())
        options.dbPath = scratch.filePath(QStringLiteral("store.db"));

    // Demo records belong on an inspector's tablet and a kiosk (published copies); one-shot
    // runs show them too.
    const bool seedDemo = options.mode != QLatin1String("supervisor")
        && (options.demo || options.isOneShot());
    ServiceHost host;
    if (!host.start({options.mode, options.dbPath, options.serverAddress, options.nmeaPath,
                     seedDemo, options.language, options.kioskConfigPath})) {
        std::fprintf(stderr, "qingshui: %s\n", qPrintable(host.error()));
        return 1;
    }
    host.services()->version = QStringLiteral(QINGSHUI_VERSION);
    Services::setInstance(host.services());

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    host.language()->setEngine(&engine);
    WindowRunner runner(engine);
    SystemdNotifier notifier;
    std::unique_ptr<AutomationServer> automation; // only with --automation
    if (!runner.load(options.mode, options.size)) {
        std::fprintf(stderr, "qingshui: cannot load the %s screen\n", qPrintable(options.mode));
        return 1;
    }
    if (options.selfTest) {
        runner.runSelfTest();
    } else if (!options.screenshotPath.isEmpty()) {
        runner.runScreenshot(options.screenshotPath);
    } else if (options.startupProbe) {
        runner.runStartupProbe(sinceStart.elapsed());
    } else {
        host.positionProvider()->start();
        if (options.mode == QLatin1String("kiosk")) {
            // An admin's way out (PIN checked): 10 tells systemd not to restart it.
            QObject::connect(host.services()->kiosk, &KioskController::leaveRequested, &app,
                             [] { QCoreApplication::exit(KioskController::kAdminExitCode); });
            runner.window()->showFullScreen(); // frameless in QML; eglfs is full screen anyway
        } else {
            runner.window()->show();
        }
        // Under systemd (Type=notify): ready once the first frame is on screen, then
        // watchdog pings from this, the GUI thread.
        if (notifier.enabled())
            QObject::connect(runner.window(), &QQuickWindow::frameSwapped, &notifier,
                             [&notifier] { notifier.ready(); }, Qt::SingleShotConnection);
        if (!options.automationSocket.isEmpty()) {
            automation = std::make_unique<AutomationServer>();
            if (!automation->listen(options.automationSocket)) {
                std::fprintf(stderr, "qingshui: %s\n", qPrintable(automation->error()));
                return 1;
            }
        }
        LoginController *login = host.services()->login;
        if (!options.loginUser.isEmpty() && !login->loggedIn())
            login->logIn(options.loginUser, qEnvironmentVariable("QINGSHUI_PASSWORD"));
        else
            host.services()->sync->requestSync(); // offline, it still says so and counts what waits
    }
    return app.exec();
}
