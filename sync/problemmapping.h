#pragma once

#include "domain/problem.h"
#include "domain/publicproblem.h"

namespace qingshui::v1 {
class ProblemEvent;
class LedgerSignoff;
class PublicProblem;
class ClosureTally;
} // namespace qingshui::v1

// The ledger's domain <-> wire (the device's side). What the server sets (author, ledger
// month, conflict, received time, signer) is never sent; server_seq travels on the Change.
void toProto(const ProblemEvent &event, qingshui::v1::ProblemEvent *out);
ProblemEvent fromProto(const qingshui::v1::ProblemEvent &in);
void toProto(const LedgerSignoff &signoff, qingshui::v1::LedgerSignoff *out);
LedgerSignoff fromProto(const qingshui::v1::LedgerSignoff &in);
PublicProblem fromProto(const qingshui::v1::PublicProblem &in);
ClosureTally fromProto(const qingshui::v1::ClosureTally &in);
