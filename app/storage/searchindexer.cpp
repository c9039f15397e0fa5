#include "searchindexer.h"

#include "database.h"
#include "searchindex.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QThread>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Lives on the indexer's thread and owns that thread's connection.
class SearchIndexWork : public ThreadWork {
public:
    explicit SearchIndexWork(const QString &path) : m_path(path) { }

    void run() override
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

private:
    QString m_path;
    Database m_db;
    bool m_indexedSinceCheck = false;
    QElapsedTimer m_sinceCheck;
    static constexpr int kMinutesBetweenChecks = 10;
};

SearchIndexer::SearchIndexer(const QString &databasePath, int intervalMs)
    : m_thread(QStringLiteral("qs-search-index"), new SearchIndexWork(databasePath), intervalMs)
{
}
