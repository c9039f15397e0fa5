#include "syncengine.h"

#include "networkwatch.h"
#include "syncworker.h"

#include <QThread>

namespace {

SyncEngineOptions optionsFor(const QString &databasePath, const QString &serverAddress)
{
    SyncEngineOptions options;
    options.databasePath = databasePath;
    options.serverAddress = serverAddress;
    return options;
}

} // namespace

SyncEngine::SyncEngine(const QString &databasePath, const QString &serverAddress, QObject *parent)
    : SyncEngine(optionsFor(databasePath, serverAddress), parent)
{
}

SyncEngine::SyncEngine(const SyncEngineOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_thread(new QThread(this))
    , m_worker(new SyncWorker(options.databasePath, options.serverAddress, options.photoDirectory,
                              options.checkpoints))
    , m_network(new NetworkWatch(options.useNetworkInformation, this))
    , m_scheduler(
          new SyncScheduler(options.intervals, BackoffPolicy(options.backoff), m_network, this))
    , m_serverAddress(options.serverAddress)
{
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncReport>();
    m_thread->setObjectName(QStringLiteral("qs-sync"));
    m_worker->setReadOnly(options.readOnly);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::started, this, &SyncEngine::onStarted);
    connect(m_worker, &SyncWorker::progressed, this, &SyncEngine::onProgress);
    connect(m_worker, &SyncWorker::finished, this, &SyncEngine::onFinished);
    connect(m_worker, &SyncWorker::counted, this, &SyncEngine::onCounted);
    connect(m_worker, &SyncWorker::probed, this, [this](bool reachable) {
        m_probing = false;
        if (reachable && !m_running)
            m_scheduler->probeGotThrough();
    });
    connect(m_scheduler, &SyncScheduler::syncDue, this, &SyncEngine::start);
    connect(m_scheduler, &SyncScheduler::probeDue, this, &SyncEngine::onProbeDue);
    connect(m_scheduler, &SyncScheduler::scheduleChanged, this, &SyncEngine::scheduleChanged);
    m_thread->start();
}

SyncEngine::~SyncEngine()
{
    m_thread->quit();
    m_thread->wait();
}

void SyncEngine::syncNow()
{
    start();
}

void SyncEngine::requestSync()
{
    m_scheduler->requestSoon();
}

void SyncEngine::refreshPending()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::count, Qt::QueuedConnection);
}

void SyncEngine::refreshPendingRecords()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::countRecords, Qt::QueuedConnection);
}

void SyncEngine::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_scheduler->syncStarted();
    m_state = Syncing;
    emit stateChanged();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::run, Qt::QueuedConnection);
}

void SyncEngine::onStarted()
{
    m_progress = {};
    m_stage = Pushing;
    emit progressChanged();
    emit syncStarted();
}

void SyncEngine::onProgress(const SyncProgress &progress)
{
    m_progress = progress;
    switch (progress.stage) {
    case SyncProgress::Pushing:
        m_stage = Pushing;
        break;
    case SyncProgress::Pulling:
        m_stage = Pulling;
        break;
    case SyncProgress::SendingPhotos:
        m_stage = SendingPhotos;
        break;
    }
    emit progressChanged();
}

void SyncEngine::onFinished(const SyncReport &report)
{
    m_running = false;
    m_progress = {};
    m_stage = NotSyncing;
    emit progressChanged();
    setPending(report.pendingCount, report.pendingPhotoBytes);
    if (report.outcome != SyncReport::Failed || !report.serverAddress.isEmpty())
        setServerAddress(report.serverAddress);
    switch (report.outcome) {
    case SyncReport::Succeeded:
        m_state = Idle;
        m_lastSuccess = QDateTime::currentDateTime();
        m_lastError.clear();
        m_lastErrorCode.clear();
        m_lastErrorArgs.clear();
        break;
    case SyncReport::NoServer:
    case SyncReport::Unreachable:
        m_state = Offline;
        m_lastError = report.error;
        m_lastErrorCode = report.errorCode;
        m_lastErrorArgs = report.errorArgs;
        break;
    case SyncReport::Failed:
        m_state = Error;
        m_lastError = report.error;
        m_lastErrorCode = report.errorCode;
        m_lastErrorArgs = report.errorArgs;
        break;
    }
    m_scheduler->syncFinished(report.outcome);
    emit stateChanged();
    if (report.publicPhotosChanged)
        emit publicPhotosChanged();
    emit finished(report.outcome == SyncReport::Succeeded, report.pushed, report.pulled);
    if (report.catalogChanged)
        emit catalogChanged();
    if (m_again) {
        m_again = false;
        start();
    }
}

void SyncEngine::onCounted(const SyncReport &report)
{
    setPending(report.pendingCount,
               report.pendingPhotoBytes < 0 ? m_pendingPhotoBytes : report.pendingPhotoBytes);
}

void SyncEngine::onProbeDue()
{
    if (m_running || m_probing)
        return;
    m_probing = true;
    const int timeoutMs = m_options.probeTimeoutMs;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, timeoutMs] { worker->probe(timeoutMs); },
        Qt::QueuedConnection);
}

void SyncEngine::setServerAddress(const QString &address)
{
    if (address == m_serverAddress)
        return;
    m_serverAddress = address;
    emit serverChanged();
}

void SyncEngine::setPendingCount(int count)
{
    setPending(count, m_pendingPhotoBytes);
}

void SyncEngine::setPending(int count, qint64 photoBytes)
{
    if (count == m_pendingCount && photoBytes == m_pendingPhotoBytes)
        return;
    m_pendingCount = count;
    m_pendingPhotoBytes = photoBytes;
    emit pendingCountChanged();
}
