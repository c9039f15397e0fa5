#pragma once

#include "storage/database.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class QThread;
class SyncWorker;

// Runs syncs of one local store on a worker thread, one at a time, and shows where things
// stand as properties. *When* to sync is decided by the caller (after submit, by a button).
class SyncEngine : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress CONSTANT)
public:
    enum State { Idle, Syncing, Offline, Error };
    Q_ENUM(State)

    // ManualCheckpoints when a WalCheckpointer runs for the store: then a pulled page never
    // pays for copying the log back inside its commit.
    SyncEngine(const QString &databasePath, const QString &serverAddress,
               Database::Checkpoints checkpoints = Database::AutomaticCheckpoints,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    int pendingCount() const { return m_pendingCount; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    QString lastError() const { return m_lastError; }
    QString serverAddress() const { return m_serverAddress; }

    // The count the UI thread read from the store, shown until the next sync reports its own.
    void setPendingCount(int count);

public slots:
    // Starts a sync now, or right after the one under way.
    void syncNow();

signals:
    void stateChanged();
    void pendingCountChanged();
    // A sync ended; records pulled from the server may have changed the store.
    void finished(bool ok, int pushed, int pulled);

private:
    void onWorkerFinished(bool ok, int pushed, int pulled, int pending, const QString &error);

    QString m_databasePath;
    QString m_serverAddress;
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    State m_state = Idle;
    int m_pendingCount = 0;
    QDateTime m_lastSuccess;
    QString m_lastError;
    bool m_running = false;
    bool m_again = false;
};
