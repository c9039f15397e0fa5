#pragma once

#include "caller.h"

#include <grpcpp/support/status.h>

#include <string>

namespace grpc {
class ServerContextBase;
}
class AccountStore;
class CallIdentities;

// Finds who makes a call from its "authorization: Bearer <token>" metadata. Every RPC but
// Login and ServerInfo starts here.
class Authenticator {
public:
    explicit Authenticator(AccountStore &accounts, CallIdentities *identities = nullptr)
        : m_accounts(accounts), m_identities(identities)
    {
    }

    // UNAUTHENTICATED for a missing, unknown, expired or revoked token, a revoked device or
    // a disabled account; the message says which.
    // The call log (if any) names the caller's account and device.
    grpc::Status authenticate(const grpc::ServerContextBase &context, Caller *caller) const;

    // For Login and Enrol, which carry no token: the call log names the account and device
    // the request names.
    void noteNamedIdentity(const grpc::ServerContextBase &context, const std::string &account,
                           const std::string &device) const;

private:
    AccountStore &m_accounts;
    CallIdentities *m_identities;
};
