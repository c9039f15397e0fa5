#pragma once

#include "caller.h"

#include "qingshui/v1/sync.grpc.pb.h"

class Authenticator;
class CatalogReplies;
class ChangeStore;

// The Sync service: authenticates every call, checks it against the caller's role and
// jurisdiction, then hands it to the change store. The page that ends a pull also answers
// the catalogue questions the request carries (`catalog`: null answers pulls as servers
// before issue 18 did, for the tests of a new device against an old server).
class SyncService final
    : public qingshui::v1::Sync::WithRawCallbackMethod_Push<
          qingshui::v1::Sync::WithRawCallbackMethod_Pull<qingshui::v1::Sync::Service>> {
public:
    SyncService(ChangeStore &store, const Authenticator &authenticator, CatalogReplies *catalog)
        : m_store(store), m_authenticator(authenticator), m_catalog(catalog)
    {
    }

    grpc::ServerUnaryReactor *Push(grpc::CallbackServerContext *context,
                                   const grpc::ByteBuffer *request,
                                   grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *Pull(grpc::CallbackServerContext *context,
                                   const grpc::ByteBuffer *request,
                                   grpc::ByteBuffer *response) override;

    // The checks and the work, on parsed messages.
    grpc::Status push(const Caller &caller, const qingshui::v1::PushRequest &request,
                      qingshui::v1::PushResponse *response);
    grpc::Status pull(const Caller &caller, const qingshui::v1::PullRequest &request,
                      qingshui::v1::PullResponse *response);

    static constexpr int kMaxOpsPerPush = 5000;
    static constexpr int kMaxPullPage = 5000;

private:
    ChangeStore &m_store;
    const Authenticator &m_authenticator;
    CatalogReplies *m_catalog;
};
