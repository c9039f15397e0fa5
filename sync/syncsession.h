#pragma once

#include <QSqlDatabase>
#include <QString>

class SyncTransport;

struct SyncResult {
    bool ok = false;
    int pushed = 0; // outbox entries the server acknowledged
    int pulled = 0; // changes stored from the server
    bool needsLogin = false; // the server did not accept this device's token
    int requeued = 0; // revisions sent again because the server's history changed
    QString error;
};

// One sync of a local store: push the whole outbox, then pull every page since the cursor.
// If the server's history changed (restored from a backup), queue this device's own
// revisions again, push them and pull from the start. Blocking; run it on the thread that
// owns the connection.
class SyncSession {
public:
    SyncSession(QSqlDatabase db, SyncTransport &transport) : m_db(db), m_transport(transport) { }

    SyncResult run();
    bool pushOutbox(SyncResult *result);
    bool pullChanges(SyncResult *result);

    static constexpr int kPushBatch = 2000;
    static constexpr int kPullPage = 1000;

private:
    bool useStoredToken(SyncResult *result);
    bool failed(SyncResult *result);

    QSqlDatabase m_db;
    SyncTransport &m_transport;
    bool m_epochChanged = false;
};
