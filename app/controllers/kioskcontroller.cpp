#include "controllers/kioskcontroller.h"

#include "domain/passwordhash.h"
#include "syncengine.h"

#include <QtGlobal>

KioskController::KioskController(const QString &configPath, SyncEngine *sync, QObject *parent)
    : QObject(parent)
    , m_configPath(configPath)
    , m_config(KioskConfig::load(configPath))
    , m_sync(sync)
{
    if (!m_config.error.isEmpty())
        qInfo("kiosk config: %s", qPrintable(m_config.error));
    m_idle.setTimeoutMs(qRound(m_config.idleTimeoutS * 1000));
    connect(&m_idle, &IdleWatch::becameIdle, this, [this] {
        lockAdmin(); // an admin who walked away leaves no open panel
        emit idleChanged();
        emit becameIdle();
    });
    connect(&m_idle, &IdleWatch::becameActive, this, [this] {
        emit idleChanged();
        emit becameActive();
    });
    m_lockout.setSingleShot(true);
    m_lockout.setInterval(kLockoutMs);
    connect(&m_lockout, &QTimer::timeout, this, [this] {
        m_wrongPins = 0;
        emit pinStateChanged();
    });
}

void KioskController::setIdleTimeoutS(double seconds)
{
    if (seconds <= 0 || qFuzzyCompare(seconds, m_config.idleTimeoutS))
        return;
    m_config.idleTimeoutS = seconds;
    m_idle.setTimeoutMs(qRound(seconds * 1000));
    emit timingChanged();
}

void KioskController::setAttractStepS(double seconds)
{
    if (seconds <= 0 || qFuzzyCompare(seconds, m_config.attractStepS))
        return;
    m_config.attractStepS = seconds;
    emit timingChanged();
}

void KioskController::startWatching()
{
    m_idle.start();
}

bool KioskController::checkPin(const QString &pin)
{
    if (!hasAdminPin() || isLockedOut())
        return false;
    if (KioskConfig::isValidPin(pin) && PasswordHash::verify(m_config.adminPinHash, pin)) {
        m_wrongPins = 0;
        m_adminUnlocked = true;
        emit pinStateChanged();
        return true;
    }
    if (++m_wrongPins >= kMaxWrongPins)
        m_lockout.start();
    emit pinStateChanged();
    return false;
}

void KioskController::lockAdmin()
{
    if (!m_adminUnlocked)
        return;
    m_adminUnlocked = false;
    emit pinStateChanged();
}

void KioskController::leaveKiosk()
{
    if (!m_adminUnlocked)
        return;
    m_leaving = true;
    emit leavingChanged();
    emit leaveRequested();
}

void KioskController::syncNow()
{
    if (m_adminUnlocked && m_sync)
        m_sync->requestSync();
}
