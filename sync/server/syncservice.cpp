#include "syncservice.h"

#include "catalogreplies.h"
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

ChangeStore::HistoryMark markOf(const v1::HistoryMark &mark)
{
    return {mark.server_seq(), static_cast<qint64>(mark.fingerprint())};
}

} // namespace

grpc::Status SyncService::push(const Caller &caller, const v1::PushRequest &request,
                               v1::PushResponse *response)
{
    if (grpc::Status status = checkPush(caller, request, kMaxOpsPerPush); !status.ok())
        return status;
    if (request.known().server_seq() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "known.server_seq must not be negative", {"known.server_seq"});
    // A device whose known mark is of another history (the server was restored from a copy)
    // pulls first, which makes it re-converge: nothing it sends is stored until then, so a
    // decision never lands on a revision numbered alike in the restored history.
    QString why;
    switch (m_store.checkHistory(markOf(request.known()), &why)) {
    case ChangeStore::HistoryCheck::Same:
        break;
    case ChangeStore::HistoryCheck::Other:
        return refuse(grpc::StatusCode::FAILED_PRECONDITION, "history_changed",
                      "the server's history changed (restored from a copy): pull first");
    case ChangeStore::HistoryCheck::Failed:
        qCWarning(lcServer) << "push failed:" << why;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not store the batch");
    }
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
    ChangeStore::Refusal refusal;
    switch (m_store.applyBatch(caller, ops, deviceClockSkewMs, &acked, &why, &refusal)) {
    case ChangeStore::ApplyResult::Applied:
        break;
    case ChangeStore::ApplyResult::Forbidden:
        return refused(grpc::StatusCode::PERMISSION_DENIED, why, refusal);
    case ChangeStore::ApplyResult::UnknownRecord:
        return refused(grpc::StatusCode::FAILED_PRECONDITION, why, refusal);
    case ChangeStore::ApplyResult::Invalid:
        return refused(grpc::StatusCode::INVALID_ARGUMENT, why, refusal);
    case ChangeStore::ApplyResult::Failed:
        qCWarning(lcServer) << "push failed:" << why;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not store the batch");
    }
    response->set_acked_client_seq(acked);
    response->set_server_epoch(m_store.epoch().toStdString());
    // The head after this batch covers everything acknowledged: the device's new known mark.
    // Without it (a read error) the batch still stands; the device keeps the mark it had.
    ChangeStore::HistoryMark head;
    if (m_store.head(&head, &why)) {
        response->mutable_head()->set_server_seq(head.serverSeq);
        response->mutable_head()->set_fingerprint(static_cast<quint64>(head.fingerprint));
    } else {
        qCWarning(lcServer) << "push: cannot read the head:" << why;
    }
    return grpc::Status::OK;
}

grpc::Status SyncService::pull(const Caller &caller, const v1::PullRequest &request,
                               v1::PullResponse *response)
{
    if (request.since_server_seq() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "since_server_seq must not be negative", {"since_server_seq"});
    if (request.known().server_seq() < 0)
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "known.server_seq must not be negative", {"known.server_seq"});
    const int pageSize
        = request.page_size() <= 0 ? 1000 : std::min(request.page_size(), kMaxPullPage);
    // A cursor of another history (the server was restored from a copy, or replaced) means
    // nothing here: start from the beginning and say so. Another epoch is another server; a
    // known mark that does not match is a restored copy of this one (devices that send none,
    // older ones, only notice a cursor beyond the last number).
    qint64 since = request.since_server_seq();
    const std::string epoch = m_store.epoch().toStdString();
    QString error;
    const ChangeStore::HistoryCheck history = m_store.checkHistory(markOf(request.known()), &error);
    if (history == ChangeStore::HistoryCheck::Failed) {
        qCWarning(lcServer) << "pull failed:" << error;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not read its changes");
    }
    if ((!request.known_epoch().empty() && request.known_epoch() != epoch)
        || history == ChangeStore::HistoryCheck::Other || since > m_store.lastSeq()) {
        since = 0;
        response->set_epoch_changed(true);
    }
    if (!m_store.changesSince(caller, since, pageSize, response, &error)) {
        qCWarning(lcServer) << "pull failed:" << error;
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server could not read its changes");
    }
    // The catalogue rides on the page that ends the pull: a sync with nothing to do is this
    // one call. Unanswered (a read error), the device asks ListTemplates and ReferenceData,
    // which say what failed; the changes still go out.
    if (m_catalog && request.has_catalog() && !response->has_more()) {
        if (grpc::Status status
            = m_catalog->answer(caller, request.catalog(), response->mutable_catalog());
            !status.ok()) {
            qCWarning(lcServer) << "pull: catalogue not answered:"
                                << status.error_message().c_str();
            response->clear_catalog();
        }
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
