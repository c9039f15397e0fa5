#include "qtpositionprovider.h"

#include <QDateTime>
#include <QFile>
#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QGeoSatelliteInfoSource>
#include <QNmeaPositionInfoSource>
#include <QTimer>

#include <functional>

namespace {

constexpr int kDayMs = 24 * 3600 * 1000;

// Qt's NMEA source only emits epochs that have a fix and keeps the sentences to itself; this
// one also shows every sentence it parsed, so no-fix epochs and satellite counts can be read.
class ObservedNmeaSource : public QNmeaPositionInfoSource {
public:
    using Observer = std::function<void(const char *, int)>;
    ObservedNmeaSource(Observer observer, QObject *parent)
        : QNmeaPositionInfoSource(SimulationMode, parent), m_observer(std::move(observer))
    {
    }

protected:
    bool parsePosInfoFromNmeaData(const char *data, int size, QGeoPositionInfo *posInfo,
                                  bool *hasFix) override
    {
        const bool parsed
            = QNmeaPositionInfoSource::parsePosInfoFromNmeaData(data, size, posInfo, hasFix);
        if (parsed) // checksum and sentence type are good
            m_observer(data, size);
        return parsed;
    }

private:
    Observer m_observer;
};

// How far `to` is after `from` on a clock of the day, in [0, 1 day).
int logDelta(int from, int to)
{
    return ((to - from) % kDayMs + kDayMs) % kDayMs;
}

bool isAfter(int t, int reference)
{
    const int d = logDelta(reference, t);
    return d > 0 && d < kDayMs / 2;
}

// "hhmmss.ss" as ms since midnight; -1 if malformed.
int nmeaTimeMs(const QByteArray &field)
{
    if (field.size() < 6)
        return -1;
    bool okH = false, okM = false, okS = false;
    const int h = field.mid(0, 2).toInt(&okH);
    const int m = field.mid(2, 2).toInt(&okM);
    const double s = field.mid(4).toDouble(&okS);
    if (!okH || !okM || !okS || h > 23 || m > 59 || s < 0 || s >= 61)
        return -1;
    return (h * 3600 + m * 60) * 1000 + qRound(s * 1000);
}

} // namespace

QtPositionProvider *QtPositionProvider::createSystem(QObject *parent)
{
    auto *p = new QtPositionProvider(QGeoPositionInfoSource::createDefaultSource(nullptr),
                                     QStringLiteral("gps"), QString(), parent);
    // Satellites in use, where the platform has a source for them (Android does). The nmea
    // plugin is skipped: without a configured port it probes serial ports and warns.
    const QStringList names = QGeoSatelliteInfoSource::availableSources();
    for (const QString &name : names) {
        if (name == QLatin1String("nmea"))
            continue;
        p->m_satelliteSource = QGeoSatelliteInfoSource::createSource(name, p);
        if (p->m_satelliteSource)
            break;
    }
    if (p->m_satelliteSource) {
        connect(
            p->m_satelliteSource, &QGeoSatelliteInfoSource::satellitesInUseUpdated, p,
            [p](const QList<QGeoSatelliteInfo> &inUse) { p->m_satellitesInUse = inUse.size(); });
    }
    return p;
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
                    switch (e) {
                    case QGeoPositionInfoSource::AccessError:
                        emit errorOccurred(Error::AccessDenied, {});
                        break;
                    case QGeoPositionInfoSource::ClosedError:
                        emit errorOccurred(Error::SourceClosed, {});
                        break;
                    case QGeoPositionInfoSource::UpdateTimeoutError:
                        emit errorOccurred(Error::Timeout, {});
                        break;
                    default:
                        emit errorOccurred(Error::SourceFailed, QString::number(int(e)));
                    }
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
        emit errorOccurred(Error::NoSource, {});
        return;
    }
    if (m_satelliteSource)
        m_satelliteSource->startUpdates();
    m_source->startUpdates();
}

void QtPositionProvider::stop()
{
    m_running = false;
    ++m_generation; // drops no-fix reports still scheduled
    if (m_watchdog)
        m_watchdog->stop();
    if (m_satelliteSource)
        m_satelliteSource->stopUpdates();
    if (m_source)
        m_source->stopUpdates();
}

void QtPositionProvider::restartReplay()
{
    if (!m_running)
        return;
    const int generation = ++m_generation;
    if (m_source) {
        m_source->stopUpdates();
        m_source->disconnect(this);
        m_source->deleteLater();
        m_source = nullptr;
    }
    m_anchorWallMs = -1;
    m_anchorLogMs = -1;
    m_lastFixLogMs = -1;
    m_epochs.clear();
    m_lastEpochMs = QDateTime::currentMSecsSinceEpoch();

    auto *file = new QFile(m_replayPath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        emit errorOccurred(Error::ReplayUnreadable, m_replayPath);
        return;
    }
    auto *nmea = new ObservedNmeaSource(
        [this, generation](const char *data, int size) {
            if (generation == m_generation)
                onNmeaSentence(data, size);
        },
        this);
    file->setParent(nmea);
    m_replayFile = file;
    nmea->setDevice(file);
    m_source = nmea;
    connect(nmea, &QGeoPositionInfoSource::positionUpdated, this,
            &QtPositionProvider::onPositionUpdated);
    // Accuracy = 2 × HDOP × this user-equivalent range error (Qt's formula), a typical value
    // for tablet GPS.
    nmea->setUserEquivalentRangeError(5.0);
    if (!m_watchdog) {
        // At the end of the log the replay goes quiet: start over, as a demo should. Only at
        // the end: a log that loses its fix goes on with no-fix epochs and must play out.
        m_watchdog = new QTimer(this);
        m_watchdog->setInterval(1000);
        connect(m_watchdog, &QTimer::timeout, this, [this] {
            if (m_replayFile && m_replayFile->atEnd()
                && QDateTime::currentMSecsSinceEpoch() - m_lastEpochMs > 2500)
                restartReplay();
        });
    }
    m_watchdog->start();
    nmea->startUpdates(); // emits the log's first fix right away
}

void QtPositionProvider::onNmeaSentence(const char *data, int size)
{
    QByteArray sentence(data, size);
    const int star = sentence.indexOf('*');
    if (star >= 0)
        sentence.truncate(star);
    const QList<QByteArray> f = sentence.trimmed().split(',');
    if (f.size() < 3 || f[0].size() < 6)
        return;
    const QByteArray type = f[0].right(3);
    const bool gga = type == "GGA";
    const bool rmc = type == "RMC";
    if (!gga && !rmc)
        return;
    const int t = nmeaTimeMs(f[1]);
    if (t < 0)
        return;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_anchorWallMs < 0) { // the first epoch plays as soon as the replay starts
        m_anchorWallMs = now;
        m_anchorLogMs = t;
    }
    Epoch &e = m_epochs[t];
    if (gga && f.size() > 7) {
        bool ok = false;
        const int satellites = f[7].toInt(&ok);
        if (ok)
            e.satellites = satellites;
        if (f[6].toInt() == 0)
            e.noFix = true;
    } else if (rmc && f[2] == "V") {
        e.noFix = true;
    }
    // Qt reads a sentence or two ahead and never emits an epoch without a fix: report it at
    // the time the log says it happened, on the replay clock.
    if (e.noFix && !e.reported && (m_lastFixLogMs < 0 || isAfter(t, m_lastFixLogMs))) {
        e.reported = true;
        const qint64 due = m_anchorWallMs + logDelta(m_anchorLogMs, t);
        const int generation = m_generation;
        QTimer::singleShot(int(qMax<qint64>(0, due - now)), this,
                           [this, generation, t] { reportNoFix(generation, t); });
    }
    // A log is read a couple of epochs ahead: the recent past is all that is needed.
    if (m_epochs.size() > 64) {
        for (auto it = m_epochs.begin(); it != m_epochs.end();) {
            if (logDelta(it.key(), t) > 30000 && logDelta(it.key(), t) < kDayMs / 2)
                it = m_epochs.erase(it);
            else
                ++it;
        }
    }
}

void QtPositionProvider::reportNoFix(int generation, int logMs)
{
    if (generation != m_generation || !m_running)
        return;
    if (m_lastFixLogMs >= 0 && !isAfter(logMs, m_lastFixLogMs))
        return; // a newer fix already went out
    GeoFix fix; // no latitude/longitude: no fix
    fix.fixTimeMs = QDateTime::currentMSecsSinceEpoch();
    fix.source = m_sourceName;
    fix.satellitesInUse = m_epochs.value(logMs).satellites;
    m_lastEpochMs = fix.fixTimeMs;
    emit fixReceived(fix);
}

void QtPositionProvider::onPositionUpdated(const QGeoPositionInfo &info)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastEpochMs = now;
    GeoFix fix;
    fix.latitude = info.coordinate().latitude();
    fix.longitude = info.coordinate().longitude();
    fix.altitude = info.coordinate().altitude();
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
        fix.horizontalAccuracyM = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
    fix.source = m_sourceName;
    if (!m_replayPath.isEmpty()) {
        const int logMs = info.timestamp().time().msecsSinceStartOfDay();
        m_anchorWallMs = now; // this epoch plays now: keep the replay clock on it
        m_anchorLogMs = logMs;
        m_lastFixLogMs = logMs;
        fix.fixTimeMs = now;
        fix.satellitesInUse = m_epochs.value(logMs).satellites;
    } else {
        fix.fixTimeMs = info.timestamp().toMSecsSinceEpoch();
        fix.satellitesInUse = m_satellitesInUse;
    }
    emit fixReceived(fix);
}
