#pragma once

#include "backoffpolicy.h"
#include "storage/database.h"
#include "syncprogress.h"
#include "syncreport.h"
#include "syncscheduler.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

class NetworkWatch;
class QThread;
class SyncWorker;

struct SyncEngineOptions {
    QString databasePath;
    // HOST:PORT to sync with instead of the server the store names (--server: development,
    // tests, scripts); empty: the store's, read before every sync.
    QString serverAddress;
    QString photoDirectory; // the PhotoStore's root, for pending photo bytes; empty: none
    // ManualCheckpoints when a WalCheckpointer runs for the store: then a pulled page never
    // pays for copying the log back inside its commit.
    Database::Checkpoints checkpoints = Database::AutomaticCheckpoints;
    SyncScheduler::Intervals intervals;
    BackoffPolicy::Params backoff;
    // false: act as if the system had no network information backend (probe instead).
    bool useNetworkInformation = true;
    int probeTimeoutMs = 3000;
    // A kiosk: never push or upload, only pull (and fetch the public copies' photos).
    bool readOnly = false;
};

// Runs syncs of one local store on a worker thread, one at a time, decides when (its
// SyncScheduler) and shows where things stand as properties.
class SyncEngine : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(qint64 pendingPhotoBytes READ pendingPhotoBytes NOTIFY pendingCountChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)
    // Why the last sync failed, for the user (the app words it: SyncErrorText); lastError is
    // the English detail for logs.
    Q_PROPERTY(QString lastErrorCode READ lastErrorCode NOTIFY stateChanged)
    Q_PROPERTY(QStringList lastErrorArgs READ lastErrorArgs NOTIFY stateChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY serverChanged)
    Q_PROPERTY(Stage stage READ stage NOTIFY progressChanged)
    Q_PROPERTY(int recordsDone READ recordsDone NOTIFY progressChanged)
    Q_PROPERTY(int recordsTotal READ recordsTotal NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesTotal READ bytesTotal NOTIFY progressChanged)
    Q_PROPERTY(QDateTime nextAttempt READ nextAttempt NOTIFY scheduleChanged)
    Q_PROPERTY(int consecutiveFailures READ consecutiveFailures NOTIFY scheduleChanged)
public:
    // Offline: no server configured, or none reachable at the network level.
    // Error: the server answered with a failure (or the local store failed).
    enum State { Idle, Syncing, Offline, Error };
    Q_ENUM(State)
    enum Stage { NotSyncing, Pushing, Pulling, SendingPhotos };
    Q_ENUM(Stage)

    explicit SyncEngine(const SyncEngineOptions &options, QObject *parent = nullptr);
    SyncEngine(const QString &databasePath, const QString &serverAddress,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    int pendingCount() const { return m_pendingCount; }
    qint64 pendingPhotoBytes() const { return m_pendingPhotoBytes; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    QString lastError() const { return m_lastError; }
    QString lastErrorCode() const { return m_lastErrorCode; }
    QStringList lastErrorArgs() const { return m_lastErrorArgs; }
    // The server syncs go to (the last sync's, or what setServerAddress said); empty: none.
    QString serverAddress() const { return m_serverAddress; }
    Stage stage() const { return m_stage; }
    int recordsDone() const { return m_progress.recordsDone; }
    int recordsTotal() const { return m_progress.recordsTotal; }
    qint64 bytesDone() const { return m_progress.bytesDone; }
    qint64 bytesTotal() const { return m_progress.bytesTotal; }
    QDateTime nextAttempt() const { return m_scheduler->nextAttempt(); }
    int consecutiveFailures() const { return m_scheduler->consecutiveFailures(); }
    const SyncScheduler &scheduler() const { return *m_scheduler; }
    // What the system says of the network (metered or not: the basemap fetcher asks).
    NetworkWatch *network() const { return m_network; }

    // The count the UI thread read from the store, shown until the sync thread reports its own.
    void setPendingCount(int count);
    // The server the UI thread read from the store (at start, after an enrolment), shown
    // until the next sync reports the one it used.
    void setServerAddress(const QString &address);

public slots:
    // The user asked: now (or right after the sync under way), whatever the backoff says.
    void syncNow();
    // After a submit or at start: now, unless a backoff is being waited out.
    void requestSync();
    // Counts again what waits (records and photo bytes), on the sync thread.
    void refreshPending();
    // Counts again the records that wait, on the sync thread; the photo bytes stay as they
    // were (reading them reads every queued record: not at start, beside the first frame).
    void refreshPendingRecords();

signals:
    void stateChanged();
    void pendingCountChanged();
    void progressChanged();
    void scheduleChanged();
    void serverChanged();
    // The sync thread began a sync.
    void syncStarted();
    // A sync ended; records pulled from the server may have changed the store.
    void finished(bool ok, int pushed, int pulled);
    // A sync stored new checklist template versions or reference regions: what lists them
    // reads them again (no restart needed).
    void catalogChanged();
    // Read-only: the photos of public copies on this device changed (fetched or removed),
    // even when no change was pulled (a photo that failed before arrived now).
    void publicPhotosChanged();

private:
    void start();
    void onStarted();
    void onProgress(const SyncProgress &progress);
    void onFinished(const SyncReport &report);
    void onCounted(const SyncReport &report);
    void onProbeDue();
    void setPending(int count, qint64 photoBytes);

    SyncEngineOptions m_options;
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    NetworkWatch *m_network = nullptr;
    SyncScheduler *m_scheduler = nullptr;
    State m_state = Idle;
    Stage m_stage = NotSyncing;
    SyncProgress m_progress;
    int m_pendingCount = 0;
    qint64 m_pendingPhotoBytes = 0;
    QDateTime m_lastSuccess;
    QString m_lastError;
    QString m_lastErrorCode;
    QStringList m_lastErrorArgs;
    QString m_serverAddress;
    bool m_running = false;
    bool m_again = false;
    bool m_probing = false;
};
