#pragma once

#include "caller.h"

#include "qingshui/v1/auth.grpc.pb.h"

class AccountStore;
class Authenticator;

// Login (which enrols the device) and WhoAmI.
class AuthService final
    : public qingshui::v1::Auth::WithRawCallbackMethod_Login<
          qingshui::v1::Auth::WithRawCallbackMethod_WhoAmI<qingshui::v1::Auth::Service>> {
public:
    AuthService(AccountStore &accounts, const Authenticator &authenticator, qint64 tokenTtlMs)
        : m_accounts(accounts), m_authenticator(authenticator), m_tokenTtlMs(tokenTtlMs)
    {
    }

    grpc::ServerUnaryReactor *Login(grpc::CallbackServerContext *context,
                                    const grpc::ByteBuffer *request,
                                    grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *WhoAmI(grpc::CallbackServerContext *context,
                                     const grpc::ByteBuffer *request,
                                     grpc::ByteBuffer *response) override;

    grpc::Status login(const qingshui::v1::LoginRequest &request,
                       qingshui::v1::LoginResponse *response);

private:
    AccountStore &m_accounts;
    const Authenticator &m_authenticator;
    qint64 m_tokenTtlMs;
};
