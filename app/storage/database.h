#pragma once

#include <QSqlDatabase>
#include <QString>

// Opens the device's local SQLite store (WAL), migrates it by PRAGMA user_version and
// attaches the full-text index's file beside it (SearchIndexFile).
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

    enum SearchIndexUse {
        WithSearchIndex, // searches or indexes: the index's file is attached as "search"
        // Only writes the store (the sync thread). Every BEGIN IMMEDIATE takes the write lock
        // of each attached file too: with the index attached, a pull would stop the indexer.
        StoreOnly,
    };

    // Opens (creating if needed) and migrates to the newest schema. False with error() set
    // on failure; the file is then left as it was (each migration step is one transaction).
    bool open(const QString &path, Checkpoints checkpoints = AutomaticCheckpoints,
              SearchIndexUse searchIndex = WithSearchIndex);
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
