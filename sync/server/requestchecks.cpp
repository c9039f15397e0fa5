#include "requestchecks.h"

#include "caller.h"
#include "refusalstatus.h"

#include "qingshui/v1/sync.pb.h"

#include <QUuid>

#include <algorithm>

namespace v1 = qingshui::v1;

bool isUuid(const std::string &s)
{
    return s.size() == 36 && !QUuid::fromString(QLatin1String(s.data(), 36)).isNull();
}

bool isSha256Hex(const std::string &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

namespace {

bool isDigits(const std::string &s, size_t length)
{
    return s.size() == length
        && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A field with a value it may not have: request_invalid names it (ops[2].upsert_record.id).
grpc::Status invalid(int index, const std::string &field, const std::string &what)
{
    return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                  "op " + std::to_string(index) + ": " + what,
                  {"ops[" + std::to_string(index) + "]." + field});
}

grpc::Status denied(int index, const char *code, const std::string &what,
                    std::vector<std::string> args = {})
{
    return refuse(grpc::StatusCode::PERMISSION_DENIED, code,
                  "op " + std::to_string(index) + ": " + what, std::move(args));
}

grpc::Status checkRecord(const Caller &caller, int i, const v1::Record &r)
{
    if (!caller.mayWriteContent())
        return denied(i, "role_cannot_write", "only inspectors change record content");
    if (!isUuid(r.id()))
        return invalid(i, "upsert_record.id", "record id is not a UUID");
    if (!isDigits(r.village_code(), 12))
        return invalid(i, "upsert_record.village_code", "village_code is not a 12-digit code");
    if (r.template_id().empty() || r.category().empty())
        return invalid(
            i, r.template_id().empty() ? "upsert_record.template_id" : "upsert_record.category",
            "template_id and category are required");
    if (r.status() != v1::RECORD_STATUS_SUBMITTED)
        return invalid(i, "upsert_record.status", "only submitted records are pushed");
    if (r.base_server_seq() < 0)
        return invalid(i, "upsert_record.base_server_seq", "base_server_seq must not be negative");
    for (const std::string &sha : r.photo_sha256()) {
        if (!isSha256Hex(sha))
            return invalid(i, "upsert_record.photo_sha256",
                           "photo_sha256 is not 64 lowercase hex digits");
    }
    if (!caller.covers(QString::fromStdString(r.village_code())))
        return denied(i, "village_outside_scope",
                      "village " + r.village_code() + " is outside your jurisdiction",
                      {r.village_code()});
    return grpc::Status::OK;
}

grpc::Status checkReview(const Caller &caller, int i, const v1::ReviewEvent &e)
{
    if (!caller.mayReview())
        return denied(i, "role_cannot_review", "only supervisors record review decisions");
    if (!isUuid(e.id()) || !isUuid(e.record_id()))
        return invalid(i, isUuid(e.id()) ? "review.record_id" : "review.id",
                       "review id and record_id must be UUIDs");
    if (!v1::ReviewDecision_IsValid(e.decision())
        || e.decision() == v1::REVIEW_DECISION_UNSPECIFIED)
        return invalid(i, "review.decision", "unknown review decision");
    if (e.record_server_seq() <= 0)
        return invalid(i, "review.record_server_seq",
                       "record_server_seq must name the revision decided on");
    for (const std::string &sha : e.published_photo_sha256()) {
        if (!isSha256Hex(sha))
            return invalid(i, "review.published_photo_sha256",
                           "published_photo_sha256 is not 64 lowercase hex digits");
    }
    // A confirmation of missing photos says how many of how many, and only an approval or a
    // publication needs one; the counts mean nothing without it.
    if (e.photos_incomplete_confirmed()) {
        if (e.decision() != v1::REVIEW_DECISION_APPROVE
            && e.decision() != v1::REVIEW_DECISION_PUBLISH)
            return invalid(i, "review.photos_incomplete_confirmed",
                           "only an approval or a publication confirms missing photos");
        if (e.photos_seen() < 0 || e.photos_seen() >= e.photos_total())
            return invalid(i, "review.photos_seen",
                           "photos_seen must be below photos_total when photos are missing");
    } else if (e.photos_seen() != 0 || e.photos_total() != 0) {
        return invalid(i, "review.photos_total",
                       "photos_seen and photos_total go with photos_incomplete_confirmed");
    }
    return grpc::Status::OK;
}

// The ledger's ops, as far as their shape goes: ids, enums and photo names. Who may take
// which action, and every rule of the ledger, the store decides (ledgerops.h).
grpc::Status checkProblem(int i, const v1::ProblemEvent &e)
{
    if (!isUuid(e.id()) || !isUuid(e.problem_id()))
        return invalid(i, isUuid(e.id()) ? "problem.problem_id" : "problem.id",
                       "problem event id and problem_id must be UUIDs");
    if (!v1::ProblemAction_IsValid(e.action()) || e.action() == v1::PROBLEM_ACTION_UNSPECIFIED)
        return invalid(i, "problem.action", "unknown problem action");
    if (e.base_server_seq() < 0)
        return invalid(i, "problem.base_server_seq", "base_server_seq must not be negative");
    if (!v1::ResponsibleKind_IsValid(e.responsible_kind()))
        return invalid(i, "problem.responsible_kind", "unknown responsible kind");
    for (const auto *list :
         {&e.photo_sha256(), &e.published_before_sha256(), &e.published_after_sha256()}) {
        for (const std::string &sha : *list) {
            if (!isSha256Hex(sha))
                return invalid(i, "problem.photo_sha256",
                               "a photo's name is not 64 lowercase hex digits");
        }
    }
    return grpc::Status::OK;
}

grpc::Status checkSignoff(int i, const v1::LedgerSignoff &s)
{
    if (!isUuid(s.id()))
        return invalid(i, "signoff.id", "sign-off id is not a UUID");
    if (!v1::SignoffLevel_IsValid(s.level()) || s.level() == v1::SIGNOFF_LEVEL_UNSPECIFIED)
        return invalid(i, "signoff.level", "unknown sign-off level");
    return grpc::Status::OK;
}

} // namespace

grpc::Status checkPush(const Caller &caller, const v1::PushRequest &request, int maxOps)
{
    if (caller.role == Caller::Role::Kiosk)
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "kiosk_read_only", "kiosks cannot push");
    if (!isUuid(request.device_id()))
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "device_id is not a UUID", {"device_id"});
    if (QString::fromStdString(request.device_id()) != caller.deviceId)
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_mismatch",
                      "device_id is not the device this token was issued to");
    if (request.device_time_ms() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "device_time_ms must not be negative", {"device_time_ms"});
    if (request.ops_size() > maxOps)
        return refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "batch_too_large",
                      "too many ops in one push", {std::to_string(maxOps)});
    for (int i = 0; i < request.ops_size(); ++i) {
        const v1::Op &op = request.ops(i);
        if (!isUuid(op.op_id()))
            return invalid(i, "op_id", "op_id is not a UUID");
        if (op.client_seq() <= 0)
            return invalid(i, "client_seq", "client_seq must be positive");
        grpc::Status status;
        switch (op.body_case()) {
        case v1::Op::kUpsertRecord:
            status = checkRecord(caller, i, op.upsert_record());
            break;
        case v1::Op::kReview:
            status = checkReview(caller, i, op.review());
            break;
        case v1::Op::kProblem:
            status = checkProblem(i, op.problem());
            break;
        case v1::Op::kSignoff:
            status = checkSignoff(i, op.signoff());
            break;
        default:
            status = invalid(i, "body", "op has no body");
        }
        if (!status.ok())
            return status;
    }
    return grpc::Status::OK;
}
