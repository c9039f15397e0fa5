#include "workerthread.h"

#include <QTimer>

WorkerThread::WorkerThread(const QString &name, ThreadWork *work, int intervalMs) : m_work(work)
{
    m_thread.setObjectName(name);
    auto *timer = new QTimer(work);
    timer->setInterval(intervalMs);
    work->moveToThread(&m_thread);
    QObject::connect(timer, &QTimer::timeout, work, [work] { work->run(); });
    QObject::connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    QObject::connect(&m_thread, &QThread::finished, work, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

void WorkerThread::wake()
{
    if (m_woken.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_work,
        [this] {
            m_woken = false;
            m_work->run();
        },
        Qt::QueuedConnection);
}

WorkerThread::~WorkerThread()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}
