#pragma once

#include "caller.h"
#include "sqlsession.h"

#include <utility>
#include <vector>

namespace qingshui::v1 {
class Change;
class PullResponse;
} // namespace qingshui::v1

// The ledger's side of a pull, read in the pull's snapshot on either backend: each row a
// server_seq and its change, for the store to merge with the records' in number order.
using LedgerFeedRows = std::vector<std::pair<qint64, qingshui::v1::Change>>;

// After sinceSeq, at most limit of each kind: a supervisor or inspector gets the problem
// events whose problem lies in their scope (its village after the event) and the sign-offs of
// the townships in it; a kiosk the public copies of published problems. False with *error.
bool ledgerChangesSince(SqlSession &db, const Caller &caller, qint64 sinceSeq, int limit,
                        LedgerFeedRows *out, QString *error);

// Kiosks: problems raised and closed per county and per township, all of them, as now.
bool addClosureTallies(SqlSession &db, qingshui::v1::PullResponse *out, QString *error);
