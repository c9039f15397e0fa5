#pragma once

#include "controllers/idlewatch.h"
#include "controllers/kioskconfig.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

class SyncEngine;

// Kiosk: the kiosk's settings, its idle watch and the admin PIN with its lockout.
// Built in every mode; nothing runs until the kiosk face calls startWatching().
class KioskController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(double idleTimeoutS READ idleTimeoutS WRITE setIdleTimeoutS NOTIFY timingChanged)
    Q_PROPERTY(double attractStepS READ attractStepS WRITE setAttractStepS NOTIFY timingChanged)
    Q_PROPERTY(bool idle READ isIdle NOTIFY idleChanged)
    Q_PROPERTY(bool hasAdminPin READ hasAdminPin CONSTANT)
    Q_PROPERTY(QString configPath READ configPath CONSTANT)
    Q_PROPERTY(QString configError READ configError CONSTANT)
    Q_PROPERTY(int wrongPins READ wrongPins NOTIFY pinStateChanged)
    Q_PROPERTY(bool lockedOut READ isLockedOut NOTIFY pinStateChanged)
    Q_PROPERTY(int lockoutMinutes READ lockoutMinutes CONSTANT)
    Q_PROPERTY(bool adminUnlocked READ isAdminUnlocked NOTIFY pinStateChanged)
    Q_PROPERTY(bool leaving READ isLeaving NOTIFY leavingChanged)
public:
    static constexpr int kMaxWrongPins = 5;
    static constexpr int kLockoutMs = 5 * 60 * 1000;
    static constexpr int kAdminExitCode = 10; // systemd: RestartPreventExitStatus=10

    KioskController(const QString &configPath, SyncEngine *sync, QObject *parent = nullptr);

    double idleTimeoutS() const { return m_config.idleTimeoutS; }
    void setIdleTimeoutS(double seconds);
    double attractStepS() const { return m_config.attractStepS; }
    void setAttractStepS(double seconds);
    bool isIdle() const { return m_idle.isIdle(); }
    bool hasAdminPin() const { return !m_config.adminPinHash.isEmpty(); }
    QString configPath() const { return m_configPath; }
    QString configError() const { return m_config.error; }
    int wrongPins() const { return m_wrongPins; }
    bool isLockedOut() const { return m_lockout.isActive(); }
    int lockoutMinutes() const { return kLockoutMs / 60000; }
    bool isAdminUnlocked() const { return m_adminUnlocked; }
    bool isLeaving() const { return m_leaving; }

    // Starts the idle watch (the kiosk face, once).
    Q_INVOKABLE void startWatching();
    // True and unlocks the admin panel if the PIN is right; a wrong one counts towards the
    // lockout; while locked out or with no PIN configured, always false.
    Q_INVOKABLE bool checkPin(const QString &pin);
    // Closes the admin panel: the next admin needs the PIN again.
    Q_INVOKABLE void lockAdmin();
    // Only after a right PIN: the window may close and leaveRequested() asks main() to exit 10.
    Q_INVOKABLE void leaveKiosk();
    // Only after a right PIN: pull the public feed now.
    Q_INVOKABLE void syncNow();

signals:
    void timingChanged();
    void idleChanged();
    void becameIdle();
    void becameActive();
    void pinStateChanged();
    void leavingChanged();
    void leaveRequested();

private:
    QString m_configPath;
    KioskConfig m_config;
    SyncEngine *m_sync;
    IdleWatch m_idle;
    QTimer m_lockout;
    int m_wrongPins = 0;
    bool m_adminUnlocked = false;
    bool m_leaving = false;
};
