#include "authservice.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "domain/passwordhash.h"
#include "queuedunary.h"
#include "rawunary.h"
#include "refusalstatus.h"
#include "requestchecks.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "qs.server.auth")

namespace v1 = qingshui::v1;

AuthService::AuthService(AccountStore &accounts, InviteStore &invites,
                         const Authenticator &authenticator, WorkerPool &workers, qint64 tokenTtlMs,
                         bool requireInvite)
    : m_accounts(accounts)
    , m_authenticator(authenticator)
    , m_workers(workers)
    , m_tokenTtlMs(tokenTtlMs)
    , m_requireInvite(requireInvite)
    , m_throttle(invites, accounts)
    , m_redeemer(accounts, invites, m_throttle, tokenTtlMs)
{
}

const QString &AuthService::dummyHash()
{
    // Made by the first Login, on a login worker: at start it would cost the idle server a
    // 64 MiB peak (Argon2id) that no bound on the workers covers.
    std::call_once(m_dummyMade, [this] {
        PasswordHash::make(QString::fromLatin1(AccessToken::generate()), &m_dummyHash);
    });
    return m_dummyHash;
}

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

namespace {

// A device enrolled for one account is not taken over with another account's password.
grpc::Status refuseOtherAccount(const QString &username, const QString &deviceId)
{
    qCInfo(lcAuth).noquote() << "login of" << username << "on" << deviceId
                             << "refused: the device is enrolled for another account";
    return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_of_another_account",
                  "this device is enrolled for another account: an administrator hands it "
                  "over with 'device reassign'");
}

} // namespace

grpc::Status AuthService::login(const std::string &peer, const v1::LoginRequest &request,
                                v1::LoginResponse *response)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString username = QString::fromStdString(request.username());
    const QString deviceId = QString::fromStdString(request.device_id());
    const GuessThrottle::Attempt attempt = m_throttle.attemptOf(peer, username, deviceId);
    // The throttle first: while it holds, not even a right password gets through.
    std::unique_ptr<GuessThrottle::Guess> guess; // under way until this call is answered
    if (grpc::Status throttled = m_throttle.check(attempt, now, "login_throttled", &guess);
        !throttled.ok())
        return throttled;
    if (!isUuid(request.device_id()))
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                      "device_id is not a UUID", {"device_id"});
    // Before the password is looked at: a device nobody invited, or another account's
    // device, learns nothing about it, and its attempts cost no Argon2id check and lock
    // nobody out. The same answer whether the user name exists or not.
    if (!attempt.ownDevice) {
        const std::optional<Device> device = m_accounts.findDevice(deviceId);
        if (device && device->username != username)
            return refuseOtherAccount(username, deviceId);
        if (m_requireInvite && !device) {
            qCInfo(lcAuth).noquote()
                << "login of" << username << "on" << deviceId << "refused: not enrolled";
            return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_not_enrolled",
                          "this device is not enrolled for this account: enrol it with an "
                          "invite");
        }
    }
    const std::optional<Account> account = m_accounts.findAccount(username);
    // The same answer and the same work for an unknown user, a wrong password and a disabled
    // account with a wrong password: names are not probed, neither by the answer nor by its
    // time. Whether the account is disabled is said only to whoever knows its password.
    const QString &dummy = dummyHash(); // every Login asks: the first pays, whoever it names
    const bool passwordRight = PasswordHash::verify(account ? account->passwordHash : dummy,
                                                    QString::fromStdString(request.password()));
    if (!account || !passwordRight) {
        qCInfo(lcAuth).noquote() << "login refused for" << username << "from" << attempt.host;
        m_throttle.recordFailure(attempt, now);
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
    case AccountStore::IssueResult::AccountDisabled: // by `user disable` a moment ago
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "account_disabled",
                      "this account has been disabled");
    case AccountStore::IssueResult::NotEnrolled:
        qCInfo(lcAuth).noquote() << "login of" << username << "on" << deviceId
                                 << "refused: not enrolled";
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_not_enrolled",
                      "this device is not enrolled for this account: enrol it with an invite");
    case AccountStore::IssueResult::OtherAccount: // enrolled for another account meanwhile
        return refuseOtherAccount(username, deviceId);
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
    return answerQueued<v1::LoginRequest, v1::LoginResponse>(
        m_workers, context, request, response,
        [this, context, peer = context->peer()](const v1::LoginRequest &req,
                                                v1::LoginResponse *resp) {
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
    return answerQueued<v1::EnrolRequest, v1::LoginResponse>(
        m_workers, context, request, response,
        [this, context, peer = context->peer()](const v1::EnrolRequest &req,
                                                v1::LoginResponse *resp) {
            m_authenticator.noteNamedIdentity(*context, req.username(), req.device_id());
            return m_redeemer.enrol(peer, req, resp);
        });
}
