// qingshui: the composition root. Builds the services once, publishes them to QML and opens
// the window of the chosen mode (again, for another mode, when the account asks for it).
#include "appoptions.h"
#include "automation/automationserver.h"
#include "controllers/enrolfrominput.h"
#include "controllers/kioskconfig.h"
#include "controllers/kioskcontroller.h"
#include "controllers/kioskpinsetup.h"
#include "controllers/languagecontroller.h"
#include "controllers/logincontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "controllers/synconce.h"
#include "controllers/systemdnotifier.h"
#include "positioning/positionprovider.h"
#include "storage/storedrole.h"
#include "syncengine.h"
#include "windowrunner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

// Names that decide where QStandardPaths puts the app's files (stores, kiosk.ini). Static:
// callable before the application exists.
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

// `--sync-once` and `--enrol`: no screen (a kiosk box over ssh, a timer, a test), so no
// QGuiApplication and no QML; the user's language all the same.
int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    nameTheApp();
    AppOptions options;
    int exitCode = 0;
    if (!AppOptions::parse(app, &options, &exitCode))
        return exitCode;
    options.resolveMode();
    LanguageController language;
    language.setLanguage(options.language.isEmpty() ? LanguageController::savedLanguage()
                                                    : options.language);
    if (options.enrol)
        return EnrolFromInput::runOnStdin(options.dbPath);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return SyncOnce::run(options.dbPath, options.serverAddress,
                         options.mode == QLatin1String("kiosk"), out, err);
}

// The supervisor's dashboard charts with Qt Charts, which draws through QGraphicsScene and so
// needs a QApplication; the inspector's tablet and the kiosk keep the lighter
// QGuiApplication. Without --mode the store's account decides the face, and a store that is
// not logged in may turn out to be a supervisor's: QApplication then.
bool needsWidgets(int argc, char *argv[])
{
    const QString fixed = AppOptions::modeIn(argc, argv);
    if (!fixed.isEmpty())
        return fixed == QLatin1String("supervisor");
    QString store = AppOptions::valueIn(argc, argv, "--db");
    if (store.isEmpty())
        store = AppOptions::defaultStorePath({});
    const std::optional<AccountRole> role = storedAccountRole(store);
    return !role || (*role != AccountRole::Inspector && *role != AccountRole::Kiosk);
}

// One face of the app on the store: its services, its window, until the app quits or the
// account asks for another face (then *nextMode says which).
int runFace(QGuiApplication &app, const AppOptions &options, const QElapsedTimer &sinceStart,
            SystemdNotifier &notifier, QString *nextMode)
{
    // Demo records belong on an inspector's tablet and a kiosk (published copies); one-shot
    // runs show them too.
    const bool seedDemo
        = options.mode != QLatin1String("supervisor") && (options.demo || options.isOneShot());
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
    if (!runner.load(options.mode, options.size)) {
        std::fprintf(stderr, "qingshui: cannot load the %s screen\n", qPrintable(options.mode));
        return 1;
    }
    if (options.selfTest) {
        runner.runSelfTest();
        return app.exec();
    }
    if (!options.screenshotPath.isEmpty()) {
        runner.runScreenshot(options.screenshotPath);
        return app.exec();
    }
    if (options.startupProbe) {
        runner.runStartupProbe(sinceStart.elapsed());
        return app.exec();
    }
    if (PositionProvider *gps = host.positionProvider())
        gps->start(); // the inspector's face only
    if (options.mode == QLatin1String("kiosk")) {
        // An admin's way out (PIN checked): 10 tells systemd not to restart it.
        QObject::connect(host.services()->kiosk, &KioskController::leaveRequested, &app,
                         [] { QCoreApplication::exit(KioskController::kAdminExitCode); });
        runner.window()->showFullScreen(); // frameless in QML; eglfs is full screen anyway
    } else {
        runner.window()->show();
    }
    // Under systemd (Type=notify): ready once the first frame is on screen, then watchdog
    // pings from this, the GUI thread.
    if (notifier.enabled())
        QObject::connect(
            runner.window(), &QQuickWindow::frameSwapped, &notifier,
            [&notifier] { notifier.ready(); }, Qt::SingleShotConnection);
    // Enrolled or logged in with an account of another face: that face's window, same store.
    if (!options.modeFixed) {
        QObject::connect(&host, &ServiceHost::accountModeChanged, &app,
                         [&options, nextMode](const QString &mode) {
                             if (mode == options.mode)
                                 return;
                             *nextMode = mode;
                             QCoreApplication::exit(0);
                         });
    }
    LoginController *login = host.services()->login;
    if (!options.loginUser.isEmpty() && !login->loggedIn())
        login->logIn(options.loginUser, qEnvironmentVariable("QINGSHUI_PASSWORD"));
    else
        host.services()->sync->requestSync(); // offline, it still says so and counts what waits
    return app.exec();
}

// The supervisor's face needs the QApplication this process was not started with: start
// the app again (same arguments; the store now names the account) and leave.
int startAgain(QGuiApplication &app)
{
    QStringList arguments = app.arguments();
    const QString program = arguments.takeFirst();
    if (!QProcess::startDetached(program, arguments)) {
        std::fprintf(stderr, "qingshui: cannot start again for the supervisor's face\n");
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (AppOptions::hasFlag(argc, argv, "--set-kiosk-pin"))
        return setKioskPin(argc, argv);
    if (AppOptions::hasFlag(argc, argv, "--sync-once")
        || AppOptions::hasFlag(argc, argv, "--enrol"))
        return runHeadless(argc, argv);
    QElapsedTimer sinceStart;
    sinceStart.start();
    WindowRunner::watchWarnings();
    nameTheApp();
    const bool widgets = needsWidgets(argc, argv);
    const std::unique_ptr<QGuiApplication> application = widgets
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QGuiApplication>(argc, argv);
    QGuiApplication &app = *application;
    QGuiApplication::setApplicationDisplayName(QStringLiteral("清水巡查"));

    AppOptions options;
    int exitCode = 0;
    if (!AppOptions::parse(app, &options, &exitCode))
        return exitCode;
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // --self-test and --screenshot never touch a real store.
    QTemporaryDir scratch;
    if (options.dbPath.isEmpty())
        options.dbPath = scratch.filePath(QStringLiteral("store.db"));
    options.resolveMode();

    SystemdNotifier notifier;
    // A test drives the app through it (only with --automation); it finds the windows
    // itself, so it stays the same while the face changes.
    std::unique_ptr<AutomationServer> automation;
    if (!options.automationSocket.isEmpty() && !options.isOneShot()) {
        automation = std::make_unique<AutomationServer>();
        if (!automation->listen(options.automationSocket)) {
            std::fprintf(stderr, "qingshui: %s\n", qPrintable(automation->error()));
            return 1;
        }
    }
    for (;;) {
        QString nextMode;
        const int code = runFace(app, options, sinceStart, notifier, &nextMode);
        if (nextMode.isEmpty())
            return code;
        if (nextMode == QLatin1String("supervisor") && !widgets)
            return startAgain(app);
        options.mode = nextMode;
    }
}
