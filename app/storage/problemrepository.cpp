#include "problemrepository.h"

#include "bloboutboxrepository.h"
#include "domain/timeorderedid.h"
#include "problemscopesql.h"
#include "sqlproblem.h"
#include "transaction.h"

#include <QDateTime>
#include <QSqlError>

namespace {

// 待整改, 整改中, 退回重改; 待复查 not yet passed on re-check.
const char *const kToFixStates = "p.state IN (1, 2, 5)";
const char *const kToRecheckStates = "p.state = 3 AND p.recheck_passed = 0";

} // namespace

bool ProblemRepository::refuse(const char *code, const QStringList &args)
{
    m_refusal = {QLatin1String(code), args};
    m_error = QStringLiteral("%1 %2").arg(QLatin1String(code), args.join(QLatin1Char(' ')));
    return false;
}

bool ProblemRepository::record(const ProblemEvent &event)
{
    m_refusal = {};
    m_error.clear();
    ProblemEvent e = event;
    if (e.problemId.isEmpty())
        return refuse("problem_event_invalid", {QStringLiteral("problem_id")});
    if (e.id.isEmpty())
        e.id = TimeOrderedId::create();
    if (e.createdAtMs == 0)
        e.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    // The server names the author and numbers the event.
    e.author.clear();
    e.serverSeq = 0;
    e.receivedAtMs = 0;
    e.conflictWithServerSeq = 0;
    e.ledgerMonth.clear();

    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT last_server_seq FROM problem WHERE id = ?"));
    q.addBindValue(e.problemId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    const bool exists = q.next();
    if (e.action == ProblemAction::Raise && exists)
        return refuse("problem_exists", {e.problemId});
    if (e.action != ProblemAction::Raise && !exists)
        return refuse("problem_unknown", {e.problemId});
    e.baseServerSeq = exists ? q.value(0).toLongLong() : 0;

    if (!q.exec(QStringLiteral("SELECT coalesce(max(local_order), 0) + 1 FROM problem_event "
                               "WHERE local_order > 0"))
        || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    const qint64 localOrder = q.value(0).toLongLong();
    if (!writeProblemEvent(q, e, localOrder)) {
        m_error
            = QStringLiteral("cannot store problem event %1: %2").arg(e.id, q.lastError().text());
        return false;
    }
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, problem_event_id, created_at_ms) VALUES (?,?,?)"));
    q.addBindValue(TimeOrderedId::create());
    q.addBindValue(e.id);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_error
            = QStringLiteral("cannot queue problem event %1: %2").arg(e.id, q.lastError().text());
        return false;
    }
    // Its photos (a Raise's before, a fix's after) go with it, as a record's do.
    BlobOutboxRepository photos(m_db);
    if (!photos.enqueue(e.photos)) {
        m_error = photos.lastError();
        return false;
    }
    if (!refold(e.problemId))
        return false;
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit problem event %1").arg(e.id);
        return false;
    }
    return true;
}

bool ProblemRepository::refold(const QString &problemId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Server order; this device's own not numbered yet after them, as made. Set aside: out.
    q.prepare(QStringLiteral("SELECT %1 FROM problem_event e WHERE e.problem_id = ? "
                             "AND e.set_aside_at_ms = 0 "
                             "ORDER BY e.server_seq = 0, e.server_seq, e.local_order")
                  .arg(QLatin1String(kProblemEventColumns)));
    q.addBindValue(problemId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    QList<ProblemEvent> events;
    bool raised = false;
    while (q.next()) {
        events << readProblemEvent(q);
        raised = raised || events.constLast().action == ProblemAction::Raise;
    }
    QSqlQuery w(m_db);
    if (!raised) {
        // Nothing to fold (its Raise refused, or not pulled yet): no problem to show.
        w.prepare(QStringLiteral("DELETE FROM problem WHERE id = ?"));
        w.addBindValue(problemId);
        if (!w.exec()) {
            m_error = w.lastError().text();
            return false;
        }
        return true;
    }
    const Problem p = ProblemLedger::fold(events);
    if (!writeProblem(w, p)) {
        m_error
            = QStringLiteral("cannot store problem %1: %2").arg(problemId, w.lastError().text());
        return false;
    }
    return true;
}

bool ProblemRepository::storePulled(const ProblemEvent &event)
{
    QSqlQuery q(m_db);
    if (!writeProblemEvent(q, event)) {
        m_error = QStringLiteral("cannot store problem event %1: %2")
                      .arg(event.id, q.lastError().text());
        return false;
    }
    return true;
}

bool ProblemRepository::storePulledSignoff(const LedgerSignoff &signoff)
{
    QSqlQuery q(m_db);
    if (!writeSignoff(q, signoff)) {
        m_error
            = QStringLiteral("cannot store sign-off %1: %2").arg(signoff.id, q.lastError().text());
        return false;
    }
    return true;
}

std::optional<Problem> ProblemRepository::problem(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM problem p WHERE p.id = ?")
                  .arg(QLatin1String(kProblemColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Problem p = readProblem(q);
    q.prepare(QStringLiteral("SELECT %1 FROM problem_event e WHERE e.problem_id = ? "
                             "AND e.set_aside_at_ms = 0 "
                             "ORDER BY e.server_seq = 0, e.server_seq, e.local_order")
                  .arg(QLatin1String(kProblemEventColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    while (q.next())
        p.history << readProblemEvent(q);
    return p;
}

QList<Problem> ProblemRepository::listed(const QString &stateCondition,
                                         const QStringList &scopeCodes, qint64 nowMs) const
{
    QList<Problem> out;
    QVariantList binds;
    const QString scope = problemScopeCondition(scopeCodes, &binds);
    const QString order
        = problemOrder(nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch(), &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM problem p WHERE %2 AND %3 ORDER BY %4")
                  .arg(QLatin1String(kProblemColumns), stateCondition, scope, order));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << readProblem(q);
    return out;
}

QList<Problem> ProblemRepository::ofRecord(const QString &recordId) const
{
    QList<Problem> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM problem p WHERE p.record_id = ? ORDER BY p.raised_at_ms")
            .arg(QLatin1String(kProblemColumns)));
    q.addBindValue(recordId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << readProblem(q);
    return out;
}

int ProblemRepository::counted(const QString &stateCondition, const QStringList &scopeCodes) const
{
    QVariantList binds;
    const QString scope = problemScopeCondition(scopeCodes, &binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM problem p WHERE %1 AND %2")
                  .arg(stateCondition, scope));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.value(0).toInt();
}

QList<Problem> ProblemRepository::toFix(const QStringList &scopeCodes, qint64 nowMs) const
{
    return listed(QLatin1String(kToFixStates), scopeCodes, nowMs);
}

QList<Problem> ProblemRepository::toRecheck(const QStringList &scopeCodes, qint64 nowMs) const
{
    return listed(QLatin1String(kToRecheckStates), scopeCodes, nowMs);
}

int ProblemRepository::countToFix(const QStringList &scopeCodes) const
{
    return counted(QLatin1String(kToFixStates), scopeCodes);
}

int ProblemRepository::countToRecheck(const QStringList &scopeCodes) const
{
    return counted(QLatin1String(kToRecheckStates), scopeCodes);
}

QSet<QString> ProblemRepository::withUnsentEvents() const
{
    QSet<QString> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Only this device's events have a local_order: the partial index problem_event_local.
    if (!q.exec(
            QStringLiteral("SELECT DISTINCT problem_id FROM problem_event "
                           "WHERE local_order > 0 AND server_seq = 0 AND set_aside_at_ms = 0"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

bool ProblemRepository::recordSignoff(const LedgerSignoff &signoff)
{
    m_refusal = {};
    m_error.clear();
    LedgerSignoff s = signoff;
    if (s.townshipCode.size() != 9)
        return refuse("signoff_invalid", {QStringLiteral("township_code")});
    if (s.id.isEmpty())
        s.id = TimeOrderedId::create();
    if (s.createdAtMs == 0)
        s.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    s.signer.clear();
    s.receivedAtMs = 0;
    s.serverSeq = 0;
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    if (!writeSignoff(q, s)) {
        m_error = QStringLiteral("cannot store sign-off %1: %2").arg(s.id, q.lastError().text());
        return false;
    }
    q.prepare(
        QStringLiteral("INSERT INTO outbox (op_id, signoff_id, created_at_ms) VALUES (?,?,?)"));
    q.addBindValue(TimeOrderedId::create());
    q.addBindValue(s.id);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = QStringLiteral("cannot queue sign-off %1: %2").arg(s.id, q.lastError().text());
        return false;
    }
    if (!tx.commit()) {
        m_error = QStringLiteral("cannot commit sign-off %1").arg(s.id);
        return false;
    }
    return true;
}

QList<LedgerSignoff> ProblemRepository::signoffs(const QString &townshipCode) const
{
    QList<LedgerSignoff> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM ledger_signoff s WHERE s.township_code = ? "
                             "AND s.set_aside_at_ms = 0 "
                             "ORDER BY s.server_seq = 0, s.server_seq, s.created_at_ms")
                  .arg(QLatin1String(kSignoffColumns)));
    q.addBindValue(townshipCode);
    if (!q.exec())
        m_error = q.lastError().text();
    while (q.next())
        out << readSignoff(q);
    return out;
}

QList<SetAsideProblemEvent> ProblemRepository::setAside() const
{
    QList<SetAsideProblemEvent> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1, e.refusal_code, e.refusal_args, e.set_aside_at_ms "
                               "FROM problem_event e WHERE e.set_aside_at_ms > 0 "
                               "ORDER BY e.set_aside_at_ms, e.local_order")
                    .arg(QLatin1String(kProblemEventColumns)))) {
        m_error = q.lastError().text();
        return out;
    }
    constexpr int n = kProblemEventColumnCount;
    while (q.next()) {
        out << SetAsideProblemEvent {readProblemEvent(q), q.value(n).toString(),
                                     argsFromJson(q.value(n + 1)), q.value(n + 2).toLongLong()};
    }
    return out;
}

QList<SetAsideSignoff> ProblemRepository::setAsideSignoffs() const
{
    QList<SetAsideSignoff> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1, s.refusal_code, s.refusal_args, s.set_aside_at_ms "
                               "FROM ledger_signoff s WHERE s.set_aside_at_ms > 0 "
                               "ORDER BY s.set_aside_at_ms, s.created_at_ms")
                    .arg(QLatin1String(kSignoffColumns)))) {
        m_error = q.lastError().text();
        return out;
    }
    constexpr int n = 10;
    while (q.next()) {
        out << SetAsideSignoff {readSignoff(q), q.value(n).toString(), argsFromJson(q.value(n + 1)),
                                q.value(n + 2).toLongLong()};
    }
    return out;
}

int ProblemRepository::requeueAcknowledged(const QString &user)
{
    struct Queued {
        QString id;
        const char *column;
    };
    QList<Queued> ops;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id FROM problem_event e WHERE (e.author = ? OR e.author = '') "
                       "AND e.set_aside_at_ms = 0 "
                       "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.problem_event_id = e.id) "
                       "ORDER BY e.server_seq = 0, e.server_seq, e.local_order"));
    q.addBindValue(user);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    while (q.next())
        ops << Queued {q.value(0).toString(), "problem_event_id"};
    q.prepare(
        QStringLiteral("SELECT id FROM ledger_signoff s WHERE (s.signer = ? OR s.signer = '') "
                       "AND s.set_aside_at_ms = 0 "
                       "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.signoff_id = s.id) "
                       "ORDER BY s.server_seq = 0, s.server_seq, s.created_at_ms"));
    q.addBindValue(user);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    while (q.next())
        ops << Queued {q.value(0).toString(), "signoff_id"};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Queued &op : std::as_const(ops)) {
        q.prepare(QStringLiteral("INSERT INTO outbox (op_id, %1, created_at_ms) VALUES (?,?,?)")
                      .arg(QLatin1String(op.column)));
        q.addBindValue(TimeOrderedId::create());
        q.addBindValue(op.id);
        q.addBindValue(now);
        if (!q.exec()) {
            m_error = QStringLiteral("cannot queue ledger op %1 again: %2")
                          .arg(op.id, q.lastError().text());
            return -1;
        }
    }
    return int(ops.size());
}
