#include "ledgerfeed.h"

#include "domain/problem.h"
#include "scopecondition.h"

#include "qingshui/v1/sync.pb.h"

namespace v1 = qingshui::v1;

namespace {

template<typename Message> bool parse(const QVariant &column, Message *out)
{
    const QByteArray bytes = column.toByteArray();
    return out->ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
}

} // namespace

bool ledgerChangesSince(SqlSession &db, const Caller &caller, qint64 sinceSeq, int limit,
                        LedgerFeedRows *out, QString *error)
{
    SqlSession::Rows rows;
    if (caller.role == Caller::Role::Kiosk) {
        if (!db.exec(QStringLiteral("SELECT server_seq, problem FROM public_problem "
                                    "WHERE server_seq > ? ORDER BY server_seq LIMIT ?"),
                     {sinceSeq, limit}, &rows, error))
            return false;
        for (const QVariantList &row : std::as_const(rows.rows)) {
            v1::Change change;
            change.set_server_seq(row[0].toLongLong());
            parse(row[1], change.mutable_public_problem());
            out->emplace_back(change.server_seq(), std::move(change));
        }
        return true;
    }

    QVariantList binds {sinceSeq};
    QString scope = scopeCondition(caller, "village_code", &binds);
    if (!db.exec(QStringLiteral("SELECT server_seq, fingerprint, conflict_with, event "
                                "FROM problem_event WHERE server_seq > ? AND %1 "
                                "ORDER BY server_seq LIMIT ?")
                     .arg(scope),
                 binds + QVariantList {limit}, &rows, error))
        return false;
    for (const QVariantList &row : std::as_const(rows.rows)) {
        v1::Change change;
        change.set_server_seq(row[0].toLongLong());
        change.set_fingerprint(static_cast<quint64>(row[1].toLongLong()));
        change.set_conflict_with_server_seq(row[2].toLongLong());
        parse(row[3], change.mutable_problem());
        out->emplace_back(change.server_seq(), std::move(change));
    }

    binds = {sinceSeq};
    scope = scopeCondition(caller, "township_code", &binds);
    if (!db.exec(QStringLiteral("SELECT server_seq, fingerprint, signoff FROM ledger_signoff "
                                "WHERE server_seq > ? AND %1 ORDER BY server_seq LIMIT ?")
                     .arg(scope),
                 binds + QVariantList {limit}, &rows, error))
        return false;
    for (const QVariantList &row : std::as_const(rows.rows)) {
        v1::Change change;
        change.set_server_seq(row[0].toLongLong());
        change.set_fingerprint(static_cast<quint64>(row[1].toLongLong()));
        parse(row[2], change.mutable_signoff());
        out->emplace_back(change.server_seq(), std::move(change));
    }
    return true;
}

bool addClosureTallies(SqlSession &db, v1::PullResponse *out, QString *error)
{
    // Counties (6 digits), then townships (9).
    for (const int digits : {6, 9}) {
        SqlSession::Rows rows;
        if (!db.exec(QStringLiteral("SELECT substr(village_code, 1, %1), count(*), "
                                    "sum(CASE WHEN state = ? THEN 1 ELSE 0 END) FROM problem "
                                    "GROUP BY substr(village_code, 1, %1) ORDER BY 1")
                         .arg(digits),
                     {static_cast<int>(ProblemState::Closed)}, &rows, error))
            return false;
        for (const QVariantList &row : std::as_const(rows.rows)) {
            v1::ClosureTally *tally = out->add_closure_tallies();
            tally->set_unit_code(row[0].toString().toStdString());
            tally->set_raised(row[1].toInt());
            tally->set_closed(row[2].toInt());
        }
    }
    return true;
}
