#include "catalogservice.h"

#include "catalogreplies.h"
#include "changestore.h"
#include "rawunary.h"

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
               v1::ListTemplatesResponse *resp) { return m_replies.templates(req, resp); });
}

grpc::ServerUnaryReactor *CatalogService::ReferenceData(grpc::CallbackServerContext *context,
                                                        const grpc::ByteBuffer *request,
                                                        grpc::ByteBuffer *response)
{
    return answerRaw<v1::ReferenceDataRequest, v1::ReferenceDataResponse>(
        context, request, response, &m_authenticator,
        [this](const Caller &caller, const v1::ReferenceDataRequest &req,
               v1::ReferenceDataResponse *resp) { return m_replies.reference(caller, req, resp); });
}
