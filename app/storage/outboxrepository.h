#pragma once

#include "domain/problem.h"
#include "domain/record.h"
#include "domain/review.h"
#include "historymark.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

struct OutboxEntry {
    qint64 clientSeq = 0;
    QString opId;
    Record record; // the record as it is now in the store (empty for a ledger op)
    std::optional<ReviewEvent> review; // set: the op carries this decision, not the record
    std::optional<ProblemEvent> problem; // set: the op carries this ledger event
    std::optional<LedgerSignoff> signoff; // set: the op carries this sign-off
};

// A decision the server refused for good (it does not know the record or revision).
struct SetAsideReview {
    QString opId;
    QString reviewId;
    QString recordId;
    QString error; // what happened, in English (logs; older rows' only words)
    QString errorCode; // why, for the user: a refusal code or a SyncErrorCode (empty: none)
    QStringList errorArgs;
};

// The device's queue of changes the server has not acknowledged yet.
class OutboxRepository {
public:
    explicit OutboxRepository(QSqlDatabase db) : m_db(db) { }

    // The oldest entries queued after afterClientSeq, at most max of them.
    QList<OutboxEntry> peek(int max, qint64 afterClientSeq = 0) const;
    int pendingCount() const;
    // The server holds everything up to ackedClientSeq: drop those entries and mark their
    // records synced, in one transaction.
    // serverHead: where the server's history stood once it held them (PushResponse.head), kept
    // as the device's known mark in the same transaction when it is further.
    bool acknowledge(qint64 ackedClientSeq, const HistoryMark &serverHead = {});

    // Takes a refused decision, ledger event or sign-off out of the queue, keeping it and the
    // error for the UI (a ledger event's problem is folded again without it).
    bool setAside(qint64 clientSeq, const QString &error, const QString &errorCode = {},
                  const QStringList &errorArgs = {});
    QList<SetAsideReview> setAsideReviews() const;

    QString lastError() const { return m_error; }

private:
    bool setAsideLedgerOp(const QString &problemEventId, const QString &signoffId,
                          const QString &errorCode, const QStringList &errorArgs);

    QSqlDatabase m_db;
    mutable QString m_error;
};
