#pragma once

#include "syncprogress.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

class SyncTransport;

struct SyncResult {
    bool ok = false;
    int pushed = 0; // outbox entries the server acknowledged
    int pulled = 0; // changes stored from the server
    QString error;
};

// One sync of a local store: push the whole outbox, then pull every page since the cursor.
// Blocking; run it on the thread that owns the connection.
class SyncSession {
public:
    SyncSession(QSqlDatabase db, SyncTransport &transport) : m_db(db), m_transport(transport) { }

    SyncResult run();
    bool pushOutbox(SyncResult *result);
    bool pullChanges(SyncResult *result);

    // Called after every batch pushed and every page stored, on the session's thread.
    using ProgressCallback = std::function<void(const SyncProgress &)>;
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    static constexpr int kPushBatch = 2000;
    static constexpr int kPullPage = 1000;

private:
    QSqlDatabase m_db;
    SyncTransport &m_transport;
    ProgressCallback m_progress;
};
