#pragma once

#include "qingshui/v1/catalog.grpc.pb.h"

#include <QString>

class Authenticator;
class BasemapCatalog;
class ChangeStore;
class ReferenceCatalog;
class TemplateCatalog;

// What the server says about itself (version and epoch: no token needed, a device checks it
// before it logs in), the checklist templates and the reference regions devices should have,
// and with the regions, for a device that asks, its scope's basemap packages (no call of
// their own: a sync that changes nothing makes no more calls for them).
class CatalogService final : public qingshui::v1::Catalog::WithRawCallbackMethod_ServerInfo<
                                 qingshui::v1::Catalog::WithRawCallbackMethod_ListTemplates<
                                     qingshui::v1::Catalog::WithRawCallbackMethod_ReferenceData<
                                         qingshui::v1::Catalog::Service>>> {
public:
    CatalogService(ChangeStore &store, TemplateCatalog &templates, ReferenceCatalog &reference,
                   BasemapCatalog &basemaps, const Authenticator &authenticator, QString version)
        : m_store(store)
        , m_templates(templates)
        , m_reference(reference)
        , m_basemaps(basemaps)
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
    TemplateCatalog &m_templates;
    ReferenceCatalog &m_reference;
    BasemapCatalog &m_basemaps;
    const Authenticator &m_authenticator;
    QString m_version;
};
