#pragma once

#include "caller.h"
#include "guessthrottle.h"
#include "inviteredeemer.h"

#include "qingshui/v1/auth.grpc.pb.h"

#include <mutex>

struct Account;
class AccountStore;
class Authenticator;
class InviteStore;
class WorkerPool;

// Login, Enrol (a one-time invite enrols the device) and WhoAmI. Login enrols a new device
// too, unless the server requires invites (--require-invite): then only a device enrolled
// for the account logs in again (its token expired, or it logged out). Both calls are
// throttled by one record of failures (GuessThrottle), and both run on a WorkerPool's threads:
// at most that many Argon2id checks at once, a short queue, server_busy beyond it.
class AuthService final
    : public qingshui::v1::Auth::WithRawCallbackMethod_Login<
          qingshui::v1::Auth::WithRawCallbackMethod_WhoAmI<
              qingshui::v1::Auth::WithRawCallbackMethod_Enrol<qingshui::v1::Auth::Service>>> {
public:
    // requireInvite: Login refuses a device that no invite (or earlier login) enrolled for
    // the account.
    AuthService(AccountStore &accounts, InviteStore &invites, const Authenticator &authenticator,
                WorkerPool &workers, qint64 tokenTtlMs, bool requireInvite);

    grpc::ServerUnaryReactor *Login(grpc::CallbackServerContext *context,
                                    const grpc::ByteBuffer *request,
                                    grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *WhoAmI(grpc::CallbackServerContext *context,
                                     const grpc::ByteBuffer *request,
                                     grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *Enrol(grpc::CallbackServerContext *context,
                                    const grpc::ByteBuffer *request,
                                    grpc::ByteBuffer *response) override;

    // peer: the caller's address as gRPC names it; its host counts for the throttle.
    grpc::Status login(const std::string &peer, const qingshui::v1::LoginRequest &request,
                       qingshui::v1::LoginResponse *response);

    // What Login and Enrol answer: the token and what the account may do.
    static void fillLogin(const Account &account, const QByteArray &token, qint64 expiresAtMs,
                          qingshui::v1::LoginResponse *response);

private:
    AccountStore &m_accounts;
    const Authenticator &m_authenticator;
    WorkerPool &m_workers;
    qint64 m_tokenTtlMs;
    bool m_requireInvite;
    GuessThrottle m_throttle;
    InviteRedeemer m_redeemer;
    // Checked instead when the user name is unknown: the same Argon2id work as a wrong password.
    // A hash of a random password nobody knows, made as every account's is.
    const QString &dummyHash();
    std::once_flag m_dummyMade;
    QString m_dummyHash;
};
