#pragma once

#include "storage/database.h"

#include <QObject>
#include <memory>

class SyncTransport;

// Lives on the sync thread; owns that thread's connection to the store and the channel.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(const QString &databasePath, const QString &serverAddress,
               Database::Checkpoints checkpoints);
    ~SyncWorker() override;

public slots:
    void run();

signals:
    void finished(bool ok, int pushed, int pulled, int pending, const QString &error);

private:
    QString m_databasePath;
    QString m_serverAddress;
    Database::Checkpoints m_checkpoints;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SyncTransport> m_transport;
};
