#pragma once

#include <QSqlDatabase>
#include <QString>
#include <mutex>

// The server's SQLite file (WAL): migrations by PRAGMA user_version, one connection per
// thread, one writer at a time, and the epoch that names this server's history. A restored
// copy keeps the epoch; the changes' fingerprints tell its history apart (docs/sync.md).
class ServerDatabase {
public:
    ServerDatabase() = default;
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    // Opens or creates the file and migrates it.
    bool open(const QString &path);

    // The calling thread's connection.
    QSqlDatabase connection();
    // Held by every write transaction: SQLite has one writer anyway, and server_seq is
    // assigned in order under it.
    std::mutex &writeMutex() { return m_writeMutex; }

    QString path() const { return m_path; }
    QString epoch() const { return m_epoch; }
    QString error() const { return m_error; }

    // Under writeMutex: the last server_seq given out.
    qint64 lastSeq() const { return m_lastSeq; }
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }

    static int latestSchemaVersion();

private:
    bool migrate(QSqlDatabase &db);
    bool loadMeta(QSqlDatabase &db);

    QString m_path;
    QString m_epoch;
    QString m_error;
    QString m_connectionPrefix;
    qint64 m_lastSeq = 0;
    std::mutex m_writeMutex;
};
