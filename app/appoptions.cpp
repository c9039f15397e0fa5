#include "appoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("inspector, supervisor or kiosk."),
                                  QStringLiteral("MODE"), out->mode);
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load the mode's QML and exit; non-zero on "
                                                     "any QML error or warning."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QStringLiteral("Render the first screen to a PNG and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Local store file."),
                                QStringLiteral("PATH"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("qingshui-server address."),
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
    // For tests (tests/support/appdriver.h, README "Tests"), so not in --help.
    QCommandLineOption automation(
        QStringLiteral("automation"),
        QStringLiteral("Take JSON commands from a test on this local socket."),
        QStringLiteral("SOCKET"));
    automation.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({mode, selfTest, screenshot, size, db, server, demo, nmea, lang, probe, user,
                  kioskConfig, setKioskPin, automation});
    p.process(app);

    auto fail = [exitCode](const QString &message) {
        std::fprintf(stderr, "qingshui: %s\n", qPrintable(message));
        *exitCode = 2;
        return false;
    };
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
    out->automationSocket = p.value(automation);
    if (!out->language.isEmpty() && out->language != QLatin1String("zh_CN")
        && out->language != QLatin1String("en"))
        return fail(QStringLiteral("--lang must be zh_CN or en"));
    if (out->dbPath.isEmpty() && !out->isOneShot()) {
        out->dbPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/%1.db").arg(out->mode);
    }
    return true;
}

bool AppOptions::hasFlag(int argc, char *argv[], const char *flag)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], flag) == 0)
            return true;
    }
    return false;
}

QString AppOptions::modeIn(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--mode" || arg == "-mode") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--mode="))
            return QString::fromLocal8Bit(arg.mid(7));
    }
    return QStringLiteral("inspector");
}
