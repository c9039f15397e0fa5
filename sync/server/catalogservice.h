#pragma once

#include "qingshui/v1/catalog.grpc.pb.h"

#include <QString>

class Authenticator;
class CatalogReplies;
class ChangeStore;

// What the server says about itself (version and epoch: no token needed, a device checks it
// before it logs in), the checklist templates and the reference regions devices should have,
// and with the regions, for a device that asks, its scope's basemap packages (no call of
// their own). Newer devices get the same answers with their pull (CatalogReplies).
class CatalogService final : public qingshui::v1::Catalog::WithRawCallbackMethod_ServerInfo<
                                 qingshui::v1::Catalog::WithRawCallbackMethod_ListTemplates<
                                     qingshui::v1::Catalog::WithRawCallbackMethod_ReferenceData<
                                         qingshui::v1::Catalog::Service>>> {
public:
    CatalogService(ChangeStore &store, CatalogReplies &replies, const Authenticator &authenticator,
                   QString version)
        : m_store(store)
        , m_replies(replies)
        , m_authenticator(authenticator)
        , m_version(std::move(version))
    {
    }

    grpc::ServerUnaryReactor *ServerInfo(grpc::CallbackServerContext *context,
                                         const grpc::ByteBuffer *request,
                                         grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *ListTemplates(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response) override;
    grpc::ServerUnaryReactor *ReferenceData(grpc::CallbackServerContext *context,
                                            const grpc::ByteBuffer *request,
                                            grpc::ByteBuffer *response) override;

private:
    ChangeStore &m_store;
    CatalogReplies &m_replies;
    const Authenticator &m_authenticator;
    QString m_version;
};
