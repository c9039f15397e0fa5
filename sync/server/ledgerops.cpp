#include "ledgerops.h"

#include "changefingerprint.h"
#include "domain/problemledger.h"
#include "ledgerwire.h"
#include "problempublication.h"

#include "qingshui/v1/sync.pb.h"

#include <optional>

namespace v1 = qingshui::v1;

namespace {

using Result = ChangeStore::ApplyResult;

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QByteArray bytesOf(const google::protobuf::MessageLite &message)
{
    const std::string s = message.SerializeAsString();
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

LedgerActor actorOf(const Caller &caller)
{
    return {accountRoleFromNumber(static_cast<int>(caller.role)), caller.scopeCodes};
}

// How the push answers a rule's refusal: who may not is PERMISSION_DENIED, a malformed field
// INVALID_ARGUMENT, a problem or month in the wrong state FAILED_PRECONDITION.
Result resultOf(const QString &code)
{
    static const QStringList forbidden {QStringLiteral("role_cannot_act"),
                                        QStringLiteral("problem_outside_scope"),
                                        QStringLiteral("signoff_not_permitted")};
    static const QStringList invalid {QStringLiteral("problem_event_invalid"),
                                      QStringLiteral("signoff_invalid"),
                                      QStringLiteral("signoff_month_invalid")};
    if (forbidden.contains(code))
        return Result::Forbidden;
    if (invalid.contains(code))
        return Result::Invalid;
    return Result::UnknownRecord;
}

// One ledger op's work, with the transaction and where to say why it stops.
class LedgerOp {
public:
    LedgerOp(SqlSession &db, BlobStore &blobs, const Caller &caller, const LedgerContext &context,
             qint64 *seq, QString *why, ChangeStore::Refusal *refusal)
        : m_db(db)
        , m_blobs(blobs)
        , m_caller(caller)
        , m_context(context)
        , m_seq(seq)
        , m_why(why)
        , m_refusal(refusal)
    {
    }

    Result problemEvent(const v1::Op &op);
    Result signoff(const v1::Op &op);

private:
    Result refuse(const LedgerRefusal &r)
    {
        *m_refusal = {r.code, r.args};
        *m_why = QStringLiteral("refused: %1 (%2)").arg(r.code, r.args.join(QLatin1String(", ")));
        return resultOf(r.code);
    }
    bool run(const QString &sql, const QVariantList &binds, SqlSession::Rows *rows = nullptr)
    {
        SqlSession::Rows ignored;
        return m_db.exec(sql, binds, rows ? rows : &ignored, m_why);
    }
    // The op (or its event or sign-off id) is stored already: *stored true.
    bool repeated(const char *table, const v1::Op &op, const std::string &id, bool *stored);
    // The problem folded from its stored events (nullopt: none).
    bool problemOf(const QString &problemId, std::optional<Problem> *out);
    // The months the township signed off at its own level: frozen.
    bool frozenMonths(const QString &townshipCode, QStringList *out);
    bool storeProblem(const Problem &problem);

    SqlSession &m_db;
    BlobStore &m_blobs;
    const Caller &m_caller;
    const LedgerContext &m_context;
    qint64 *m_seq;
    QString *m_why;
    ChangeStore::Refusal *m_refusal;
};

bool LedgerOp::repeated(const char *table, const v1::Op &op, const std::string &id, bool *stored)
{
    SqlSession::Rows rows;
    if (!run(QStringLiteral("SELECT 1 FROM %1 WHERE (device_id = ? AND op_id = ?) OR id = ?")
                 .arg(QLatin1String(table)),
             {m_caller.deviceId, text(op.op_id()), text(id)}, &rows))
        return false;
    *stored = !rows.rows.isEmpty();
    return true;
}

bool LedgerOp::problemOf(const QString &problemId, std::optional<Problem> *out)
{
    SqlSession::Rows rows;
    if (!run(QStringLiteral("SELECT server_seq, event FROM problem_event WHERE problem_id = ? "
                            "ORDER BY server_seq"),
             {problemId}, &rows))
        return false;
    out->reset();
    if (rows.rows.isEmpty())
        return true;
    QList<ProblemEvent> events;
    for (const QVariantList &row : std::as_const(rows.rows)) {
        const QByteArray bytes = row[1].toByteArray();
        v1::ProblemEvent event;
        event.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
        events << problemEventFromWire(event, row[0].toLongLong());
    }
    *out = ProblemLedger::fold(events);
    return true;
}

bool LedgerOp::frozenMonths(const QString &townshipCode, QStringList *out)
{
    SqlSession::Rows rows;
    if (!run(QStringLiteral("SELECT month FROM ledger_signoff WHERE township_code = ? "
                            "AND level = ?"),
             {townshipCode, static_cast<int>(SignoffLevel::Township)}, &rows))
        return false;
    out->clear();
    for (const QVariantList &row : std::as_const(rows.rows))
        *out << row[0].toString();
    return true;
}

// The problem as this event leaves it (its ledger month: the RAISE's).
bool LedgerOp::storeProblem(const Problem &p)
{
    return run(QStringLiteral("INSERT INTO problem (problem_id, village_code, state, raised_month, "
                              "raised_at_ms, closed_at_ms, last_server_seq) "
                              "VALUES (?,?,?,?,?,?,?) ON CONFLICT (problem_id) DO UPDATE SET "
                              "village_code = excluded.village_code, state = excluded.state, "
                              "closed_at_ms = excluded.closed_at_ms, "
                              "last_server_seq = excluded.last_server_seq"),
               {p.id, p.villageCode, static_cast<int>(p.state), p.ledgerMonth, p.raisedAtMs,
                p.closedAtMs, p.lastServerSeq});
}

Result LedgerOp::problemEvent(const v1::Op &op)
{
    const v1::ProblemEvent &pushed = op.problem();
    bool stored = false;
    if (!repeated("problem_event", op, pushed.id(), &stored))
        return Result::Failed;
    if (stored)
        return Result::Applied; // acknowledged again, never stored twice

    const ProblemEvent event = problemEventFromWire(pushed);
    std::optional<Problem> current;
    if (!problemOf(event.problemId, &current))
        return Result::Failed;
    // Concurrent: another device's event landed after the one this device had seen.
    qint64 overlapped = 0;
    if (current) {
        SqlSession::Rows rows;
        if (!run(QStringLiteral("SELECT coalesce(max(server_seq), 0) FROM problem_event "
                                "WHERE problem_id = ? AND device_id <> ?"),
                 {event.problemId, m_caller.deviceId}, &rows))
            return Result::Failed;
        const qint64 latestOther = rows.rows.value(0).value(0).toLongLong();
        if (event.baseServerSeq < latestOther)
            overlapped = latestOther;
    }
    const LedgerRefusal refusal
        = ProblemLedger::check(current ? &*current : nullptr, event, actorOf(m_caller),
                               m_context.nowMs, m_context.recheckRadiusM);
    // Two tablets reporting on one problem offline: the later one's report is kept and
    // flagged rather than lost because the earlier one moved the state on.
    const bool fieldReport = event.action == ProblemAction::Progress
        || event.action == ProblemAction::ReportFix || event.action == ProblemAction::Recheck;
    const bool keptAsConflict
        = overlapped > 0 && fieldReport && refusal.code == QLatin1String("problem_wrong_state");
    if (!refusal.ok() && !keptAsConflict)
        return refuse(refusal);

    const QString township = (current ? current->villageCode : event.villageCode).left(9);
    QStringList frozen;
    if (!frozenMonths(township, &frozen))
        return Result::Failed;
    v1::ProblemEvent kept = pushed;
    kept.set_author(m_caller.username.toStdString());
    kept.set_received_at_ms(m_context.nowMs);
    kept.set_ledger_month(
        ProblemLedger::firstOpenMonth(ProblemLedger::monthOf(m_context.nowMs), frozen)
            .toStdString());
    kept.set_conflict_with_server_seq(overlapped);

    const qint64 seq = *m_seq + 1;
    Problem after = current.value_or(Problem {});
    ProblemLedger::apply(after, problemEventFromWire(kept, seq));
    SqlSession::Rows inserted;
    if (!run(QStringLiteral("INSERT INTO problem_event (server_seq, fingerprint, id, problem_id, "
                            "action, device_id, op_id, author, village_code, received_at_ms, "
                            "ledger_month, conflict_with, event) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                            "ON CONFLICT (device_id, op_id) DO NOTHING"),
             {seq, newChangeFingerprint(), event.id, event.problemId,
              static_cast<int>(event.action), m_caller.deviceId, text(op.op_id()),
              m_caller.username, after.villageCode, m_context.nowMs, text(kept.ledger_month()),
              overlapped, bytesOf(kept)},
             &inserted))
        return Result::Failed;
    if (inserted.affected == 0)
        return Result::Applied;
    *m_seq = seq;
    for (const QString &sha : std::as_const(event.photos)) {
        if (!run(QStringLiteral("INSERT INTO problem_event_photo (server_seq, sha256, account_id, "
                                "proved) VALUES (?,?,?,?) ON CONFLICT DO NOTHING"),
                 {seq, sha, m_caller.accountId, int(m_context.holdsPhoto(sha))}))
            return Result::Failed;
    }
    if (!storeProblem(after))
        return Result::Failed;
    if (event.action == ProblemAction::Publish)
        return publishProblem(m_db, m_blobs, after, kept, seq, m_why, m_refusal);
    return Result::Applied;
}

Result LedgerOp::signoff(const v1::Op &op)
{
    const v1::LedgerSignoff &pushed = op.signoff();
    bool stored = false;
    if (!repeated("ledger_signoff", op, pushed.id(), &stored))
        return Result::Failed;
    if (stored)
        return Result::Applied;

    const LedgerSignoff signoff = signoffFromWire(pushed);
    SqlSession::Rows rows;
    if (!run(QStringLiteral("SELECT server_seq, signoff FROM ledger_signoff "
                            "WHERE township_code = ? ORDER BY server_seq"),
             {signoff.townshipCode}, &rows))
        return Result::Failed;
    QList<LedgerSignoff> existing;
    for (const QVariantList &row : std::as_const(rows.rows)) {
        const QByteArray bytes = row[1].toByteArray();
        v1::LedgerSignoff earlier;
        earlier.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
        existing << signoffFromWire(earlier, row[0].toLongLong());
    }
    // The township's ledger up to the month: problems raised in it or before, still open.
    if (!run(QStringLiteral("SELECT problem_id FROM problem WHERE substr(village_code, 1, 9) = ? "
                            "AND raised_month <= ? AND state <> ? ORDER BY raised_at_ms, "
                            "problem_id"),
             {signoff.townshipCode, signoff.month, static_cast<int>(ProblemState::Closed)}, &rows))
        return Result::Failed;
    QStringList open;
    for (const QVariantList &row : std::as_const(rows.rows))
        open << row[0].toString();
    const LedgerRefusal refusal
        = ProblemLedger::checkSignoff(signoff, actorOf(m_caller), existing, open, m_context.nowMs);
    if (!refusal.ok())
        return refuse(refusal);

    v1::LedgerSignoff kept = pushed;
    kept.set_signer(m_caller.username.toStdString());
    kept.set_received_at_ms(m_context.nowMs);
    const qint64 seq = *m_seq + 1;
    SqlSession::Rows inserted;
    if (!run(QStringLiteral("INSERT INTO ledger_signoff (server_seq, fingerprint, id, "
                            "township_code, month, level, signer, received_at_ms, device_id, "
                            "op_id, signoff) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                            "ON CONFLICT (device_id, op_id) DO NOTHING"),
             {seq, newChangeFingerprint(), signoff.id, signoff.townshipCode, signoff.month,
              static_cast<int>(signoff.level), m_caller.username, m_context.nowMs,
              m_caller.deviceId, text(op.op_id()), bytesOf(kept)},
             &inserted))
        return Result::Failed;
    if (inserted.affected > 0)
        *m_seq = seq;
    return Result::Applied;
}

} // namespace

ChangeStore::ApplyResult applyLedgerOp(SqlSession &db, BlobStore &blobs, const Caller &caller,
                                       const v1::Op &op, const LedgerContext &context, qint64 *seq,
                                       QString *why, ChangeStore::Refusal *refusal)
{
    LedgerOp work(db, blobs, caller, context, seq, why, refusal);
    return op.has_problem() ? work.problemEvent(op) : work.signoff(op);
}
