#pragma once

#include <QSize>
#include <QString>

class QCoreApplication;

// The command line of `qingshui`.
struct AppOptions {
    // inspector | supervisor | kiosk. Without --mode: the face of the account the store is
    // logged in as (resolveMode), inspector when none.
    QString mode = QStringLiteral("inspector");
    bool modeFixed = false; // --mode was given: the face never follows the account
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

    bool syncOnce = false; // sync the store once, headless, print a summary line and exit
    bool enrol = false; // read an enrolment code and a password from stdin, enrol, exit

    bool isOneShot() const { return selfTest || !screenshotPath.isEmpty() || startupProbe; }

    // Parses the arguments; on error prints why and returns false with exitCode set.
    static bool parse(const QCoreApplication &app, AppOptions *out, int *exitCode);
    // The --mode (or --mode=) argument before any application exists, which decides what
    // kind of application to make; empty when there is none. parse() checks it.
    static QString modeIn(int argc, char *argv[]);
    // The value of an option such as "--db" (or "--db=…") before any application; empty
    // when it is not given.
    static QString valueIn(int argc, char *argv[], const char *option);
    // The store used when --db is not given: <mode>.db for a fixed --mode (as it always
    // was), else qingshui.db in the app's data folder — or an older inspector.db there when
    // qingshui.db does not exist yet. The application's name must be set first.
    static QString defaultStorePath(const QString &fixedMode);
    // Without --mode, the face of the account the store is logged in as (admins review as
    // supervisors); "inspector" when it is not logged in.
    void resolveMode();
    // Whether a flag such as "--set-kiosk-pin" is among the arguments, before any application.
    static bool hasFlag(int argc, char *argv[], const char *flag);
};
