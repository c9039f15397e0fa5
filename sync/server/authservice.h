#pragma once

#include "caller.h"
#include "inviteredeemer.h"

#include "qingshui/v1/auth.grpc.pb.h"

struct Account;
class AccountStore;
class Authenticator;
class InviteStore;

// Login (which enrols the device), Enrol (the same through a one-time invite) and WhoAmI.
class AuthService final
    : public qingshui::v1::Auth::WithRawCallbackMethod_Login<
          qingshui::v1::Auth::WithRawCallbackMethod_WhoAmI<
              qingshui::v1::Auth::WithRawCallbackMethod_Enrol<qingshui::v1::Auth::Service>>> {
public:
    AuthService(AccountStore &accounts, InviteStore &invites, const Authenticator &authenticator,
                qint64 tokenTtlMs)
        : m_accounts(accounts)
        , m_authenticator(authenticator)
        , m_tokenTtlMs(tokenTtlMs)
        , m_redeemer(accounts, invites, tokenTtlMs)
    {
    }

    grpc::ServerUnaryReactor *Login(grpc::CallbackServerContext *context,
                                    const grpc::ByteBuffer *request,
                                    grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *WhoAmI(grpc::CallbackServerContext *context,
                                     const grpc::ByteBuffer *request,
                                     grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *Enrol(grpc::CallbackServerContext *context,
                                    const grpc::ByteBuffer *request,
                                    grpc::ByteBuffer *response) override;

    grpc::Status login(const qingshui::v1::LoginRequest &request,
                       qingshui::v1::LoginResponse *response);

    // What Login and Enrol answer: the token and what the account may do.
    static void fillLogin(const Account &account, const QByteArray &token, qint64 expiresAtMs,
                          qingshui::v1::LoginResponse *response);

private:
    AccountStore &m_accounts;
    const Authenticator &m_authenticator;
    qint64 m_tokenTtlMs;
    InviteRedeemer m_redeemer;
};
