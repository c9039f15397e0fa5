#include "syncscheduler.h"

#include "networkwatch.h"

#include <QTimer>

SyncScheduler::SyncScheduler(Intervals intervals, BackoffPolicy backoff, NetworkWatch *network,
                             QObject *parent)
    : QObject(parent)
    , m_intervals(intervals)
    , m_backoff(std::move(backoff))
    , m_network(network)
    , m_next(new QTimer(this))
    , m_probe(new QTimer(this))
{
    m_next->setSingleShot(true);
    connect(m_next, &QTimer::timeout, this, [this] {
        m_nextAttempt = {};
        emit scheduleChanged();
        emit syncDue();
    });
    m_probe->setInterval(m_intervals.probeMs);
    connect(m_probe, &QTimer::timeout, this, &SyncScheduler::probeDue);
    if (network)
        connect(network, &NetworkWatch::networkCameBack, this, &SyncScheduler::networkCameBack);
}

bool SyncScheduler::isProbing() const
{
    return m_probe->isActive();
}

void SyncScheduler::requestSoon()
{
    // Waiting out a backoff: the retry timer carries this request too.
    if (m_backoff.failures() > 0 && m_next->isActive())
        return;
    emit syncDue();
}

void SyncScheduler::syncStarted()
{
    m_next->stop();
    m_probe->stop();
    if (m_nextAttempt.isValid()) {
        m_nextAttempt = {};
        emit scheduleChanged();
    }
}

void SyncScheduler::syncFinished(SyncReport::Outcome outcome)
{
    switch (outcome) {
    case SyncReport::Succeeded:
        m_backoff.reset();
        m_retryDelayMs = 0;
        planNext(m_intervals.periodicMs);
        break;
    case SyncReport::NoServer:
        // Nothing changes that until the app is started with a server.
        m_retryDelayMs = 0;
        planNext(0);
        break;
    case SyncReport::Unreachable:
    case SyncReport::Failed:
        m_retryDelayMs = m_backoff.nextDelayMs();
        planNext(m_retryDelayMs);
        // Offline: the system is asked to say when the network is back; where it cannot,
        // the server's address is asked itself.
        if (outcome == SyncReport::Unreachable) {
            const bool systemTells = m_network && m_network->start();
            if (!systemTells && m_intervals.probeMs > 0 && !m_afterProbe)
                m_probe->start();
        }
        break;
    }
    if (outcome == SyncReport::Succeeded)
        m_afterProbe = false;
    emit scheduleChanged();
}

void SyncScheduler::networkCameBack()
{
    tryNow();
}

void SyncScheduler::probeGotThrough()
{
    m_afterProbe = true;
    tryNow();
}

void SyncScheduler::tryNow()
{
    m_probe->stop();
    // The failure count stays: if this attempt fails too, the next wait is longer.
    emit syncDue();
}

void SyncScheduler::planNext(int inMs)
{
    if (inMs <= 0) {
        m_next->stop();
        m_nextAttempt = {};
        return;
    }
    m_next->start(inMs);
    m_nextAttempt = QDateTime::currentDateTime().addMSecs(inMs);
}
