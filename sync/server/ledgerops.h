#pragma once

#include "changestore.h"
#include "sqlsession.h"

#include <QString>
#include <functional>

class BlobStore;
namespace qingshui::v1 {
class Op;
} // namespace qingshui::v1

// The ledger's ops of a push (Op.problem, Op.signoff), decided by the domain's rules
// (domain/problemledger.h) against what the store holds, inside the push's transaction on
// either backend (docs/sync.md, "The ledger"):
// - the author or signer and the device come from the token, received_at_ms from the server
//   clock, the ledger month from the township's signed-off months (a frozen month's events
//   count in the first month after it that is not signed off);
// - an event based on less than the problem's latest event of another device is concurrent:
//   stored with conflict_with_server_seq; a concurrent PROGRESS, REPORT_FIX or RECHECK that
//   the rules refuse only for the problem's state is stored and flagged, not lost;
// - a repeated (device, op_id), or an event or sign-off id already stored, is acknowledged
//   and stored once.
// A refusal stores nothing: *refusal has its code and args, *why the English.
struct LedgerContext {
    qint64 nowMs = 0; // the server's clock
    double recheckRadiusM = 0;
    // The pushing account holds the blob's bytes or may see them already: a photo an event
    // names counts at once (else when that account uploads it, ChangeStore::blobProved).
    std::function<bool(const QString &sha256)> holdsPhoto;
};

ChangeStore::ApplyResult applyLedgerOp(SqlSession &db, BlobStore &blobs, const Caller &caller,
                                       const qingshui::v1::Op &op, const LedgerContext &context,
                                       qint64 *seq, QString *why, ChangeStore::Refusal *refusal);
