#pragma once

#include "backoffpolicy.h"
#include "syncreport.h"

#include <QDateTime>
#include <QObject>

class NetworkWatch;
class QTimer;

// When to sync (SyncSession is how): periodically after a success, after a failure when the
// backoff says so, and at once when the network comes back (the system says so, or a TCP
// probe of the server gets through where the system cannot tell). A sync is asked for with
// syncDue(); whoever runs it reports back with syncStarted() and syncFinished().
class SyncScheduler : public QObject {
    Q_OBJECT
public:
    struct Intervals {
        int periodicMs = 5 * 60 * 1000; // after a success; 0: never
        int probeMs = 15 * 1000; // while offline with no network backend; 0: never probe
    };

    SyncScheduler(Intervals intervals, BackoffPolicy backoff, NetworkWatch *network,
                  QObject *parent = nullptr);

    // After a submit or at start: now, unless a backoff is being waited out.
    void requestSoon();
    void syncStarted();
    void syncFinished(SyncReport::Outcome outcome);
    // The system says the network is back: try now.
    void networkCameBack();
    // A probe got through to the server's address: try now.
    void probeGotThrough();

    int consecutiveFailures() const { return m_backoff.failures(); }
    // The wait chosen after the last failure; 0 after a success.
    int retryDelayMs() const { return m_retryDelayMs; }
    // When the next sync is planned (periodic or retry); invalid when none is.
    QDateTime nextAttempt() const { return m_nextAttempt; }
    bool isProbing() const;

signals:
    void syncDue();
    void probeDue();
    void scheduleChanged();

private:
    void planNext(int inMs);
    void tryNow();

    Intervals m_intervals;
    BackoffPolicy m_backoff;
    NetworkWatch *m_network;
    QTimer *m_next;
    QTimer *m_probe;
    int m_retryDelayMs = 0;
    // The sync under way follows a probe that got through: if it still finds nobody, the
    // address takes connections without a server behind it and probing cannot tell.
    bool m_afterProbe = false;
    QDateTime m_nextAttempt;
};
