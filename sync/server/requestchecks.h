#pragma once

#include <grpcpp/support/status.h>

namespace qingshui::v1 {
class PushRequest;
}
struct Caller;

// What a push may hold, decided from the request and the caller alone (no storage): well
// formed ops, only kinds of change the caller's role may make, only within their
// jurisdiction. The first defect rejects the whole batch, so nothing half-valid is stored.
grpc::Status checkPush(const Caller &caller, const qingshui::v1::PushRequest &request, int maxOps);

bool isUuid(const std::string &s);
bool isSha256Hex(const std::string &s);
