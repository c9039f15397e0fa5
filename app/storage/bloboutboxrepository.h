#pragma once

#include <QSqlDatabase>
#include <QStringList>

// The device's queue of photos (by SHA-256) that the server does not hold yet. Rows come
// with the submit of the record that refers to them and leave when the server says the
// blob is complete, so a photo is never sent after the server has it.
class BlobOutboxRepository {
public:
    explicit BlobOutboxRepository(QSqlDatabase db) : m_db(db) { }

    // Queues them (once each). Runs inside the caller's transaction: RecordRepository::submit
    // queues a record's photos with the record.
    bool enqueue(const QStringList &sha256s);
    // Queues every photo of this device's submitted records (after the server's history
    // changed), in the caller's transaction.
    bool enqueueOwnPhotos(const QString &deviceId);
    // Oldest first.
    QStringList pending() const;
    int pendingCount() const;
    // The server holds these whole and verified.
    bool remove(const QStringList &sha256s);

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
