#include "syncengine.h"

#include "syncworker.h"

#include <QThread>

SyncEngine::SyncEngine(const QString &databasePath, const QString &serverAddress,
                       Database::Checkpoints checkpoints, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
    , m_serverAddress(serverAddress)
    , m_thread(new QThread(this))
    , m_worker(new SyncWorker(databasePath, serverAddress, checkpoints))
{
    m_thread->setObjectName(QStringLiteral("qs-sync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::finished, this, &SyncEngine::onWorkerFinished);
    m_thread->start();
}

SyncEngine::~SyncEngine()
{
    m_thread->quit();
    m_thread->wait();
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_state = Syncing;
    emit stateChanged();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::run, Qt::QueuedConnection);
}

void SyncEngine::onWorkerFinished(bool ok, int pushed, int pulled, int pending,
                                  const QString &error)
{
    m_running = false;
    setPendingCount(pending);
    if (ok) {
        m_state = Idle;
        m_lastSuccess = QDateTime::currentDateTime();
        m_lastError.clear();
    } else {
        m_state = m_serverAddress.isEmpty() ? Offline : Error;
        m_lastError = error;
    }
    emit stateChanged();
    emit finished(ok, pushed, pulled);
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

void SyncEngine::setPendingCount(int count)
{
    if (count == m_pendingCount)
        return;
    m_pendingCount = count;
    emit pendingCountChanged();
}
