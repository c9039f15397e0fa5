#include "syncservice.h"

#include "serverstore.h"

#include <grpcpp/support/proto_buffer_reader.h>

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

grpc::Status SyncService::push(const qingshui::v1::PushRequest &request,
                               qingshui::v1::PushResponse *response)
{
    if (grpc::Status status = validate(request); !status.ok())
        return status;
    std::vector<const qingshui::v1::Op *> ops;
    ops.reserve(static_cast<size_t>(request.ops_size()));
    for (const auto &op : request.ops())
        ops.push_back(&op);
    const qint64 acked = m_store.applyBatch(QString::fromStdString(request.device_id()), ops);
    if (acked < 0) {
        qCWarning(lcServer) << "push failed:" << m_store.lastError();
        return {grpc::StatusCode::INTERNAL, "the server could not store the batch"};
    }
    response->set_acked_client_seq(acked);
    return grpc::Status::OK;
}

grpc::Status SyncService::pull(const qingshui::v1::PullRequest &request,
                               qingshui::v1::PullResponse *response)
{
    if (request.since_server_seq() < 0)
        return {grpc::StatusCode::INVALID_ARGUMENT, "since_server_seq must not be negative"};
    const int pageSize
        = request.page_size() <= 0 ? 1000 : std::min(request.page_size(), kMaxPullPage);
    if (!m_store.changesSince(request.since_server_seq(), pageSize, response)) {
        qCWarning(lcServer) << "pull failed:" << m_store.lastError();
        return {grpc::StatusCode::INTERNAL, "the server could not read its changes"};
    }
    return grpc::Status::OK;
}

namespace {

// Parses the raw request, runs the handler, serialises its answer: one place for both RPCs.
template<typename Request, typename Response, typename Handler>
grpc::ServerUnaryReactor *answer(grpc::CallbackServerContext *context,
                                 const grpc::ByteBuffer *rawRequest, grpc::ByteBuffer *rawResponse,
                                 const char *messageName, Handler handle)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    Request request;
    grpc::ByteBuffer copy(*rawRequest);
    grpc::ProtoBufferReader reader(&copy);
    if (!request.ParseFromZeroCopyStream(&reader)) {
        reactor->Finish({grpc::StatusCode::INVALID_ARGUMENT,
                         std::string("the request is not a valid ") + messageName});
        return reactor;
    }
    Response response;
    grpc::Status status = handle(request, &response);
    if (status.ok()) {
        bool ownBuffer = false;
        status = grpc::SerializationTraits<Response>::Serialize(response, rawResponse, &ownBuffer);
    }
    reactor->Finish(status);
    return reactor;
}

} // namespace

grpc::ServerUnaryReactor *SyncService::Push(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response)
{
    return answer<qingshui::v1::PushRequest, qingshui::v1::PushResponse>(
        context, request, response, "qingshui.v1.PushRequest",
        [this](const auto &req, auto *resp) { return push(req, resp); });
}

grpc::ServerUnaryReactor *SyncService::Pull(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response)
{
    return answer<qingshui::v1::PullRequest, qingshui::v1::PullResponse>(
        context, request, response, "qingshui.v1.PullRequest",
        [this](const auto &req, auto *resp) { return pull(req, resp); });
}
