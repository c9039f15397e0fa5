#include "searchindexer.h"

#include "searchindex.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace {

// Lives on the indexer's thread and owns that thread's connection.
class IndexWorker : public QObject {
public:
    explicit IndexWorker(const QString &path) : m_path(path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("qs-search-index-%1").arg(counter.fetchAndAddRelaxed(1));
    }
    ~IndexWorker() override
    {
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

    void catchUp()
    {
        if (!QSqlDatabase::contains(m_name)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            db.open();
        }
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QString error;
        int indexed = 0;
        do {
            indexed = SearchIndex::indexPending(db, SearchIndexer::kBatch, &error);
        } while (indexed == SearchIndexer::kBatch
                 && !QThread::currentThread()->isInterruptionRequested());
        // A busy store is tried again at the next tick; searches stay exact meanwhile.
        if (indexed < 0)
            qCWarning(lcStore) << "search index:" << error;
    }

private:
    QString m_path;
    QString m_name;
};

} // namespace

SearchIndexer::SearchIndexer(const QString &databasePath, int intervalMs, QObject *parent)
    : QObject(parent), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("qs-search-index"));
    auto *worker = new IndexWorker(databasePath);
    auto *timer = new QTimer(worker);
    timer->setInterval(intervalMs);
    worker->moveToThread(m_thread);
    connect(timer, &QTimer::timeout, worker, [worker] { worker->catchUp(); });
    connect(m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

SearchIndexer::~SearchIndexer()
{
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
}
