#pragma once

#include "domain/problem.h"

namespace qingshui::v1 {
class ProblemEvent;
class LedgerSignoff;
} // namespace qingshui::v1

// The ledger's wire messages (ledger.proto) as the domain's types, for the rules in
// domain/problemledger.h. serverSeq: the number the event is stored under (0: none yet).
ProblemEvent problemEventFromWire(const qingshui::v1::ProblemEvent &event, qint64 serverSeq = 0);
LedgerSignoff signoffFromWire(const qingshui::v1::LedgerSignoff &signoff, qint64 serverSeq = 0);
