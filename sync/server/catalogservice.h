#pragma once

#include "qingshui/v1/catalog.grpc.pb.h"

#include <QString>

class Authenticator;
class ChangeStore;

// What the server says about itself: version and epoch (no token needed: a device checks it
// before it logs in).
class CatalogService final : public qingshui::v1::Catalog::WithRawCallbackMethod_ServerInfo<
                                 qingshui::v1::Catalog::Service> {
public:
    CatalogService(ChangeStore &store, const Authenticator &authenticator, QString version)
        : m_store(store), m_authenticator(authenticator), m_version(std::move(version))
    {
    }

    grpc::ServerUnaryReactor *ServerInfo(grpc::CallbackServerContext *context,
                                         const grpc::ByteBuffer *request,
                                         grpc::ByteBuffer *response) override;

private:
    ChangeStore &m_store;
    const Authenticator &m_authenticator;
    QString m_version;
};
