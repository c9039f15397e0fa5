#include "positionstatus.h"

#include <QDateTime>
#include <QTimer>

PositionStatus::PositionStatus(PositionProvider *provider, QObject *parent)
    : QObject(parent), m_provider(provider), m_ageTimer(new QTimer(this))
{
    if (m_provider) {
        connect(m_provider, &PositionProvider::fixReceived, this, [this](const GeoFix &fix) {
            // An invalid fix is the receiver saying it has none (e.g. no satellites).
            m_fix = fix;
            m_lastSatellites = fix.satellitesInUse;
            m_receivedAtMs = QDateTime::currentMSecsSinceEpoch();
            m_error.reset();
            emit changed();
        });
        connect(m_provider, &PositionProvider::errorOccurred, this,
                [this](PositionProvider::Error error, const QString &detail) {
                    m_error = error;
                    m_errorDetail = detail;
                    emit changed();
                });
    }
    // The age of the fix grows by itself: refresh it once a second.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        if (hasFix())
            emit changed();
    });
    m_ageTimer->start();
}

int PositionStatus::ageSeconds() const
{
    return hasFix() ? int((QDateTime::currentMSecsSinceEpoch() - m_receivedAtMs) / 1000) : -1;
}

QString PositionStatus::error() const
{
    if (!m_error)
        return {};
    switch (*m_error) {
    case PositionProvider::Error::NoSource:
        return tr("此设备没有定位源");
    case PositionProvider::Error::AccessDenied:
        return tr("应用没有使用位置信息的权限");
    case PositionProvider::Error::SourceClosed:
        return tr("定位已关闭");
    case PositionProvider::Error::Timeout:
        return tr("长时间没有收到定位");
    case PositionProvider::Error::SourceFailed:
        return tr("定位错误（%1）").arg(m_errorDetail);
    case PositionProvider::Error::ReplayUnreadable:
        return tr("无法打开 NMEA 日志 %1").arg(m_errorDetail);
    }
    return {};
}

QString PositionStatus::sourceName() const
{
    return m_provider ? m_provider->sourceName() : QString();
}
