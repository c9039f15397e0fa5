#pragma once

#include <grpcpp/support/status.h>

#include <QString>

namespace qingshui::v1 {
class EnrolRequest;
class LoginResponse;
} // namespace qingshui::v1
class AccountStore;
class GuessThrottle;
class InviteStore;

// Auth.Enrol: a tablet redeems a one-time invite with the account's password and gets a token,
// as Login gives. Guessing is throttled first (GuessThrottle), whatever the request holds, and
// every refusal counts; an unknown secret and another account's secret get the same answer,
// so probing learns nothing.
class InviteRedeemer {
public:
    InviteRedeemer(AccountStore &accounts, InviteStore &invites, GuessThrottle &throttle,
                   qint64 tokenTtlMs)
        : m_accounts(accounts), m_invites(invites), m_throttle(throttle), m_tokenTtlMs(tokenTtlMs)
    {
    }

    // peer: the caller's address as gRPC names it ("ipv4:10.0.0.5:41234"); its host counts.
    grpc::Status enrol(const std::string &peer, const qingshui::v1::EnrolRequest &request,
                       qingshui::v1::LoginResponse *response);

private:
    AccountStore &m_accounts;
    InviteStore &m_invites;
    GuessThrottle &m_throttle;
    qint64 m_tokenTtlMs;
};
