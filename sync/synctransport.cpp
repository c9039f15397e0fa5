#include "synctransport.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/catalog.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"
#include "storage/historymark.h"
#include "syncreport.h"

#include <grpcpp/grpcpp.h>

#include <QRandomGenerator>
#include <QRegularExpression>

#include <chrono>
#include <future>
#include <thread>

namespace v1 = qingshui::v1;

struct SyncTransport::Stubs {
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::Sync::Stub> sync;
    std::unique_ptr<v1::Auth::Stub> auth;
    std::unique_ptr<v1::Catalog::Stub> catalog;
};

struct PullOutcome {
    grpc::Status status;
    v1::PullResponse response;
};

struct SyncTransport::ReadAhead {
    std::string request; // serialized: only the very same request gets this answer
    std::future<PullOutcome> outcome;
};

namespace {

bool isLoopbackAddress(const QString &address)
{
    static const QRegularExpression loopback(
        QStringLiteral("^(localhost|127(\\.\\d{1,3}){3}|\\[::1\\]):\\d+$"));
    return loopback.match(address).hasMatch();
}

// For logs and developers (English); the user reads lastProblem() worded by the app.
QString describe(const grpc::Status &status)
{
    return QStringLiteral("gRPC %1: %2")
        .arg(int(status.error_code()))
        .arg(QString::fromStdString(status.error_message()));
}

// A failure the server gave no refusal for, as a code the app words (syncreport.h).
Refusal localProblem(const grpc::Status &status)
{
    switch (status.error_code()) {
    case grpc::StatusCode::OK:
        return {};
    case grpc::StatusCode::UNAVAILABLE:
        return {QLatin1String(SyncErrorCode::kUnreachable), {}};
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return {QLatin1String(SyncErrorCode::kTimeout), {}};
    case grpc::StatusCode::UNAUTHENTICATED:
        return {QLatin1String(SyncErrorCode::kNotLoggedIn), {}};
    default:
        return {QLatin1String(SyncErrorCode::kServerFailed),
                {QString::number(int(status.error_code())),
                 QString::fromStdString(status.error_message())}};
    }
}

} // namespace

SyncTransport::SyncTransport(const QString &serverAddress, int deadlineMs,
                             const QByteArray &trustPem, const QString &tlsName)
    : m_stubs(std::make_unique<Stubs>()), m_deadlineMs(deadlineMs)
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    grpc::ChannelArguments arguments;
    m_tls = !trustPem.isEmpty() || !isLoopbackAddress(serverAddress);
    if (m_tls) {
        grpc::SslCredentialsOptions options; // empty roots: the system's CA certificates
        options.pem_root_certs = trustPem.toStdString();
        credentials = grpc::SslCredentials(options);
        // The name in the certificate the trust names, when the address does not carry it
        // (a server reached by IP whose certificate was made for its host name).
        if (!tlsName.isEmpty())
            arguments.SetSslTargetNameOverride(tlsName.toStdString());
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }
    // A page of 5,000 long records is past gRPC's default 4 MB; the server caps pages, not bytes.
    arguments.SetMaxReceiveMessageSize(kMaxMessageBytes);
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

bool SyncTransport::record(const grpc::Status &status)
{
    m_code = static_cast<int>(status.error_code());
    m_error = status.ok() ? QString() : describe(status);
    m_refusal = Refusal::fromStatus(status);
    m_problem = m_refusal.isEmpty() ? localProblem(status) : m_refusal;
    // A server that answered leaves the channel READY; refused or silent ones do not.
    const bool noAnswer = status.error_code() == grpc::StatusCode::UNAVAILABLE
        || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
    m_unreachable = noAnswer && m_stubs->channel->GetState(false) != GRPC_CHANNEL_READY;
    return status.ok();
}

template<typename Call> bool SyncTransport::call(Call &&call)
{
    grpc::ClientContext context;
    prepare(&context);
    return record(call(&context));
}

template<typename Call> bool SyncTransport::callUntilNotBusy(Call &&rpc)
{
    m_busyRetries = 0;
    for (;;) {
        if (call(rpc) || m_refusal.code != QLatin1String("server_busy")
            || m_busyRetries >= m_mostBusyRetries)
            return m_code == 0;
        // The server names the seconds; tablets refused together spread out over half to
        // one and a half times that, so that they do not all come back at once.
        const int seconds = std::max(1, m_refusal.args.value(0).toInt());
        const int waitMs = seconds * 500 + int(QRandomGenerator::global()->bounded(seconds * 1000));
        ++m_busyRetries;
        std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
    }
}

bool SyncTransport::login(const v1::LoginRequest &request, v1::LoginResponse *response)
{
    return callUntilNotBusy(
        [&](grpc::ClientContext *c) { return m_stubs->auth->Login(c, request, response); });
}

bool SyncTransport::enrol(const v1::EnrolRequest &request, v1::LoginResponse *response)
{
    return callUntilNotBusy(
        [&](grpc::ClientContext *c) { return m_stubs->auth->Enrol(c, request, response); });
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
    std::unique_ptr<ReadAhead> ahead = std::move(m_readAhead);
    bool answered = false;
    if (ahead && ahead->request == request.SerializeAsString()) {
        PullOutcome outcome = ahead->outcome.get();
        // A read-ahead that failed is asked again: its failure may be old news.
        if (outcome.status.ok()) {
            response->Swap(&outcome.response);
            answered = record(outcome.status);
        }
    }
    ahead.reset(); // one not wanted is waited for here, never left running
    if (!answered
        && !call([&](grpc::ClientContext *c) { return m_stubs->sync->Pull(c, request, response); }))
        return false;
    if (response->has_more())
        readAheadAfter(request, *response);
    return true;
}

void SyncTransport::readAheadAfter(const v1::PullRequest &request, const v1::PullResponse &response)
{
    // What a client asks next: the same, from the new cursor, in the epoch just answered,
    // with the further of its known mark and the new cursor's (as SyncMetaRepository keeps).
    v1::PullRequest next = request;
    next.set_since_server_seq(response.next_server_seq());
    if (!request.known_epoch().empty())
        next.set_known_epoch(response.server_epoch());
    if (request.has_known()) {
        const HistoryMark mark = HistoryMark::further(
            {request.known().server_seq(), static_cast<qint64>(request.known().fingerprint())},
            {response.next_server_seq(), static_cast<qint64>(response.next_fingerprint())});
        next.mutable_known()->set_server_seq(mark.serverSeq);
        next.mutable_known()->set_fingerprint(static_cast<quint64>(mark.fingerprint));
    }
    auto ahead = std::make_unique<ReadAhead>();
    ahead->request = next.SerializeAsString();
    Stubs *stubs = m_stubs.get();
    auto context = std::make_shared<grpc::ClientContext>();
    prepare(context.get());
    ahead->outcome = std::async(std::launch::async, [stubs, context, next] {
        PullOutcome outcome;
        outcome.status = stubs->sync->Pull(context.get(), next, &outcome.response);
        return outcome;
    });
    m_readAhead = std::move(ahead);
}

bool SyncTransport::listTemplates(const v1::ListTemplatesRequest &request,
                                  v1::ListTemplatesResponse *response)
{
    return call([&](grpc::ClientContext *c) {
        return m_stubs->catalog->ListTemplates(c, request, response);
    });
}

bool SyncTransport::referenceData(const v1::ReferenceDataRequest &request,
                                  v1::ReferenceDataResponse *response)
{
    return call([&](grpc::ClientContext *c) {
        return m_stubs->catalog->ReferenceData(c, request, response);
    });
}
