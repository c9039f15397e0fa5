#pragma once

#include "storage/database.h"
#include "syncprogress.h"
#include "syncreport.h"

#include <QObject>
#include <memory>

class SyncTransport;

// Lives on the sync thread; owns that thread's connection to the store and the channel.
// Everything it tells the engine goes by queued signals.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(const QString &databasePath, const QString &serverAddress,
               const QString &photoDirectory, Database::Checkpoints checkpoints);
    ~SyncWorker() override;
    // Before the thread starts: syncs only pull (SyncSession::setReadOnly).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

public slots:
    // One sync: push the outbox, pull what is new.
    void run();
    // Counts what waits, without syncing.
    void count();
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

    QString m_databasePath;
    QString m_serverAddress;
    QString m_photoDirectory;
    Database::Checkpoints m_checkpoints;
    bool m_readOnly = false;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SyncTransport> m_transport;
};
