#pragma once

#include "pulledpage.h"
#include "recordwriter.h"

#include <QSqlDatabase>

// Stores a page pulled from the server: its records, decisions, photo arrivals, withdrawals
// and ledger changes with the new cursor, in one transaction. Each problem a page touches is
// folded again from its stored events in server order; this device's own events not numbered
// yet stay applied after them.
class PulledPageWriter {
public:
    explicit PulledPageWriter(QSqlDatabase db) : m_db(db), m_records(db) { }

    // A record with unsent local edits keeps them: its own outbox entry goes out next.
    bool apply(const PulledPage &page);

    QString lastError() const { return m_error; }

private:
    bool removeWithdrawn(const QString &recordId);
    bool storeLedger(const PulledPage &page);

    QSqlDatabase m_db;
    QString m_error;
    RecordWriter m_records; // kept across pages: its statements stay prepared

    // A long pull's log is copied back at this size (a page of 1,000 records writes 2–15 MB).
    static constexpr qint64 kLogBytesBeforeCheckpoint = 256 * 1024 * 1024;
};
