#include "synctransport.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/catalog.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QRegularExpression>

#include <chrono>

namespace v1 = qingshui::v1;

struct SyncTransport::Stubs {
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::Sync::Stub> sync;
    std::unique_ptr<v1::Auth::Stub> auth;
    std::unique_ptr<v1::Catalog::Stub> catalog;
};

namespace {

bool isLoopbackAddress(const QString &address)
{
    static const QRegularExpression loopback(
        QStringLiteral("^(localhost|127(\\.\\d{1,3}){3}|\\[::1\\]):\\d+$"));
    return loopback.match(address).hasMatch();
}

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
    case grpc::StatusCode::UNAUTHENTICATED:
        return QStringLiteral("需要重新登录: %1").arg(detail);
    case grpc::StatusCode::PERMISSION_DENIED:
        return QStringLiteral("无权限: %1").arg(detail);
    default:
        return QStringLiteral("同步失败 (gRPC %1): %2").arg(int(status.error_code())).arg(detail);
    }
}

} // namespace

SyncTransport::SyncTransport(const QString &serverAddress, int deadlineMs,
                             const QString &caCertificatePath)
    : m_stubs(std::make_unique<Stubs>()), m_deadlineMs(deadlineMs)
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    m_tls = !caCertificatePath.isEmpty() || !isLoopbackAddress(serverAddress);
    if (m_tls) {
        grpc::SslCredentialsOptions options; // empty roots: the system's CA certificates
        QFile ca(caCertificatePath);
        if (!caCertificatePath.isEmpty() && ca.open(QIODevice::ReadOnly))
            options.pem_root_certs = ca.readAll().toStdString();
        credentials = grpc::SslCredentials(options);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    m_stubs->channel
        = grpc::CreateCustomChannel(serverAddress.toStdString(), credentials, arguments);
    m_stubs->sync = v1::Sync::NewStub(m_stubs->channel);
    m_stubs->auth = v1::Auth::NewStub(m_stubs->channel);
    m_stubs->catalog = v1::Catalog::NewStub(m_stubs->channel);
}

SyncTransport::~SyncTransport() = default;

std::shared_ptr<grpc::Channel> SyncTransport::channel() const
{
    return m_stubs->channel;
}

void SyncTransport::prepare(grpc::ClientContext *context, int deadlineMs) const
{
    context->set_deadline(std::chrono::system_clock::now()
                          + std::chrono::milliseconds(deadlineMs > 0 ? deadlineMs : m_deadlineMs));
    if (!m_token.isEmpty())
        context->AddMetadata("authorization", "Bearer " + m_token.toStdString());
}

bool SyncTransport::needsLogin() const
{
    return m_code == static_cast<int>(grpc::StatusCode::UNAUTHENTICATED);
}

template<typename Call> bool SyncTransport::call(Call &&call)
{
    grpc::ClientContext context;
    prepare(&context);
    const grpc::Status status = call(&context);
    m_code = static_cast<int>(status.error_code());
    m_error = status.ok() ? QString() : describe(status);
    return status.ok();
}

bool SyncTransport::login(const v1::LoginRequest &request, v1::LoginResponse *response)
{
    return call([&](grpc::ClientContext *c) { return m_stubs->auth->Login(c, request, response); });
}

bool SyncTransport::serverInfo(v1::ServerInfoResponse *response)
{
    return call([&](grpc::ClientContext *c) {
        return m_stubs->catalog->ServerInfo(c, v1::ServerInfoRequest(), response);
    });
}

bool SyncTransport::push(const v1::PushRequest &request, v1::PushResponse *response)
{
    return call([&](grpc::ClientContext *c) { return m_stubs->sync->Push(c, request, response); });
}

bool SyncTransport::pull(const v1::PullRequest &request, v1::PullResponse *response)
{
    return call([&](grpc::ClientContext *c) { return m_stubs->sync->Pull(c, request, response); });
}

bool SyncTransport::listTemplates(const v1::ListTemplatesRequest &request,
                                  v1::ListTemplatesResponse *response)
{
    return call([&](grpc::ClientContext *c) {
        return m_stubs->catalog->ListTemplates(c, request, response);
    });
}
