#pragma once

#include <QSize>
#include <QString>

class QCoreApplication;

// The command line of `qingshui`.
struct AppOptions {
    QString mode = QStringLiteral("inspector"); // inspector | supervisor | kiosk
    bool selfTest = false; // load the mode's QML, exit 0 only if clean
    QString screenshotPath; // render the first screen to this PNG and exit
    QSize size {1280, 800};
    QString dbPath; // the local store; a throwaway one for --self-test/--screenshot
    QString serverAddress; // HOST:PORT of qingshui-server; empty = offline
    bool demo = false; // seed demo records into an empty store
    QString nmeaPath; // replay this NMEA log instead of the device GPS
    QString language; // zh_CN or en; empty: the saved choice
    QString loginUser; // log in as this user at start (password from $QINGSHUI_PASSWORD)

    QString kioskConfigPath; // the kiosk's INI; empty: KioskConfig::defaultPath()
    bool setKioskPin = false; // read an admin PIN from stdin, store its hash, exit

    bool startupProbe = false; // print time to first frame and memory, then exit (benchmarks)
    QString automationSocket; // let a test drive the app through this local socket

    bool isOneShot() const { return selfTest || !screenshotPath.isEmpty() || startupProbe; }

    // Parses the arguments; on error prints why and returns false with exitCode set.
    static bool parse(const QCoreApplication &app, AppOptions *out, int *exitCode);
    // The --mode (or --mode=) argument before any application exists, which decides what
    // kind of application to make; "inspector" when there is none. parse() checks it.
    static QString modeIn(int argc, char *argv[]);
    // Whether a flag such as "--set-kiosk-pin" is among the arguments, before any application.
    static bool hasFlag(int argc, char *argv[], const char *flag);
};
