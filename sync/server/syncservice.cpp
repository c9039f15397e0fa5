#include "syncservice.h"

#include "serverstore.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcServer, "qs.server")

namespace {

bool isUuid(const std::string &s)
{
    return s.size() == 36 && !QUuid::fromString(QLatin1String(s.data(), 36)).isNull();
}

bool isDigits(const std::string &s, size_t length)
{
    return s.size() == length
        && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

grpc::Status invalid(int index, const std::string &what)
{
    return {grpc::StatusCode::INVALID_ARGUMENT, "op " + std::to_string(index) + ": " + what};
}

// Rejects the whole batch on the first bad op, so that nothing half-valid is stored.
grpc::Status validate(const qingshui::v1::PushRequest &request)
{
    if (!isUuid(request.device_id()))
        return {grpc::StatusCode::INVALID_ARGUMENT, "device_id is not a UUID"};
    if (request.ops_size() > SyncService::kMaxOpsPerPush)
        return {grpc::StatusCode::RESOURCE_EXHAUSTED, "too many ops in one push"};
    for (int i = 0; i < request.ops_size(); ++i) {
        const qingshui::v1::Op &op = request.ops(i);
        if (!isUuid(op.op_id()))
            return invalid(i, "op_id is not a UUID");
        if (op.client_seq() <= 0)
            return invalid(i, "client_seq must be positive");
        if (op.body_case() != qingshui::v1::Op::kUpsertRecord)
            return invalid(i, "op has no body");
        const qingshui::v1::Record &r = op.upsert_record();
        if (!isUuid(r.id()))
            return invalid(i, "record id is not a UUID");
        if (!isDigits(r.village_code(), 12))
            return invalid(i, "village_code is not a 12-digit code");
        if (r.template_id().empty() || r.category().empty())
            return invalid(i, "template_id and category are required");
        if (r.status() != qingshui::v1::RECORD_STATUS_SUBMITTED)
            return invalid(i, "only submitted records are pushed");
    }
    return grpc::Status::OK;
}

} // namespace

grpc::Status SyncService::Push(grpc::ServerContext *, const qingshui::v1::PushRequest *request,
                               qingshui::v1::PushResponse *response)
{
    if (grpc::Status status = validate(*request); !status.ok())
        return status;
    std::vector<const qingshui::v1::Op *> ops;
    ops.reserve(static_cast<size_t>(request->ops_size()));
    for (const auto &op : request->ops())
        ops.push_back(&op);
    const qint64 acked = m_store.applyBatch(QString::fromStdString(request->device_id()), ops);
    if (acked < 0) {
        qCWarning(lcServer) << "push failed:" << m_store.lastError();
        return {grpc::StatusCode::INTERNAL, "the server could not store the batch"};
    }
    response->set_acked_client_seq(acked);
    return grpc::Status::OK;
}

grpc::Status SyncService::Pull(grpc::ServerContext *, const qingshui::v1::PullRequest *request,
                               qingshui::v1::PullResponse *response)
{
    if (request->since_server_seq() < 0)
        return {grpc::StatusCode::INVALID_ARGUMENT, "since_server_seq must not be negative"};
    const int pageSize
        = request->page_size() <= 0 ? 1000 : std::min(request->page_size(), kMaxPullPage);
    if (!m_store.changesSince(request->since_server_seq(), pageSize, response)) {
        qCWarning(lcServer) << "pull failed:" << m_store.lastError();
        return {grpc::StatusCode::INTERNAL, "the server could not read its changes"};
    }
    return grpc::Status::OK;
}
