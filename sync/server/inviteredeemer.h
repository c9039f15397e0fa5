#pragma once

#include <grpcpp/support/status.h>

#include <QString>

namespace qingshui::v1 {
class EnrolRequest;
class LoginResponse;
} // namespace qingshui::v1
class AccountStore;
class InviteStore;

// Auth.Enrol: a tablet redeems a one-time invite with the account's password and gets a token,
// as Login gives. Guessing is throttled first, whatever the request holds; an unknown secret
// and another account's secret get the same answer, so probing learns nothing.
class InviteRedeemer {
public:
    static constexpr int kFailureLimit = 5; // refused enrolments of one peer or user name …
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000; // … within this long: throttled

    InviteRedeemer(AccountStore &accounts, InviteStore &invites, qint64 tokenTtlMs)
        : m_accounts(accounts), m_invites(invites), m_tokenTtlMs(tokenTtlMs)
    {
    }

    // peer: the caller's address as gRPC names it ("ipv4:10.0.0.5:41234"); its host counts.
    grpc::Status enrol(const std::string &peer, const qingshui::v1::EnrolRequest &request,
                       qingshui::v1::LoginResponse *response);

    // "ipv4:10.0.0.5:41234" → "ipv4:10.0.0.5", "ipv6:[::1]:5" → "ipv6:[::1]".
    static QString peerHost(const std::string &peer);

private:
    AccountStore &m_accounts;
    InviteStore &m_invites;
    qint64 m_tokenTtlMs;
};
