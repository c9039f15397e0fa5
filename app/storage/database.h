#pragma once

#include <QSqlDatabase>
#include <QString>

// Opens the device's local SQLite store (WAL) and migrates it by PRAGMA user_version.
// One Database per thread: Qt SQL connections must stay on the thread that opened them.
class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum Checkpoints {
        AutomaticCheckpoints, // SQLite checkpoints inside a commit now and then
        ManualCheckpoints, // a WalCheckpointer does it on another thread
    };

    // Opens (creating if needed) and migrates to the newest schema. False with error() set
    // on failure; the file is then left as it was (each migration step is one transaction).
    bool open(const QString &path, Checkpoints checkpoints = AutomaticCheckpoints);
    void close();

    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }
    QString path() const { return m_path; }
    QString error() const { return m_error; }
    int schemaVersion() const;

    static int latestSchemaVersion();

    // After a checkpoint has copied everything back, the next write truncates a WAL that a
    // long sync let grow to this size (SQLite would otherwise keep the file as large as it got).
    static constexpr qint64 kWalSizeLimitBytes = 16 * 1024 * 1024;

private:
    bool migrate();

    QString m_name;
    QString m_path;
    QString m_error;
};
