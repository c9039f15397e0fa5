#pragma once

#include "positionprovider.h"

#include <QHash>
#include <QPointer>

class QFile;
class QGeoPositionInfoSource;
class QGeoPositionInfo;
class QGeoSatelliteInfoSource;
class QTimer;

// Fixes from Qt Positioning: the device's GPS, or an NMEA log replayed in simulation mode.
// When the receiver reports no fix (an NMEA log's GGA quality 0 or RMC status V) it emits an
// invalid GeoFix rather than going quiet behind the last good one. satellitesInUse is filled
// from the NMEA GGA sentence for a replay, and from Qt's satellite source for the device when
// the platform has one.
class QtPositionProvider : public PositionProvider {
    Q_OBJECT
public:
    // The platform's default source (the tablet's GPS).
    static QtPositionProvider *createSystem(QObject *parent = nullptr);
    // Replays an NMEA log at its own pace, starting over at its end. Fix times are the time
    // of replay: the demo pretends to be live.
    static QtPositionProvider *createNmeaReplay(const QString &logPath, QObject *parent = nullptr);

    void start() override;
    void stop() override;
    QString sourceName() const override { return m_sourceName; }

private:
    QtPositionProvider(QGeoPositionInfoSource *source, const QString &sourceName,
                       const QString &replayPath, QObject *parent);
    void onPositionUpdated(const QGeoPositionInfo &info);
    void restartReplay();
    void onNmeaSentence(const char *data, int size);
    void reportNoFix(int generation, int logMs);

    // What the replayed log says about one epoch, by its time of day in ms.
    struct Epoch {
        int satellites = -1;
        bool noFix = false;
        bool reported = false;
    };

    QGeoPositionInfoSource *m_source = nullptr;
    QGeoSatelliteInfoSource *m_satelliteSource = nullptr;
    int m_satellitesInUse = -1;
    QString m_sourceName;
    QString m_replayPath;
    QPointer<QFile> m_replayFile;
    bool m_running = false;
    QTimer *m_watchdog = nullptr;
    qint64 m_lastEpochMs = 0; // wall clock of the last fix or no-fix report
    int m_generation = 0; // of the replay; callbacks from an older one are dropped
    // The replay clock: the log's time m_anchorLogMs was played at m_anchorWallMs.
    qint64 m_anchorWallMs = -1;
    int m_anchorLogMs = -1;
    int m_lastFixLogMs = -1;
    QHash<int, Epoch> m_epochs;
};
