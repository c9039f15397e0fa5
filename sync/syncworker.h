#pragma once

#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "syncprogress.h"
#include "syncreport.h"

#include <QObject>
#include <memory>

class SyncTransport;
struct SyncResult;

// Lives on the sync thread; owns that thread's connection to the store and the channel.
// Everything it tells the engine goes by queued signals. The server is the one the store
// names (enrolment), read again before every sync, so that a server set or changed while
// the app runs is used from the next sync on; an override address (--server) replaces it.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(const QString &databasePath, const QString &overrideAddress,
               const QString &photoDirectory, Database::Checkpoints checkpoints);
    ~SyncWorker() override;
    // Before the thread starts: syncs only pull (SyncSession::setReadOnly).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

public slots:
    // One sync: push the outbox, pull what is new. Logged in the store's sync log.
    void run();
    // Counts what waits, without syncing.
    void count();
    // Counts the records that wait only; the report's photo bytes are -1 (not counted).
    void countRecords();
    // Whether the server's address takes a TCP connection.
    void probe(int timeoutMs);

signals:
    void started();
    void progressed(const SyncProgress &progress);
    void finished(const SyncReport &report);
    void counted(const SyncReport &report);
    void probed(bool reachable);

private:
    bool openStore(SyncReport *report);
    void addPending(SyncReport *report);
    void sync(const SyncServer &server, SyncReport *report);
    void explainFailure(const SyncResult &result, SyncReport *report) const;
    void log(const SyncReport &report, qint64 startedAtMs, qint64 durationMs);

    QString m_databasePath;
    QString m_overrideAddress;
    QString m_photoDirectory;
    Database::Checkpoints m_checkpoints;
    bool m_readOnly = false;
    std::unique_ptr<Database> m_db;
    SyncServer m_server; // the one m_transport talks to
    std::unique_ptr<SyncTransport> m_transport;
};
