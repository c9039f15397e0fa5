#include "syncservice.h"

#include "changestore.h"
#include "rawunary.h"
#include "refusalstatus.h"
#include "requestchecks.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "qs.server")

namespace v1 = qingshui::v1;

namespace {

// The English words for logs, and the refusal's code and arguments as the status's details
// for the app to word. Every refusal the store gives names its code.
grpc::Status refused(grpc::StatusCode code, const QString &why, const ChangeStore::Refusal &refusal)
{
    std::vector<std::string> args;
    for (const QString &arg : refusal.args)
        args.push_back(arg.toStdString());
    return refuse(code, refusal.code.toStdString(), why.toStdString(), std::move(args));
}

} // namespace

grpc::Status SyncService::push(const Caller &caller, const v1::PushRequest &request,
                               v1::PushResponse *response)
{
    if (grpc::Status status = checkPush(caller, request, kMaxOpsPerPush); !status.ok())
        return status;
    std::vector<const v1::Op *> ops;
    ops.reserve(static_cast<size_t>(request.ops_size()));
    for (const auto &op : request.ops())
        ops.push_back(&op);
    // How far the device's clock is off, as it said when it sent the batch (0: it did not
    // say). Kept with the revisions: their times, GPS fixes and photo captions share it.
    const qint64 deviceClockSkewMs = request.device_time_ms() > 0
        ? request.device_time_ms() - QDateTime::currentMSecsSinceEpoch()
        : 0;
    qint64 acked = 0;
    QString why;
    ChangeStore::Refusal refusal;
    switch (m_store.applyBatch(caller, ops, deviceClockSkewMs, &acked, &why, &refusal)) {
    case ChangeStore::ApplyResult::Applied:
        break;
    case ChangeStore::ApplyResult::Forbidden:
        return refused(grpc::StatusCode::PERMISSION_DENIED, why, refusal);
    case ChangeStore::ApplyResult::UnknownRecord:
        return refused(grpc::StatusCode::FAILED_PRECONDITION, why, refusal);
    case ChangeStore::ApplyResult::Failed:
        qCWarning(lcServer) << "push failed:" << why;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not store the batch");
    }
    response->set_acked_client_seq(acked);
    response->set_server_epoch(m_store.epoch().toStdString());
    return grpc::Status::OK;
}

grpc::Status SyncService::pull(const Caller &caller, const v1::PullRequest &request,
                               v1::PullResponse *response)
{
    if (request.since_server_seq() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "since_server_seq must not be negative", {"since_server_seq"});
    const int pageSize
        = request.page_size() <= 0 ? 1000 : std::min(request.page_size(), kMaxPullPage);
    // A cursor of another history (the server was restored, or replaced) means nothing
    // here: start from the beginning and say so.
    qint64 since = request.since_server_seq();
    const std::string epoch = m_store.epoch().toStdString();
    if ((!request.known_epoch().empty() && request.known_epoch() != epoch)
        || since > m_store.lastSeq()) {
        since = 0;
        response->set_epoch_changed(true);
    }
    QString error;
    if (!m_store.changesSince(caller, since, pageSize, response, &error)) {
        qCWarning(lcServer) << "pull failed:" << error;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not read its changes");
    }
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *SyncService::Push(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response)
{
    return answerRaw<v1::PushRequest, v1::PushResponse>(
        context, request, response, &m_authenticator,
        [this](const Caller &caller, const auto &req, auto *resp) {
            return push(caller, req, resp);
        });
}

grpc::ServerUnaryReactor *SyncService::Pull(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response)
{
    return answerRaw<v1::PullRequest, v1::PullResponse>(
        context, request, response, &m_authenticator,
        [this](const Caller &caller, const auto &req, auto *resp) {
            return pull(caller, req, resp);
        });
}
