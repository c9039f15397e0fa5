#pragma once

#include <QString>

#include <mutex>
#include <unordered_map>

namespace grpc {
class ServerContextBase;
}

// Who made each call under way, as far as the server established it: the account and device
// of the call's token (Authenticator), or those a Login or Enrol names. The call log takes it
// when the call ends. Keyed by the call's context, which lives exactly as long as the call.
class CallIdentities {
public:
    struct Identity {
        QString account;
        QString device;
    };

    void note(const grpc::ServerContextBase *call, Identity identity);
    // The call's identity (empty if nobody noted one), forgotten from then on.
    Identity take(const grpc::ServerContextBase *call);

private:
    std::mutex m_mutex;
    std::unordered_map<const grpc::ServerContextBase *, Identity> m_identities;
};
