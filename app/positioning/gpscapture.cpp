#include "gpscapture.h"

#include "positionprovider.h"

#include <QDateTime>
#include <QTimer>

namespace {

// Known accuracy beats unknown, smaller beats larger, and on a tie the newer fix wins.
bool moreAccurate(const GeoFix &a, const GeoFix &b)
{
    if (!b.isValid())
        return a.isValid();
    if (!a.isValid())
        return false;
    const bool aKnown = !std::isnan(a.horizontalAccuracyM);
    const bool bKnown = !std::isnan(b.horizontalAccuracyM);
    if (aKnown != bKnown)
        return aKnown;
    if (aKnown && a.horizontalAccuracyM != b.horizontalAccuracyM)
        return a.horizontalAccuracyM < b.horizontalAccuracyM;
    return a.fixTimeMs >= b.fixTimeMs;
}

} // namespace

GpsCapture::GpsCapture(PositionProvider *provider, QObject *parent)
    : QObject(parent), m_provider(provider), m_tick(new QTimer(this))
{
    if (m_provider)
        connect(m_provider, &PositionProvider::fixReceived, this, &GpsCapture::onFix);
    // Once a second: notice a fix that stopped arriving, let the shown age grow, and re-gate
    // the latest fix as it gets older.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &GpsCapture::onTick);
}

void GpsCapture::start(double thresholdM, int fixesToAverage)
{
    m_thresholdM = (std::isnan(thresholdM) || thresholdM <= 0) ? AccuracyGate::DefaultThresholdM
                                                               : thresholdM;
    m_fixesToAverage = qMax(1, fixesToAverage);
    m_averager.clear();
    m_live = GeoFix();
    m_best = GeoFix();
    m_result = GeoFix();
    m_verdict = AccuracyGate::Verdict::NoFix;
    m_hadFix = false;
    m_sinceFix.invalidate();
    m_tick->start();
    setState(State::WaitingForFix);
    emit progressChanged(0, m_fixesToAverage);
    emit liveFixChanged();
}

void GpsCapture::cancel()
{
    m_tick->stop();
    m_averager.clear();
    m_result = GeoFix();
    setState(State::Idle);
    emit progressChanged(0, m_fixesToAverage);
    emit liveFixChanged();
}

bool GpsCapture::isCapturing() const
{
    return m_state == State::WaitingForFix || m_state == State::Averaging
        || m_state == State::Blocked || m_state == State::Lost;
}

bool GpsCapture::canOverride() const
{
    return isCapturing() && (!m_averager.isEmpty() || m_best.isValid());
}

bool GpsCapture::captureWithOverride(const QString &reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() || !canOverride())
        return false;
    GeoFix fix = m_averager.isEmpty() ? m_best : m_averager.average();
    if (m_averager.isEmpty())
        fix.fixesAveraged = 1;
    fix.overrideReason = why;
    finish(fix);
    return true;
}

int GpsCapture::liveAgeSeconds() const
{
    return m_sinceFix.isValid() ? int(m_sinceFix.elapsed() / 1000) : -1;
}

void GpsCapture::onFix(const GeoFix &fix)
{
    if (!isCapturing())
        return;
    if (!fix.isValid()) {
        // The receiver says it has no fix: plainly not a position, and not the last one either.
        m_live = fix;
        m_verdict = AccuracyGate::Verdict::NoFix;
        if (m_hadFix && m_state != State::Lost)
            enterLost();
        emit liveFixChanged();
        return;
    }

    m_live = fix;
    m_hadFix = true;
    m_sinceFix.start();
    if (moreAccurate(fix, m_best))
        m_best = fix;
    m_verdict = AccuracyGate::classify(fix, m_thresholdM, QDateTime::currentMSecsSinceEpoch(),
                                       m_staleLimitMs);
    if (m_verdict == AccuracyGate::Verdict::Ok) {
        m_averager.add(fix);
        emit progressChanged(m_averager.count(), m_fixesToAverage);
        if (m_averager.count() >= m_fixesToAverage) {
            finish(m_averager.average());
            return;
        }
        setState(State::Averaging);
    } else {
        setState(State::Blocked); // paused: the good fixes so far are kept
    }
    emit liveFixChanged();
}

void GpsCapture::onTick()
{
    if (!isCapturing())
        return;
    if (m_hadFix && m_state != State::Lost && m_sinceFix.isValid()
        && m_sinceFix.elapsed() > m_lostTimeoutMs) {
        m_live = GeoFix();
        m_verdict = AccuracyGate::Verdict::NoFix;
        enterLost();
    } else if (m_state == State::Averaging) {
        m_verdict = AccuracyGate::classify(m_live, m_thresholdM,
                                           QDateTime::currentMSecsSinceEpoch(), m_staleLimitMs);
        if (m_verdict != AccuracyGate::Verdict::Ok)
            setState(State::Blocked);
    }
    emit liveFixChanged();
}

void GpsCapture::enterLost()
{
    m_averager.clear();
    emit progressChanged(0, m_fixesToAverage);
    setState(State::Lost);
}

void GpsCapture::finish(GeoFix result)
{
    m_tick->stop();
    m_result = result;
    setState(State::Captured);
    emit liveFixChanged(); // canOverride is false now
    emit captured(m_result);
}

void GpsCapture::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}
