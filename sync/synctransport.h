#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace grpc {
class Channel;
class ClientContext;
class Status;
} // namespace grpc
namespace qingshui::v1 {
class LoginRequest;
class LoginResponse;
class EnrolRequest;
class PushRequest;
class PushResponse;
class PullRequest;
class PullResponse;
class ServerInfoResponse;
class ListTemplatesRequest;
class ListTemplatesResponse;
class ReferenceDataRequest;
class ReferenceDataResponse;
} // namespace qingshui::v1

// The gRPC channel to qingshui-server. TLS for every server that is not on this machine
// (and for a loopback one when trust is given); plaintext only on loopback. The trust is PEM
// certificates (an enrolled server's, ServerTrust; empty: the system's CAs) and the name to
// check in the server's certificate (empty: the address's host). Calls block (run them off
// the UI thread) and end by a deadline; failures come back as a readable message and, when
// the server said why, as its refusal (code and args), never silently.
//
// Pull reads ahead: when a page says more follow, the next page is asked for at once, on a
// thread of its own, while the caller stores this one. It is handed out only to a request
// identical to the one read ahead; anything else is asked for afresh.
class SyncTransport {
public:
    explicit SyncTransport(const QString &serverAddress, int deadlineMs = 10000,
                           const QByteArray &trustPem = {}, const QString &tlsName = {});
    ~SyncTransport();

    // The bearer token every call but login and serverInfo carries.
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }

    // Login and Enrol try again by themselves while the server answers server_busy (it is
    // checking as many passwords as it may at once), up to setBusyRetries() times, after the
    // seconds it names, spread.
    bool login(const qingshui::v1::LoginRequest &request, qingshui::v1::LoginResponse *response);
    bool enrol(const qingshui::v1::EnrolRequest &request, qingshui::v1::LoginResponse *response);
    void setBusyRetries(int most) { m_mostBusyRetries = most; }
    // How often the last login or enrolment was tried again because the server was busy.
    int busyRetries() const { return m_busyRetries; }
    static constexpr int kDefaultBusyRetries = 4;
    bool serverInfo(qingshui::v1::ServerInfoResponse *response);
    bool push(const qingshui::v1::PushRequest &request, qingshui::v1::PushResponse *response);
    bool pull(const qingshui::v1::PullRequest &request, qingshui::v1::PullResponse *response);
    bool listTemplates(const qingshui::v1::ListTemplatesRequest &request,
                       qingshui::v1::ListTemplatesResponse *response);
    bool referenceData(const qingshui::v1::ReferenceDataRequest &request,
                       qingshui::v1::ReferenceDataResponse *response);

    QString lastError() const { return m_error; }
    // The gRPC status code of the last failure (0 after a success).
    int lastCode() const { return m_code; }
    // What the server said of the last failure (empty after a success, or when it said
    // nothing: a failure on the way, or an older server).
    Refusal lastRefusal() const { return m_refusal; }
    // Why the last call failed, for the user: the server's refusal, or else one of
    // syncreport.h's SyncErrorCode (unreachable, timeout, not_logged_in, server_failed).
    Refusal lastProblem() const { return m_problem; }
    // The server did not accept the token (none, expired, revoked): log in again.
    bool needsLogin() const;
    bool usesTls() const { return m_tls; }
    // The last failed call never reached a server that answered (refused, unroutable, no
    // connection before the deadline): the device is offline rather than refused.
    bool lastFailureUnreachable() const { return m_unreachable; }

    static constexpr int kMaxMessageBytes = 64 * 1024 * 1024;

    // For the other services' stubs (blobs): the channel, and a context with the deadline
    // and the token.
    std::shared_ptr<grpc::Channel> channel() const;
    void prepare(grpc::ClientContext *context, int deadlineMs = 0) const;

private:
    template<typename Call> bool call(Call &&call);
    template<typename Call> bool callUntilNotBusy(Call &&rpc);
    bool record(const grpc::Status &status);
    struct ReadAhead;
    void readAheadAfter(const qingshui::v1::PullRequest &request,
                        const qingshui::v1::PullResponse &response);

    struct Stubs;
    std::unique_ptr<Stubs> m_stubs;
    int m_deadlineMs;
    bool m_tls = false;
    QByteArray m_token;
    QString m_error;
    int m_code = 0;
    Refusal m_refusal;
    Refusal m_problem;
    bool m_unreachable = false;
    int m_mostBusyRetries = kDefaultBusyRetries;
    int m_busyRetries = 0;
    std::unique_ptr<ReadAhead> m_readAhead; // declared last: joined before the channel goes
};
