#pragma once

#include "qingshui/v1/catalog.grpc.pb.h"

#include <QString>

class Authenticator;
class ChangeStore;
class TemplateCatalog;

// What the server says about itself (version and epoch: no token needed, a device checks it
// before it logs in) and the checklist templates devices should have.
class CatalogService final : public qingshui::v1::Catalog::WithRawCallbackMethod_ServerInfo<
                                 qingshui::v1::Catalog::WithRawCallbackMethod_ListTemplates<
                                     qingshui::v1::Catalog::Service>> {
public:
    CatalogService(ChangeStore &store, TemplateCatalog &templates,
                   const Authenticator &authenticator, QString version)
        : m_store(store)
        , m_templates(templates)
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

private:
    ChangeStore &m_store;
    TemplateCatalog &m_templates;
    const Authenticator &m_authenticator;
    QString m_version;
};
