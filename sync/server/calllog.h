#pragma once

#include <grpcpp/support/server_interceptor.h>

class CallIdentities;
class LineWriter;

// One line per call, a JSON object on the writer's stream (docs/sync.md, "The call log"):
//   {"time":"2026-12-06T10:47:39.123Z","method":"/qingshui.v1.Sync/Push","status":"OK",
//    "ms":3.2,"account":"wang.li","device":"6f1c…","peer":"ipv4:10.0.0.7:40022"}
// plus "refusal" with the refusal code when the status carries one. Never a token, a
// password or a request's content. Health checks (grpc.health.v1.Health) are not logged:
// load balancers ask every few seconds.
class CallLogFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
public:
    CallLogFactory(CallIdentities &identities, LineWriter &out)
        : m_identities(identities), m_out(out)
    {
    }
    grpc::experimental::Interceptor *
    CreateServerInterceptor(grpc::experimental::ServerRpcInfo *info) override;

private:
    CallIdentities &m_identities;
    LineWriter &m_out;
};
