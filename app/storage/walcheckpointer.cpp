#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Lives on the checkpoint thread and owns that thread's connection.
class CheckpointWorker : public QObject {
public:
    explicit CheckpointWorker(const QString &path) : m_path(path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("qs-checkpoint-%1").arg(counter.fetchAndAddRelaxed(1));
    }
    ~CheckpointWorker() override
    {
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

    void checkpoint()
    {
        if (!QSqlDatabase::contains(m_name)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
            db.open();
        }
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        // PASSIVE: copies what it can without waiting for, or blocking, readers and writers.
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcStore) << "checkpoint failed:" << q.lastError().text();
    }

    // Set while a woken checkpoint waits in the thread's queue.
    std::atomic<bool> woken {false};

private:
    QString m_path;
    QString m_name;
};

WalCheckpointer::WalCheckpointer(const QString &databasePath, int intervalMs, QObject *parent)
    : QObject(parent), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("qs-checkpoint"));
    auto *worker = m_worker = new CheckpointWorker(databasePath);
    auto *timer = new QTimer(worker);
    timer->setInterval(intervalMs);
    worker->moveToThread(m_thread);
    connect(timer, &QTimer::timeout, worker, [worker] { worker->checkpoint(); });
    connect(m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

void WalCheckpointer::wake()
{
    if (m_worker->woken.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->woken = false;
            worker->checkpoint();
        },
        Qt::QueuedConnection);
}

WalCheckpointer::~WalCheckpointer()
{
    m_thread->quit();
    m_thread->wait();
}
