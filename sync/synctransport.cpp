#include "synctransport.h"

#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

struct SyncTransport::Channel {
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<qingshui::v1::Sync::Stub> stub;
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
    m_channel->channel
        = grpc::CreateChannel(serverAddress.toStdString(), grpc::InsecureChannelCredentials());
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
    if (!status.ok())
        m_error = describe(status);
    return status.ok();
}

bool SyncTransport::pull(const qingshui::v1::PullRequest &request,
                         qingshui::v1::PullResponse *response)
{
    const grpc::Status status = callWithDeadline(m_deadlineMs, [&](grpc::ClientContext *c) {
        return m_channel->stub->Pull(c, request, response);
    });
    if (!status.ok())
        m_error = describe(status);
    return status.ok();
}
