#pragma once

#include "qingshui/v1/catalog.grpc.pb.h"

#include <QString>

class Authenticator;
class ChangeStore;
class ReferenceCatalog;
class TemplateCatalog;

// What the server says about itself (version and epoch: no token needed, a device checks it
// before it logs in), the checklist templates and the reference regions devices should have.
class CatalogService final : public qingshui::v1::Catalog::WithRawCallbackMethod_ServerInfo<
                                 qingshui::v1::Catalog::WithRawCallbackMethod_ListTemplates<
                                     qingshui::v1::Catalog::WithRawCallbackMethod_ReferenceData<
                                         qingshui::v1::Catalog::Service>>> {
public:
    CatalogService(ChangeStore &store, TemplateCatalog &templates, ReferenceCatalog &reference,
                   const Authenticator &authenticator, QString version)
        : m_store(store)
        , m_templates(templates)
        , m_reference(reference)
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
    const Authenticator &m_authenticator;
    QString m_version;
};
