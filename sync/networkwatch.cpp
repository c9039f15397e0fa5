#include "networkwatch.h"

#include <QLoggingCategory>
#include <QNetworkInformation>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

NetworkWatch::NetworkWatch(bool useSystem, QObject *parent)
    : QObject(parent), m_useSystem(useSystem)
{
}

bool NetworkWatch::start()
{
    if (m_started || !m_useSystem)
        return m_hasBackend;
    m_started = true;
    // The platform's default backend first (NetworkManager on Linux), then any that reports
    // reachability (e.g. GLib's, where NetworkManager does not run).
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSync) << "no network information backend: probing the server when offline";
        return false;
    }
    m_hasBackend = true;
    using R = QNetworkInformation::Reachability;
    m_down = info->reachability() == R::Disconnected;
    connect(info, &QNetworkInformation::reachabilityChanged, this, [this](R reachability) {
        if (reachability == R::Unknown)
            return;
        const bool down = reachability == R::Disconnected;
        if (m_down && !down)
            emit networkCameBack();
        m_down = down;
    });
    return true;
}

bool NetworkWatch::isMetered()
{
    if (m_meteredGiven)
        return m_meteredForTest;
    start();
    const QNetworkInformation *info = QNetworkInformation::instance();
    return info && info->supports(QNetworkInformation::Feature::Metered) && info->isMetered();
}
