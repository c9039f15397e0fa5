#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// One sync attempt as the settings page lists it.
struct SyncLogEntry {
    enum Outcome { Succeeded, Offline, Failed };

    qint64 id = 0;
    qint64 startedAtMs = 0; // ms since the epoch, UTC
    qint64 durationMs = 0;
    Outcome outcome = Succeeded;
    QString server; // HOST:PORT the attempt went to (empty: none configured)
    int pushed = 0; // outbox entries the server acknowledged
    int pulled = 0; // changes stored from the server
    int photosSent = 0;
    int photosReceived = 0;
    // Why it failed, as a code and its arguments (a server refusal's, or one of the local
    // codes in controllers/syncerrortext.h), worded when shown; detail is the message as
    // it was, for logs and for a code this version does not know.
    QString errorCode;
    QStringList errorArgs;
    QString errorDetail;
};

// The device's log of its last sync attempts (schema 11): the sync worker appends one after
// each attempt, the settings page reads them.
class SyncLogRepository {
public:
    explicit SyncLogRepository(QSqlDatabase db) : m_db(db) { }

    // Keeps the newest kKept entries: append() drops the older ones in its transaction.
    static constexpr int kKept = 50;

    // Stores the attempt, trims the log and, for a success, remembers its end as the last
    // successful sync: one transaction.
    bool append(const SyncLogEntry &entry);
    // Newest first.
    QList<SyncLogEntry> latest(int max = kKept) const;
    // When the last successful sync ended (ms since the epoch, UTC); 0: never. Kept apart
    // from the log, so fifty failures in a row do not forget it.
    qint64 lastSuccessMs() const;

    static constexpr const char *kLastSuccessKey = "last_sync_success_ms";

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
