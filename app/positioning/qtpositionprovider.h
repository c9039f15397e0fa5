#pragma once

#include "positionprovider.h"

class QGeoPositionInfoSource;
class QGeoPositionInfo;
class QTimer;

// Fixes from Qt Positioning: the device's GPS, or an NMEA log replayed in simulation mode.
class QtPositionProvider : public PositionProvider {
    Q_OBJECT
public:
    // The platform's default source (the tablet's GPS).
    static QtPositionProvider *createSystem(QObject *parent = nullptr);
    // Replays an NMEA log at its own pace, starting over at its end.
    static QtPositionProvider *createNmeaReplay(const QString &logPath, QObject *parent = nullptr);

    void start() override;
    void stop() override;
    QString sourceName() const override { return m_sourceName; }

private:
    QtPositionProvider(QGeoPositionInfoSource *source, const QString &sourceName,
                       const QString &replayPath, QObject *parent);
    void onPositionUpdated(const QGeoPositionInfo &info);
    void restartReplay();

    QGeoPositionInfoSource *m_source = nullptr;
    QString m_sourceName;
    QString m_replayPath;
    bool m_running = false;
    QTimer *m_watchdog = nullptr;
    qint64 m_lastFixMs = 0;
};
