#include "synctransport.h"

#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <future>

struct SyncTransport::Channel {
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<qingshui::v1::Sync::Stub> stub;
};

struct PullOutcome {
    grpc::Status status;
    qingshui::v1::PullResponse response;
};

struct SyncTransport::ReadAhead {
    std::string request; // serialized: only the very same request gets this answer
    std::future<PullOutcome> outcome;
};

namespace {

QString describe(const grpc::Status &status)
{
    const QString detail = QString::fromStdString(status.error_message());
    switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
        return QStringLiteral("服务器不可达: %1").arg(detail);
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return QStringLiteral("服务器响应超时");
    case grpc::StatusCode::INVALID_ARGUMENT:
        return QStringLiteral("服务器拒绝了数据: %1").arg(detail);
    default:
        return QStringLiteral("同步失败 (gRPC %1): %2").arg(int(status.error_code())).arg(detail);
    }
}

} // namespace

SyncTransport::SyncTransport(const QString &serverAddress, int deadlineMs)
    : m_channel(std::make_unique<Channel>()), m_deadlineMs(deadlineMs)
{
    // Plaintext only: the server refuses to listen in plaintext anywhere but loopback.
    grpc::ChannelArguments arguments;
    // A page of 5,000 long records is past gRPC's default 4 MB; the server caps pages, not bytes.
    arguments.SetMaxReceiveMessageSize(kMaxMessageBytes);
    m_channel->channel = grpc::CreateCustomChannel(serverAddress.toStdString(),
                                                   grpc::InsecureChannelCredentials(), arguments);
    m_channel->stub = qingshui::v1::Sync::NewStub(m_channel->channel);
}

SyncTransport::~SyncTransport() = default;

template<typename Call> static grpc::Status callWithDeadline(int deadlineMs, Call call)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadlineMs));
    return call(&context);
}

bool SyncTransport::push(const qingshui::v1::PushRequest &request,
                         qingshui::v1::PushResponse *response)
{
    const grpc::Status status = callWithDeadline(m_deadlineMs, [&](grpc::ClientContext *c) {
        return m_channel->stub->Push(c, request, response);
    });
    return !failed(status);
}

bool SyncTransport::pull(const qingshui::v1::PullRequest &request,
                         qingshui::v1::PullResponse *response)
{
    std::unique_ptr<ReadAhead> ahead = std::move(m_readAhead);
    grpc::Status status;
    bool answered = false;
    if (ahead && ahead->request == request.SerializeAsString()) {
        PullOutcome outcome = ahead->outcome.get();
        // A read-ahead that failed is asked again: its failure may be old news.
        if (outcome.status.ok()) {
            response->Swap(&outcome.response);
            answered = true;
        }
    }
    ahead.reset(); // one not wanted is waited for here, never left running
    if (!answered) {
        status = callWithDeadline(m_deadlineMs, [&](grpc::ClientContext *c) {
            return m_channel->stub->Pull(c, request, response);
        });
    }
    if (failed(status))
        return false;
    if (response->has_more())
        readAheadAfter(request, *response);
    return true;
}

bool SyncTransport::failed(const grpc::Status &status)
{
    m_unreachable = false;
    if (status.ok())
        return false;
    m_error = describe(status);
    // A server that answered leaves the channel READY; refused or silent ones do not.
    const bool noAnswer = status.error_code() == grpc::StatusCode::UNAVAILABLE
        || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
    m_unreachable = noAnswer && m_channel->channel->GetState(false) != GRPC_CHANNEL_READY;
    return true;
}

void SyncTransport::readAheadAfter(const qingshui::v1::PullRequest &request,
                                   const qingshui::v1::PullResponse &response)
{
    // What a client asks next: the same, from the new cursor, in the epoch just answered.
    qingshui::v1::PullRequest next = request;
    next.set_since_server_seq(response.next_server_seq());
    if (!request.known_epoch().empty())
        next.set_known_epoch(response.server_epoch());
    auto ahead = std::make_unique<ReadAhead>();
    ahead->request = next.SerializeAsString();
    Channel *channel = m_channel.get();
    const int deadlineMs = m_deadlineMs;
    ahead->outcome = std::async(std::launch::async, [channel, deadlineMs, next] {
        PullOutcome outcome;
        outcome.status = callWithDeadline(deadlineMs, [&](grpc::ClientContext *c) {
            return channel->stub->Pull(c, next, &outcome.response);
        });
        return outcome;
    });
    m_readAhead = std::move(ahead);
}
