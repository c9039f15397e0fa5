#include "requestchecks.h"

#include "caller.h"

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

grpc::Status invalid(int index, const std::string &what)
{
    return {grpc::StatusCode::INVALID_ARGUMENT, "op " + std::to_string(index) + ": " + what};
}

grpc::Status denied(int index, const std::string &what)
{
    return {grpc::StatusCode::PERMISSION_DENIED, "op " + std::to_string(index) + ": " + what};
}

grpc::Status checkRecord(const Caller &caller, int i, const v1::Record &r)
{
    if (!caller.mayWriteContent())
        return denied(i, "only inspectors change record content");
    if (!isUuid(r.id()))
        return invalid(i, "record id is not a UUID");
    if (!isDigits(r.village_code(), 12))
        return invalid(i, "village_code is not a 12-digit code");
    if (r.template_id().empty() || r.category().empty())
        return invalid(i, "template_id and category are required");
    if (r.status() != v1::RECORD_STATUS_SUBMITTED)
        return invalid(i, "only submitted records are pushed");
    if (r.base_server_seq() < 0)
        return invalid(i, "base_server_seq must not be negative");
    for (const std::string &sha : r.photo_sha256()) {
        if (!isSha256Hex(sha))
            return invalid(i, "photo_sha256 is not 64 lowercase hex digits");
    }
    if (!caller.covers(QString::fromStdString(r.village_code())))
        return denied(i, "village " + r.village_code() + " is outside your jurisdiction");
    return grpc::Status::OK;
}

grpc::Status checkReview(const Caller &caller, int i, const v1::ReviewEvent &e)
{
    if (!caller.mayReview())
        return denied(i, "only supervisors record review decisions");
    if (!isUuid(e.id()) || !isUuid(e.record_id()))
        return invalid(i, "review id and record_id must be UUIDs");
    if (!v1::ReviewDecision_IsValid(e.decision())
        || e.decision() == v1::REVIEW_DECISION_UNSPECIFIED)
        return invalid(i, "unknown review decision");
    if (e.record_server_seq() <= 0)
        return invalid(i, "record_server_seq must name the revision decided on");
    for (const std::string &sha : e.published_photo_sha256()) {
        if (!isSha256Hex(sha))
            return invalid(i, "published_photo_sha256 is not 64 lowercase hex digits");
    }
    // A confirmation of missing photos says how many of how many, and only an approval or a
    // publication needs one; the counts mean nothing without it.
    if (e.photos_incomplete_confirmed()) {
        if (e.decision() != v1::REVIEW_DECISION_APPROVE
            && e.decision() != v1::REVIEW_DECISION_PUBLISH)
            return invalid(i, "only an approval or a publication confirms missing photos");
        if (e.photos_seen() < 0 || e.photos_seen() >= e.photos_total())
            return invalid(i, "photos_seen must be below photos_total when photos are missing");
    } else if (e.photos_seen() != 0 || e.photos_total() != 0) {
        return invalid(i, "photos_seen and photos_total go with photos_incomplete_confirmed");
    }
    return grpc::Status::OK;
}

} // namespace

grpc::Status checkPush(const Caller &caller, const v1::PushRequest &request, int maxOps)
{
    if (caller.role == Caller::Role::Kiosk)
        return {grpc::StatusCode::PERMISSION_DENIED, "kiosks cannot push"};
    if (!isUuid(request.device_id()))
        return {grpc::StatusCode::INVALID_ARGUMENT, "device_id is not a UUID"};
    if (QString::fromStdString(request.device_id()) != caller.deviceId)
        return {grpc::StatusCode::PERMISSION_DENIED,
                "device_id is not the device this token was issued to"};
    if (request.device_time_ms() < 0)
        return {grpc::StatusCode::INVALID_ARGUMENT, "device_time_ms must not be negative"};
    if (request.ops_size() > maxOps)
        return {grpc::StatusCode::RESOURCE_EXHAUSTED, "too many ops in one push"};
    for (int i = 0; i < request.ops_size(); ++i) {
        const v1::Op &op = request.ops(i);
        if (!isUuid(op.op_id()))
            return invalid(i, "op_id is not a UUID");
        if (op.client_seq() <= 0)
            return invalid(i, "client_seq must be positive");
        grpc::Status status;
        switch (op.body_case()) {
        case v1::Op::kUpsertRecord:
            status = checkRecord(caller, i, op.upsert_record());
            break;
        case v1::Op::kReview:
            status = checkReview(caller, i, op.review());
            break;
        default:
            status = invalid(i, "op has no body");
        }
        if (!status.ok())
            return status;
    }
    return grpc::Status::OK;
}
