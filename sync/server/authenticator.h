#pragma once

#include "caller.h"

#include <grpcpp/support/status.h>

namespace grpc {
class ServerContextBase;
}
class AccountStore;

// Finds who makes a call from its "authorization: Bearer <token>" metadata. Every RPC but
// Login and ServerInfo starts here.
class Authenticator {
public:
    explicit Authenticator(AccountStore &accounts) : m_accounts(accounts) { }

    // UNAUTHENTICATED for a missing, unknown, expired or revoked token, a revoked device or
    // a disabled account; the message says which.
    grpc::Status authenticate(const grpc::ServerContextBase &context, Caller *caller) const;

private:
    AccountStore &m_accounts;
};
