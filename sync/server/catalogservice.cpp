#include "catalogservice.h"

#include "basemapcatalog.h"
#include "changestore.h"
#include "rawunary.h"
#include "referencecatalog.h"
#include "refusalstatus.h"
#include "templatecatalog.h"

#include <QDateTime>

namespace v1 = qingshui::v1;

grpc::ServerUnaryReactor *CatalogService::ServerInfo(grpc::CallbackServerContext *context,
                                                     const grpc::ByteBuffer *request,
                                                     grpc::ByteBuffer *response)
{
    return answerRaw<v1::ServerInfoRequest, v1::ServerInfoResponse>(
        context, request, response, nullptr,
        [this](const Caller &, const auto &, v1::ServerInfoResponse *resp) {
            resp->set_version(m_version.toStdString());
            resp->set_epoch(m_store.epoch().toStdString());
            resp->set_server_time_ms(QDateTime::currentMSecsSinceEpoch());
            resp->set_protocol_version(1);
            return grpc::Status::OK;
        });
}

grpc::ServerUnaryReactor *CatalogService::ListTemplates(grpc::CallbackServerContext *context,
                                                        const grpc::ByteBuffer *request,
                                                        grpc::ByteBuffer *response)
{
    return answerRaw<v1::ListTemplatesRequest, v1::ListTemplatesResponse>(
        context, request, response, &m_authenticator,
        [this](const Caller &, const v1::ListTemplatesRequest &req,
               v1::ListTemplatesResponse *resp) {
            QHash<QString, int> known;
            for (const auto &k : req.known()) {
                int &v = known[QString::fromStdString(k.id())];
                v = std::max(v, k.version());
            }
            QString error;
            const QList<QByteArray> definitions = m_templates.newerThan(known, &error);
            if (!error.isEmpty())
                return refuse(grpc::StatusCode::INTERNAL, "server_error",
                              "cannot read the templates");
            for (const QByteArray &d : definitions)
                resp->add_definitions(d.constData(), static_cast<size_t>(d.size()));
            return grpc::Status::OK;
        });
}

grpc::ServerUnaryReactor *CatalogService::ReferenceData(grpc::CallbackServerContext *context,
                                                        const grpc::ByteBuffer *request,
                                                        grpc::ByteBuffer *response)
{
    return answerRaw<v1::ReferenceDataRequest, v1::ReferenceDataResponse>(
        context, request, response, &m_authenticator,
        [this](const Caller &caller, const v1::ReferenceDataRequest &req,
               v1::ReferenceDataResponse *resp) {
            QString error;
            if (!m_reference.fill(req.known_version(), resp, &error))
                return refuse(grpc::StatusCode::INTERNAL, "server_error",
                              "cannot read the reference data");
            if (req.wants_basemaps() && !m_basemaps.fill(caller, resp, &error))
                return refuse(grpc::StatusCode::INTERNAL, "server_error",
                              "cannot read the basemap packages");
            return grpc::Status::OK;
        });
}
