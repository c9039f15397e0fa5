#include "inviteredeemer.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "authservice.h"
#include "domain/passwordhash.h"
#include "guessthrottle.h"
#include "invitestore.h"
#include "refusalstatus.h"
#include "requestchecks.h"

#include "qingshui/v1/auth.pb.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace {

std::string number(qint64 value)
{
    return std::to_string(value);
}

} // namespace

grpc::Status InviteRedeemer::enrol(const std::string &peer,
                                   const qingshui::v1::EnrolRequest &request,
                                   qingshui::v1::LoginResponse *response)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString username = QString::fromStdString(request.username());
    const GuessThrottle::Attempt attempt
        = m_throttle.attemptOf(peer, username, QString::fromStdString(request.device_id()));
    std::unique_ptr<GuessThrottle::Guess> guess; // under way until this call is answered
    if (grpc::Status throttled = m_throttle.check(attempt, now, "enrol_throttled", &guess);
        !throttled.ok())
        return throttled;
    // Every refusal below counts towards the throttle.
    auto refused = [&](grpc::Status status) {
        qCInfo(lcAuth).noquote() << "enrolment refused for" << username << "from" << attempt.host
                                 << ":" << QString::fromStdString(status.error_message());
        m_throttle.recordFailure(attempt, now);
        return status;
    };
    if (!isUuid(request.device_id()))
        return refused(refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_invalid",
                              "device_id is not a UUID", {"device_id"}));
    const QByteArray secret
        = QByteArray::fromHex(QByteArray::fromStdString(request.invite_secret()));
    const std::optional<Invite> invite
        = secret.isEmpty() ? std::nullopt : m_invites.findBySecretHash(Invite::hashOf(secret));
    if (!invite || invite->username != username)
        return refused(
            refuse(grpc::StatusCode::NOT_FOUND, "invite_unknown", "no such invite for this user"));
    if (invite->revokedAtMs > 0)
        return refused(refuse(grpc::StatusCode::FAILED_PRECONDITION, "invite_revoked",
                              "this invite was revoked", {number(invite->revokedAtMs)}));
    const QString deviceId = QString::fromStdString(request.device_id());
    // The same tablet again (its first answer was lost on the way): a fresh token.
    const bool usedHere = invite->usedAtMs > 0 && invite->usedByDevice == deviceId;
    if (invite->usedAtMs > 0 && !usedHere)
        return refused(refuse(grpc::StatusCode::FAILED_PRECONDITION, "invite_used",
                              "this invite was used by another device",
                              {number(invite->usedAtMs)}));
    if (!usedHere && invite->expiresAtMs <= now)
        return refused(refuse(grpc::StatusCode::FAILED_PRECONDITION, "invite_expired",
                              "this invite has expired", {number(invite->expiresAtMs)}));
    const std::optional<Account> account = m_accounts.findAccount(username);
    if (!account
        || !PasswordHash::verify(account->passwordHash, QString::fromStdString(request.password())))
        return refused(
            refuse(grpc::StatusCode::UNAUTHENTICATED, "wrong_password", "wrong password"));
    if (account->disabled)
        return refused(refuse(grpc::StatusCode::PERMISSION_DENIED, "account_disabled",
                              "this account has been disabled"));

    const QByteArray token = AccessToken::generate();
    if (token.isEmpty())
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "cannot make a token");
    const qint64 expires = now + m_tokenTtlMs;
    switch (m_invites.redeem(*invite, deviceId, QString::fromStdString(request.device_name()),
                             AccessToken::hashOf(token), now, expires)) {
    case InviteStore::RedeemResult::Redeemed:
        break;
    case InviteStore::RedeemResult::UsedByAnother: // another tablet was a moment quicker
        return refused(refuse(grpc::StatusCode::FAILED_PRECONDITION, "invite_used",
                              "this invite was used by another device", {number(now)}));
    case InviteStore::RedeemResult::Revoked:
        return refused(refuse(grpc::StatusCode::FAILED_PRECONDITION, "invite_revoked",
                              "this invite was revoked", {number(now)}));
    case InviteStore::RedeemResult::DeviceRevoked:
        return refused(refuse(grpc::StatusCode::PERMISSION_DENIED, "device_revoked",
                              "this device has been revoked"));
    case InviteStore::RedeemResult::AccountDisabled: // by `user disable` a moment ago
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "account_disabled",
                      "this account has been disabled");
    case InviteStore::RedeemResult::DeviceOfAnotherAccount: // the password was right: no guess
        qCInfo(lcAuth).noquote() << "enrolment of" << username << "on" << deviceId
                                 << "refused: the device is enrolled for another account";
        return refuse(grpc::StatusCode::PERMISSION_DENIED, "device_of_another_account",
                      "this device is enrolled for another account: an administrator hands it "
                      "over with 'device reassign'");
    case InviteStore::RedeemResult::Failed:
        qCWarning(lcAuth).noquote()
            << "cannot redeem invite" << invite->id << ":" << m_invites.lastError();
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "the server cannot enrol");
    }
    qCInfo(lcAuth).noquote() << "invite" << invite->id << "redeemed by" << username << "on"
                             << deviceId;
    AuthService::fillLogin(*account, token, expires, response);
    return grpc::Status::OK;
}
