#include "searchindexer.h"

#include "database.h"
#include "searchindex.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Lives on the indexer's thread and owns that thread's connection.
class SearchIndexWorker : public QObject {
public:
    explicit SearchIndexWorker(const QString &path) : m_path(path) { }

    void catchUp()
    {
        // Opened here, on the thread that uses it; the store is migrated by then.
        if (!m_db.connection().isOpen() && !m_db.open(m_path)) {
            qCWarning(lcStore) << "search index:" << m_db.error();
            return;
        }
        QSqlDatabase db = m_db.connection();
        QString error;
        int indexed = 0;
        int indexedNow = 0;
        do {
            indexed = SearchIndex::indexPending(db, SearchIndexer::kBatch, &error);
            indexedNow += std::max(indexed, 0);
        } while (indexed == SearchIndexer::kBatch
                 && !QThread::currentThread()->isInterruptionRequested());
        m_indexedSinceCheck = m_indexedSinceCheck || indexedNow > 0;
        // A busy index is tried again at the next tick; searches stay exact meanwhile.
        if (indexed < 0) {
            qCWarning(lcStore) << "search index:" << error;
            return;
        }
        // Is the index mostly entries of changed or deleted texts? Counting the live ones reads
        // every search text's row id: only once idle again after new entries came (not during
        // a pull, page after page), and at most every kMinutesBetweenChecks.
        if (m_indexedSinceCheck && indexedNow == 0
            && (!m_sinceCheck.isValid()
                || m_sinceCheck.hasExpired(kMinutesBetweenChecks * 60000))) {
            m_indexedSinceCheck = false;
            m_sinceCheck.start();
            if (!SearchIndex::clearIfMostlyStale(db, &error))
                qCWarning(lcStore) << "search index:" << error;
        }
    }

    // Set while a woken catch-up waits in the thread's queue.
    std::atomic<bool> woken {false};

private:
    QString m_path;
    Database m_db;
    bool m_indexedSinceCheck = false;
    QElapsedTimer m_sinceCheck;
    static constexpr int kMinutesBetweenChecks = 10;
};

SearchIndexer::SearchIndexer(const QString &databasePath, int intervalMs, QObject *parent)
    : QObject(parent), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("qs-search-index"));
    auto *worker = m_worker = new SearchIndexWorker(databasePath);
    auto *timer = new QTimer(worker);
    timer->setInterval(intervalMs);
    worker->moveToThread(m_thread);
    connect(timer, &QTimer::timeout, worker, [worker] { worker->catchUp(); });
    connect(m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

void SearchIndexer::wake()
{
    if (m_worker->woken.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->woken = false;
            worker->catchUp();
        },
        Qt::QueuedConnection);
}

SearchIndexer::~SearchIndexer()
{
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
}
