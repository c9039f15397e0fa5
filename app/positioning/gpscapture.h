#pragma once

#include "accuracygate.h"
#include "domain/geofix.h"
#include "fixaverager.h"

#include <QElapsedTimer>
#include <QObject>

class PositionProvider;
class QTimer;

// Captures one point for a record: waits for fixes that pass the accuracy gate, averages N of
// them, and reports the result. The inspector may accept the best fix so far despite the gate
// with a reason, which is kept with the point.
//
// It only listens: whoever owns the provider starts and stops it (the app starts it once).
//
// Averaging policy: a fix that fails the gate (too inaccurate or stale) PAUSES averaging -- the
// good fixes so far are kept and averaging resumes with the next good fix -- because a short
// burst of multipath under a tree says nothing about the good fixes before it. Losing the fix
// (the receiver reports no fix, or no fix arrives for lostTimeoutMs) RESETS averaging: by the
// time it comes back the inspector may have walked on.
class GpsCapture : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY stateChanged)
    Q_PROPERTY(QString overrideReason READ overrideReason NOTIFY stateChanged)
    Q_PROPERTY(int fixesCollected READ fixesCollected NOTIFY progressChanged)
    Q_PROPERTY(int fixesToAverage READ fixesToAverage NOTIFY progressChanged)
    Q_PROPERTY(double thresholdM READ thresholdM NOTIFY progressChanged)
    Q_PROPERTY(bool hasLiveFix READ hasLiveFix NOTIFY liveFixChanged)
    Q_PROPERTY(double liveAccuracyM READ liveAccuracyM NOTIFY liveFixChanged)
    Q_PROPERTY(int liveAgeSeconds READ liveAgeSeconds NOTIFY liveFixChanged)
    Q_PROPERTY(int satellitesInUse READ satellitesInUse NOTIFY liveFixChanged)
    Q_PROPERTY(AccuracyGate::Verdict verdict READ verdict NOTIFY liveFixChanged)
    Q_PROPERTY(bool canOverride READ canOverride NOTIFY liveFixChanged)
public:
    enum class State {
        Idle, // not started, or cancelled
        WaitingForFix, // started, no position yet (e.g. no satellites)
        Averaging, // the latest fix passed the gate; collecting fixesCollected of fixesToAverage
        Blocked, // the latest fix failed the gate (see verdict); averaging paused
        Captured, // done: result() holds the point; later fixes are ignored
        Lost, // had a fix, then it stopped; averaging reset, waits for it to come back
    };
    Q_ENUM(State)

    static constexpr int DefaultFixesToAverage = 5;
    static constexpr int DefaultLostTimeoutMs = 5000;

    explicit GpsCapture(PositionProvider *provider, QObject *parent = nullptr);

    // Starts (or restarts) a capture: thresholdM <= 0 or NaN means the default 10 m,
    // fixesToAverage < 1 means 1.
    Q_INVOKABLE void start(double thresholdM = AccuracyGate::DefaultThresholdM,
                           int fixesToAverage = DefaultFixesToAverage);
    // Back to Idle, dropping any result.
    Q_INVOKABLE void cancel();
    // Captures the best fix so far despite the gate: the average of the good fixes collected,
    // else the single most accurate fix seen. Refused (false) for an empty reason, when there
    // is no fix, or when not capturing.
    Q_INVOKABLE bool captureWithOverride(const QString &reason);

    State state() const { return m_state; }
    bool hasResult() const { return m_state == State::Captured; }
    // The captured point (fixesAveraged, overrideReason set); invalid unless Captured.
    GeoFix result() const { return m_result; }
    QString overrideReason() const { return m_result.overrideReason; }
    int fixesCollected() const { return m_averager.count(); }
    int fixesToAverage() const { return m_fixesToAverage; }
    double thresholdM() const { return m_thresholdM; }

    // The latest report from the provider: invalid when it says no fix or the fix was lost.
    GeoFix liveFix() const { return m_live; }
    bool hasLiveFix() const { return m_live.isValid(); }
    double liveAccuracyM() const { return m_live.horizontalAccuracyM; }
    // Seconds since the last valid fix arrived; -1 before the first one.
    int liveAgeSeconds() const;
    int satellitesInUse() const { return m_live.satellitesInUse; }
    AccuracyGate::Verdict verdict() const { return m_verdict; }
    bool canOverride() const;

    void setLostTimeoutMs(int ms) { m_lostTimeoutMs = ms; }
    int lostTimeoutMs() const { return m_lostTimeoutMs; }
    void setStaleLimitMs(qint64 ms) { m_staleLimitMs = ms; }

signals:
    void stateChanged(GpsCapture::State state);
    void progressChanged(int collected, int total);
    void liveFixChanged();
    void captured(const GeoFix &result);

private:
    void onFix(const GeoFix &fix);
    void onTick();
    void setState(State s);
    void enterLost();
    void finish(GeoFix result);
    bool isCapturing() const;

    PositionProvider *m_provider;
    QTimer *m_tick;
    State m_state = State::Idle;
    double m_thresholdM = AccuracyGate::DefaultThresholdM;
    int m_fixesToAverage = DefaultFixesToAverage;
    int m_lostTimeoutMs = DefaultLostTimeoutMs;
    qint64 m_staleLimitMs = AccuracyGate::DefaultStaleLimitMs;
    FixAverager m_averager;
    GeoFix m_live;
    GeoFix m_best; // the most accurate valid fix of this capture, for an override
    GeoFix m_result;
    AccuracyGate::Verdict m_verdict = AccuracyGate::Verdict::NoFix;
    bool m_hadFix = false;
    QElapsedTimer m_sinceFix; // monotonic: the device clock may jump while offline
};
