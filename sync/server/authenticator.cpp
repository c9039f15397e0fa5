#include "authenticator.h"

#include "accesstoken.h"
#include "accountstore.h"
#include "refusalstatus.h"

#include <grpcpp/server_context.h>

#include <QDateTime>

grpc::Status Authenticator::authenticate(const grpc::ServerContextBase &context,
                                         Caller *caller) const
{
    const auto &metadata = context.client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_missing", "no token: log in first");
    const std::string_view value(it->second.data(), it->second.size());
    constexpr std::string_view bearer = "Bearer ";
    if (value.substr(0, bearer.size()) != bearer || value.size() == bearer.size())
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_missing",
                      "authorization is not 'Bearer <token>'");
    const QByteArray token(value.data() + bearer.size(),
                           static_cast<qsizetype>(value.size() - bearer.size()));
    switch (m_accounts.callerForToken(AccessToken::hashOf(token),
                                      QDateTime::currentMSecsSinceEpoch(), caller)) {
    case AccountStore::TokenCheck::Valid:
        return grpc::Status::OK;
    case AccountStore::TokenCheck::Unknown:
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_unknown",
                      "unknown token: log in again");
    case AccountStore::TokenCheck::Expired:
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_expired",
                      "token expired: log in again");
    case AccountStore::TokenCheck::Revoked:
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_revoked",
                      "token revoked: log in again");
    case AccountStore::TokenCheck::DeviceRevoked:
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "device_revoked",
                      "this device has been revoked");
    case AccountStore::TokenCheck::Failed: // the database is away: retry, keep the token
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "the server cannot read its database; try again");
    case AccountStore::TokenCheck::AccountDisabled:
        return refuse(grpc::StatusCode::UNAUTHENTICATED, "account_disabled",
                      "this account has been disabled");
    }
    return refuse(grpc::StatusCode::UNAUTHENTICATED, "token_unknown", "token not accepted");
}
