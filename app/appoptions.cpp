#include "appoptions.h"

#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "storage/storedrole.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <cstdio>

bool AppOptions::parse(const QCoreApplication &app, AppOptions *out, int *exitCode)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Qingshui 清水巡查 — field inspection for the "
                                               "Danjiangkou water source"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QStringLiteral("inspector, supervisor or kiosk; default: the face of the account the "
                       "store is logged in as (inspector when none)."),
        QStringLiteral("MODE"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load the mode's QML and exit; non-zero on "
                                                     "any QML error or warning."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QStringLiteral("Render the first screen to a PNG and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Local store file; default: qingshui.db in the app's data folder "
                       "(<mode>.db with --mode)."),
        QStringLiteral("PATH"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("qingshui-server address, instead of the one the store was enrolled "
                       "with (development, tests, scripts)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed demo records into an empty store."));
    const QCommandLineOption nmea(QStringLiteral("nmea"),
                                  QStringLiteral("Replay an NMEA log as the GPS."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language: zh_CN or en."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption probe(QStringLiteral("startup-probe"),
                                   QStringLiteral("Print time to first frame and RSS, then exit."));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QStringLiteral("Log in as USER at start if not logged in; the password is read from "
                       "the QINGSHUI_PASSWORD environment variable (scripts, demos)."),
        QStringLiteral("USER"));
    const QCommandLineOption kioskConfig(
        QStringLiteral("kiosk-config"),
        QStringLiteral("The kiosk's settings file (INI); default: kiosk.ini in the app's "
                       "config folder."),
        QStringLiteral("PATH"));
    const QCommandLineOption setKioskPin(
        QStringLiteral("set-kiosk-pin"),
        QStringLiteral("Read a 4-8 digit kiosk admin PIN from stdin (twice), store its hash in "
                       "the kiosk config and exit."));
    const QCommandLineOption syncOnce(
        QStringLiteral("sync-once"),
        QStringLiteral("Sync the store once as the app would (no window), print one summary "
                       "line and exit; non-zero on failure."));
    const QCommandLineOption enrol(
        QStringLiteral("enrol"),
        QStringLiteral("Enrol the store with a server: read the enrolment code (QS1-…) and the "
                       "password from stdin, one line each; no window."));
    // For tests (tests/support/appdriver.h, README "Tests"), so not in --help.
    QCommandLineOption automation(
        QStringLiteral("automation"),
        QStringLiteral("Take JSON commands from a test on this local socket."),
        QStringLiteral("SOCKET"));
    automation.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({mode, selfTest, screenshot, size, db, server, demo, nmea, lang, probe, user,
                  kioskConfig, setKioskPin, syncOnce, enrol, automation});
    p.process(app);

    auto fail = [exitCode](const QString &message) {
        std::fprintf(stderr, "qingshui: %s\n", qPrintable(message));
        *exitCode = 2;
        return false;
    };
    out->modeFixed = p.isSet(mode);
    if (out->modeFixed)
        out->mode = p.value(mode);
    if (!QStringList {QStringLiteral("inspector"), QStringLiteral("supervisor"),
                      QStringLiteral("kiosk")}
             .contains(out->mode))
        return fail(QStringLiteral("--mode must be inspector, supervisor or kiosk"));
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = sizeRe.match(p.value(size));
    if (!m.hasMatch())
        return fail(QStringLiteral("--size wants WxH, e.g. 1280x800"));
    out->size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    out->selfTest = p.isSet(selfTest);
    out->startupProbe = p.isSet(probe);
    out->screenshotPath = p.value(screenshot);
    out->dbPath = p.value(db);
    out->serverAddress = p.value(server);
    out->demo = p.isSet(demo);
    out->nmeaPath = p.value(nmea);
    out->language = p.value(lang);
    out->loginUser = p.value(user);
    out->kioskConfigPath = p.value(kioskConfig);
    out->setKioskPin = p.isSet(setKioskPin);
    out->syncOnce = p.isSet(syncOnce);
    out->enrol = p.isSet(enrol);
    out->automationSocket = p.value(automation);
    if (!out->language.isEmpty() && out->language != QLatin1String("zh_CN")
        && out->language != QLatin1String("en"))
        return fail(QStringLiteral("--lang must be zh_CN or en"));
    if (out->dbPath.isEmpty() && !out->isOneShot())
        out->dbPath = defaultStorePath(out->modeFixed ? out->mode : QString());
    return true;
}

QString AppOptions::defaultStorePath(const QString &fixedMode)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!fixedMode.isEmpty())
        return folder + QStringLiteral("/%1.db").arg(fixedMode);
    const QString store = folder + QStringLiteral("/qingshui.db");
    const QString older = folder + QStringLiteral("/inspector.db");
    // A tablet set up before the store followed the account kept its records there.
    return !QFileInfo::exists(store) && QFileInfo::exists(older) ? older : store;
}

void AppOptions::resolveMode()
{
    if (modeFixed || dbPath.isEmpty())
        return;
    const std::optional<AccountRole> role = storedAccountRole(dbPath);
    AccountRole known = role.value_or(AccountRole::Unknown);
    if (!role) { // this build reads stores through Qt SQL only
        Database db;
        if (QFileInfo::exists(dbPath) && db.open(dbPath))
            known = EnrolmentRepository(db.connection()).account().role;
    }
    const QString followed = modeForRole(known);
    mode = followed.isEmpty() ? QStringLiteral("inspector") : followed;
}

bool AppOptions::hasFlag(int argc, char *argv[], const char *flag)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], flag) == 0)
            return true;
    }
    return false;
}

QString AppOptions::valueIn(int argc, char *argv[], const char *option)
{
    const QByteArray name(option);
    const QByteArray single = name.mid(1); // QCommandLineParser takes -mode as well
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == name || arg == single) && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith(name + '='))
            return QString::fromLocal8Bit(arg.mid(name.size() + 1));
    }
    return {};
}

QString AppOptions::modeIn(int argc, char *argv[])
{
    return valueIn(argc, argv, "--mode");
}
