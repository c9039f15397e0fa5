#pragma once

#include "qingshui/v1/sync.grpc.pb.h"

class ServerStore;

// The Sync service: checks every request, then hands it to the store.
class SyncService final : public qingshui::v1::Sync::Service {
public:
    explicit SyncService(ServerStore &store) : m_store(store) { }

    grpc::Status Push(grpc::ServerContext *context, const qingshui::v1::PushRequest *request,
                      qingshui::v1::PushResponse *response) override;
    grpc::Status Pull(grpc::ServerContext *context, const qingshui::v1::PullRequest *request,
                      qingshui::v1::PullResponse *response) override;

    static constexpr int kMaxOpsPerPush = 5000;
    static constexpr int kMaxPullPage = 5000;

private:
    ServerStore &m_store;
};
