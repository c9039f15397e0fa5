#include "positionstatus.h"

#include "positioning/positionprovider.h"

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
            m_error.clear();
            emit changed();
        });
        connect(m_provider, &PositionProvider::errorOccurred, this, [this](const QString &e) {
            m_error = e;
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

QString PositionStatus::sourceName() const
{
    return m_provider ? m_provider->sourceName() : QString();
}
