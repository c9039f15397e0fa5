#include "authservice.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "domain/passwordhash.h"
#include "rawunary.h"
#include "refusalstatus.h"
#include "requestchecks.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "qs.server.auth")

namespace v1 = qingshui::v1;

void AuthService::fillLogin(const Account &account, const QByteArray &token, qint64 expiresAtMs,
                            v1::LoginResponse *response)
{
    response->set_token(token.toStdString());
    response->set_expires_at_ms(expiresAtMs);
    response->set_role(static_cast<v1::Role>(account.role));
    for (const QString &code : account.scopeCodes)
        response->add_scope_codes(code.toStdString());
    response->set_display_name(account.displayName.toStdString());
}

grpc::Status AuthService::login(const std::string &peer, const v1::LoginRequest &request,
                                v1::LoginResponse *response)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString host = GuessThrottle::peerHost(peer);
    const QString username = QString::fromStdString(request.username());
    // The throttle first: while it holds, not even a right password gets through.
    std::unique_ptr<GuessThrottle::Guess> guess; // under way until this call is answered
    if (grpc::Status throttled = m_throttle.check(host, username, now, "login_throttled", &guess);
        !throttled.ok())
        return throttled;
    if (!isUuid(request.device_id()))
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "device_id is not a UUID", {"device_id"});
    const QString deviceId = QString::fromStdString(request.device_id());
    // Before the password is looked at: a device nobody invited learns nothing about it, and
    // its attempts cost no Argon2id check and lock nobody out.
    if (m_requireInvite) {
        const std::optional<Device> device = m_accounts.findDevice(deviceId);
        if (!device || device->username != username) {
            qCInfo(lcAuth).noquote()
                << "login of" << username << "on" << deviceId << "refused: not enrolled for it";
            return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_not_enrolled",
                          "this device is not enrolled for this account: enrol it with an "
                          "invite");
        }
    }
    const std::optional<Account> account = m_accounts.findAccount(username);
    // The same answer for an unknown user and a wrong password: names are not probed.
    if (!account
        || !PasswordHash::verify(account->passwordHash,
                                 QString::fromStdString(request.password()))) {
        qCInfo(lcAuth).noquote() << "login refused for" << username << "from" << host;
        m_throttle.recordFailure(host, username, now);
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "wrong_credentials",
                      "wrong user name or password");
    }
    if (account->disabled)
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "account_disabled",
                      "this account has been disabled");
    const QByteArray token = AccessToken::generate();
    if (token.isEmpty())
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "cannot make a token");
    const qint64 expires = now + m_tokenTtlMs;
    switch (m_accounts.issueToken(account->id, deviceId,
                                  QString::fromStdString(request.device_name()),
                                  AccessToken::hashOf(token), now, expires,
                                  m_requireInvite ? AccountStore::DeviceRule::EnrolledOnly
                                                  : AccountStore::DeviceRule::EnrolAny)) {
    case AccountStore::IssueResult::Issued:
        break;
    case AccountStore::IssueResult::DeviceRevoked:
        qCInfo(lcAuth).noquote() << "login of" << username << "on revoked device" << deviceId;
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_revoked",
                      "this device has been revoked and cannot log in");
    case AccountStore::IssueResult::NotEnrolled: // an invite moved it to another account since
        qCInfo(lcAuth).noquote() << "login of" << username << "on" << deviceId
                                 << "refused: enrolled for another account meanwhile";
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_not_enrolled",
                      "this device is not enrolled for this account: enrol it with an invite");
    case AccountStore::IssueResult::Failed:
        qCWarning(lcAuth).noquote()
            << "login of" << username << "on" << deviceId << "failed:" << m_accounts.lastError();
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "the server cannot log in");
    }
    fillLogin(*account, token, expires, response);
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *AuthService::Login(grpc::CallbackServerContext *context,
                                             const grpc::ByteBuffer *request,
                                             grpc::ByteBuffer *response)
{
    const std::string peer = context->peer();
    return answerRaw<v1::LoginRequest, v1::LoginResponse>(
        context, request, response, nullptr,
        [this, context, &peer](const Caller &, const auto &req, auto *resp) {
            m_authenticator.noteNamedIdentity(*context, req.username(), req.device_id());
            return login(peer, req, resp);
        });
}

grpc::ServerUnaryReactor *AuthService::WhoAmI(grpc::CallbackServerContext *context,
                                              const grpc::ByteBuffer *request,
                                              grpc::ByteBuffer *response)
{
    return answerRaw<v1::WhoAmIRequest, v1::WhoAmIResponse>(
        context, request, response, &m_authenticator,
        [](const Caller &caller, const auto &, v1::WhoAmIResponse *resp) {
            resp->set_username(caller.username.toStdString());
            resp->set_role(static_cast<v1::Role>(caller.role));
            for (const QString &code : caller.scopeCodes)
                resp->add_scope_codes(code.toStdString());
            resp->set_device_id(caller.deviceId.toStdString());
            resp->set_expires_at_ms(caller.expiresAtMs);
            return grpc::Status::OK;
        });
}

grpc::ServerUnaryReactor *AuthService::Enrol(grpc::CallbackServerContext *context,
                                             const grpc::ByteBuffer *request,
                                             grpc::ByteBuffer *response)
{
    const std::string peer = context->peer();
    return answerRaw<v1::EnrolRequest, v1::LoginResponse>(
        context, request, response, nullptr,
        [this, context, &peer](const Caller &, const auto &req, auto *resp) {
            m_authenticator.noteNamedIdentity(*context, req.username(), req.device_id());
            return m_redeemer.enrol(peer, req, resp);
        });
}
