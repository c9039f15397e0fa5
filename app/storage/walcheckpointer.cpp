#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Lives on the checkpoint thread and owns that thread's connection.
class CheckpointWork : public ThreadWork {
public:
    explicit CheckpointWork(const QString &path) : m_path(path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("qs-checkpoint-%1").arg(counter.fetchAndAddRelaxed(1));
    }
    ~CheckpointWork() override
    {
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

    void run() override
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

private:
    QString m_path;
    QString m_name;
};

WalCheckpointer::WalCheckpointer(const QString &databasePath, int intervalMs)
    : m_thread(QStringLiteral("qs-checkpoint"), new CheckpointWork(databasePath), intervalMs)
{
}
