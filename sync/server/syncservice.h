#pragma once

#include "qingshui/v1/sync.grpc.pb.h"

class ServerStore;

// The Sync service: checks every request, then hands it to the store. Requests arrive as raw
// bytes and are parsed here, so that bytes which are no valid message get a clear
// INVALID_ARGUMENT instead of gRPC's bare INTERNAL.
class SyncService final
    : public qingshui::v1::Sync::WithRawCallbackMethod_Push<
          qingshui::v1::Sync::WithRawCallbackMethod_Pull<qingshui::v1::Sync::Service>> {
public:
    explicit SyncService(ServerStore &store) : m_store(store) { }

    grpc::ServerUnaryReactor *Push(grpc::CallbackServerContext *context,
                                   const grpc::ByteBuffer *request,
                                   grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *Pull(grpc::CallbackServerContext *context,
                                   const grpc::ByteBuffer *request,
                                   grpc::ByteBuffer *response) override;

    // The checks and the work, on parsed messages.
    grpc::Status push(const qingshui::v1::PushRequest &request,
                      qingshui::v1::PushResponse *response);
    grpc::Status pull(const qingshui::v1::PullRequest &request,
                      qingshui::v1::PullResponse *response);

    static constexpr int kMaxOpsPerPush = 5000;
    static constexpr int kMaxPullPage = 5000;

private:
    ServerStore &m_store;
};
