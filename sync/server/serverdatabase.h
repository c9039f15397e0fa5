#pragma once

#include <QSqlDatabase>
#include <QString>
#include <mutex>

// The server's SQLite file (WAL): migrations by PRAGMA user_version, one connection per
// thread, one writer at a time, and the epoch that names this file's history.
class ServerDatabase {
public:
    ServerDatabase() = default;
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    // Opens or creates the file and migrates it. A file that is older than the history the
    // server last served from this path (restored from a backup) gets a new epoch.
    bool open(const QString &path);

    // The calling thread's connection.
    QSqlDatabase connection();
    // Held by every write transaction: SQLite has one writer anyway, and server_seq is
    // assigned in order under it.
    std::mutex &writeMutex() { return m_writeMutex; }

    QString path() const { return m_path; }
    QString epoch() const { return m_epoch; }
    QString error() const { return m_error; }
    bool restoredFromOlderCopy() const { return m_restored; }

    // Under writeMutex: the last server_seq given out, and its record after a commit.
    qint64 lastSeq() const { return m_lastSeq; }
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }
    void noteCommitted();

    static int latestSchemaVersion();

private:
    bool migrate(QSqlDatabase &db);
    bool loadMeta(QSqlDatabase &db);
    QString highWaterPath() const { return m_path + QStringLiteral(".highwater"); }

    QString m_path;
    QString m_epoch;
    QString m_error;
    QString m_connectionPrefix;
    qint64 m_lastSeq = 0;
    bool m_restored = false;
    std::mutex m_writeMutex;
};
