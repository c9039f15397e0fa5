#include "callidentities.h"

void CallIdentities::note(const grpc::ServerContextBase *call, Identity identity)
{
    std::lock_guard lock(m_mutex);
    m_identities[call] = std::move(identity);
}

CallIdentities::Identity CallIdentities::take(const grpc::ServerContextBase *call)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_identities.find(call);
    if (it == m_identities.end())
        return {};
    Identity identity = std::move(it->second);
    m_identities.erase(it);
    return identity;
}
