#include "qtpositionprovider.h"

#include <QDateTime>
#include <QFile>
#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QNmeaPositionInfoSource>
#include <QTimer>

QtPositionProvider *QtPositionProvider::createSystem(QObject *parent)
{
    return new QtPositionProvider(QGeoPositionInfoSource::createDefaultSource(nullptr),
                                  QStringLiteral("gps"), QString(), parent);
}

QtPositionProvider *QtPositionProvider::createNmeaReplay(const QString &logPath, QObject *parent)
{
    return new QtPositionProvider(nullptr, QStringLiteral("nmea-replay"), logPath, parent);
}

QtPositionProvider::QtPositionProvider(QGeoPositionInfoSource *source, const QString &sourceName,
                                       const QString &replayPath, QObject *parent)
    : PositionProvider(parent), m_source(source), m_sourceName(sourceName), m_replayPath(replayPath)
{
    if (m_source) {
        m_source->setParent(this);
        connect(m_source, &QGeoPositionInfoSource::positionUpdated, this,
                &QtPositionProvider::onPositionUpdated);
        connect(m_source, &QGeoPositionInfoSource::errorOccurred, this,
                [this](QGeoPositionInfoSource::Error e) {
                    emit errorOccurred(QStringLiteral("定位错误 (%1)").arg(int(e)));
                });
    }
}

void QtPositionProvider::start()
{
    m_running = true;
    if (!m_replayPath.isEmpty()) {
        restartReplay();
        return;
    }
    if (!m_source) {
        emit errorOccurred(QStringLiteral("此设备没有定位源"));
        return;
    }
    m_source->startUpdates();
}

void QtPositionProvider::stop()
{
    m_running = false;
    if (m_watchdog)
        m_watchdog->stop();
    if (m_source)
        m_source->stopUpdates();
}

void QtPositionProvider::restartReplay()
{
    if (!m_running)
        return;
    if (m_source)
        m_source->deleteLater();
    auto *file = new QFile(m_replayPath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        m_source = nullptr;
        emit errorOccurred(QStringLiteral("无法打开 NMEA 日志 %1").arg(m_replayPath));
        return;
    }
    auto *nmea = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode, this);
    file->setParent(nmea);
    nmea->setDevice(file);
    m_source = nmea;
    connect(nmea, &QGeoPositionInfoSource::positionUpdated, this,
            &QtPositionProvider::onPositionUpdated);
    // Accuracy = HDOP × this user-equivalent range error, a typical value for tablet GPS.
    nmea->setUserEquivalentRangeError(5.0);
    nmea->startUpdates();
    m_lastFixMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_watchdog) {
        // The replay just goes quiet at the end of the log: start over, as a demo should.
        m_watchdog = new QTimer(this);
        m_watchdog->setInterval(2000);
        connect(m_watchdog, &QTimer::timeout, this, [this] {
            if (QDateTime::currentMSecsSinceEpoch() - m_lastFixMs > 5000)
                restartReplay();
        });
    }
    m_watchdog->start();
}

void QtPositionProvider::onPositionUpdated(const QGeoPositionInfo &info)
{
    m_lastFixMs = QDateTime::currentMSecsSinceEpoch();
    GeoFix fix;
    fix.latitude = info.coordinate().latitude();
    fix.longitude = info.coordinate().longitude();
    fix.altitude = info.coordinate().altitude();
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
        fix.horizontalAccuracyM = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
    fix.fixTimeMs = info.timestamp().toMSecsSinceEpoch();
    fix.source = m_sourceName;
    emit fixReceived(fix);
}
