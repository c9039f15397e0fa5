#pragma once

#include "domain/problem.h"
#include "domain/problemledger.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// An event or sign-off the server refused for good: kept as it was made, with why (a refusal
// code and its args, docs/sync.md "Refusal codes"), for the UI. Never deleted.
struct SetAsideProblemEvent {
    ProblemEvent event;
    QString refusalCode;
    QStringList refusalArgs;
    qint64 setAsideAtMs = 0;
};

struct SetAsideSignoff {
    LedgerSignoff signoff;
    QString refusalCode;
    QStringList refusalArgs;
    qint64 setAsideAtMs = 0;
};

// The rectification ledger on this device (schema 16). An event made here is stored, folded
// into its problem and queued for the server in one transaction; pulled events are stored by
// PulledPageWriter, which re-folds each problem they touch (refold()). A problem is the fold
// of its events in server order, then this device's own not numbered yet, as made; events
// the server set aside are kept but no longer folded.
class ProblemRepository {
public:
    explicit ProblemRepository(QSqlDatabase db) : m_db(db) { }

    // An event made on this device, queued with its photos (blob_outbox). Its id and time are
    // made here when empty; its baseServerSeq is the problem's lastServerSeq now. Refused (false,
    // refusal() says why) when the store already decides: a Raise of a problem it holds
    // (problem_exists), another action on one it does not (problem_unknown), a missing field
    // (problem_event_invalid).
    bool record(const ProblemEvent &event);
    // The problem with its history; none when this device holds no such problem.
    std::optional<Problem> problem(const QString &id) const;

    // 待整改, 整改中, 退回重改 / 待复查 without a passed re-check, in scope (county, township or
    // village codes; none: all): overdue first, then by deadline (none last), then raised.
    // nowMs 0: the clock now. Without their history.
    QList<Problem> toFix(const QStringList &scopeCodes, qint64 nowMs = 0) const;
    QList<Problem> toRecheck(const QStringList &scopeCodes, qint64 nowMs = 0) const;
    // The problems raised on a record (any state), oldest first, without their history.
    QList<Problem> ofRecord(const QString &recordId) const;
    int countToFix(const QStringList &scopeCodes) const;
    int countToRecheck(const QStringList &scopeCodes) const;
    // The problems with a step made here that the server has not numbered yet (nor set
    // aside): lists read without history mark them as waiting to be sent.
    QSet<QString> withUnsentEvents() const;

    // A sign-off made here: stored and queued in one transaction (id and time made when empty).
    bool recordSignoff(const LedgerSignoff &signoff);
    // The township's sign-offs: numbered by the server in its order, then those made here.
    QList<LedgerSignoff> signoffs(const QString &townshipCode) const;

    QList<SetAsideProblemEvent> setAside() const;
    QList<SetAsideSignoff> setAsideSignoffs() const;

    // Folds the problem again from its stored events and stores the result (removes it when
    // no event is left to fold, e.g. its Raise was set aside). Writes inside the caller's
    // transaction.
    bool refold(const QString &problemId);
    // Writes a pulled event (or this device's own coming back numbered), inside the caller's
    // transaction; the caller re-folds.
    bool storePulled(const ProblemEvent &event);
    bool storePulledSignoff(const LedgerSignoff &signoff);

    // The server's history changed (restored from a backup): queues again, in the order the
    // server first took them, the ledger events and sign-offs it had acknowledged from this
    // user (the name it stamped, or none yet: pushed from here and not pulled back), as
    // ReviewRepository::requeueAcknowledged does for decisions. Writes inside the caller's
    // transaction. Returns how many, -1 on error.
    int requeueAcknowledged(const QString &user);

    LedgerRefusal refusal() const { return m_refusal; }
    QString lastError() const { return m_error; }

private:
    bool refuse(const char *code, const QStringList &args);
    QList<Problem> listed(const QString &stateCondition, const QStringList &scopeCodes,
                          qint64 nowMs) const;
    int counted(const QString &stateCondition, const QStringList &scopeCodes) const;

    QSqlDatabase m_db;
    LedgerRefusal m_refusal;
    mutable QString m_error;
};
