#include "authservice.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "domain/passwordhash.h"
#include "rawunary.h"
#include "requestchecks.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "qs.server.auth")

namespace v1 = qingshui::v1;

grpc::Status AuthService::login(const v1::LoginRequest &request, v1::LoginResponse *response)
{
    if (!isUuid(request.device_id()))
        return {grpc::StatusCode::INVALID_ARGUMENT, "device_id is not a UUID"};
    const QString username = QString::fromStdString(request.username());
    const std::optional<Account> account = m_accounts.findAccount(username);
    // The same answer for an unknown user and a wrong password: names are not probed.
    if (!account
        || !PasswordHash::verify(account->passwordHash,
                                 QString::fromStdString(request.password()))) {
        qCInfo(lcAuth).noquote() << "login refused for" << username;
        return {grpc::StatusCode::UNAUTHENTICATED, "wrong user name or password"};
    }
    if (account->disabled)
        return {grpc::StatusCode::PERMISSION_DENIED, "this account has been disabled"};
    const QByteArray token = AccessToken::generate();
    if (token.isEmpty())
        return {grpc::StatusCode::INTERNAL, "cannot make a token"};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + m_tokenTtlMs;
    const QString deviceId = QString::fromStdString(request.device_id());
    if (!m_accounts.issueToken(account->id, deviceId, QString::fromStdString(request.device_name()),
                               AccessToken::hashOf(token), now, expires)) {
        qCWarning(lcAuth).noquote()
            << "login of" << username << "on" << deviceId << "refused:" << m_accounts.lastError();
        return {grpc::StatusCode::PERMISSION_DENIED,
                "this device cannot log in (revoked?): " + m_accounts.lastError().toStdString()};
    }
    response->set_token(token.toStdString());
    response->set_expires_at_ms(expires);
    response->set_role(static_cast<v1::Role>(account->role));
    for (const QString &code : account->scopeCodes)
        response->add_scope_codes(code.toStdString());
    response->set_display_name(account->displayName.toStdString());
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *AuthService::Login(grpc::CallbackServerContext *context,
                                             const grpc::ByteBuffer *request,
                                             grpc::ByteBuffer *response)
{
    return answerRaw<v1::LoginRequest, v1::LoginResponse>(
        context, request, response, nullptr,
        [this](const Caller &, const auto &req, auto *resp) { return login(req, resp); });
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
