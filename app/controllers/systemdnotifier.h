#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

// Tells systemd (Type=notify, WatchdogSec) how the app is doing, without libsystemd: each
// state is one datagram to the socket named by $NOTIFY_SOCKET (a path, or an abstract name
// starting with '@'). The watchdog pings come from a timer on the thread that owns this
// object, the GUI thread, so a hung UI stops them and systemd restarts the app.
class SystemdNotifier : public QObject {
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    // $NOTIFY_SOCKET is set: the app runs under systemd with Type=notify.
    bool enabled() const { return !m_socketName.isEmpty(); }
    // Every WATCHDOG_USEC/2 while the watchdog runs; 0 if systemd wants no pings (or wants
    // them from another process, WATCHDOG_PID).
    int watchdogIntervalMs() const { return m_watchdogIntervalMs; }

    // Sends "READY=1" and starts the watchdog pings.
    void ready();
    // Sends one state ("STOPPING=1", "STATUS=…"); false with error() set if it cannot.
    bool notify(const QByteArray &state);
    QString error() const { return m_error; }

private:
    QByteArray m_socketName;
    int m_watchdogIntervalMs = 0;
    QTimer m_watchdog;
    QString m_error;
};
