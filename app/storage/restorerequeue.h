#pragma once

#include <QSqlDatabase>
#include <QString>

// After the server's history changed (restored from a backup): what this device sent goes
// out again.
class RestoreRequeue {
public:
    explicit RestoreRequeue(QSqlDatabase db) : m_db(db) { }

    // Queues every revision this device submitted again, with its original op id, then the
    // decisions the server had acknowledged from the reviewer logged in here
    // (ReviewRepository::requeueAcknowledged) and the ledger's events and sign-offs
    // (ProblemRepository::requeueAcknowledged), and pulls from the start of the new epoch, in
    // one transaction. Returns how many revisions were queued (*decisions: how many
    // decisions and ledger ops), -1 on error.
    int requeueOwnRevisions(const QString &deviceId, const QString &newEpoch,
                            int *decisions = nullptr);

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
