#include "catalogreplies.h"

#include "basemapcatalog.h"
#include "referencecatalog.h"
#include "refusalstatus.h"
#include "templatecatalog.h"

#include "qingshui/v1/catalog.pb.h"

#include <QHash>

namespace v1 = qingshui::v1;

grpc::Status CatalogReplies::templates(const v1::ListTemplatesRequest &request,
                                       v1::ListTemplatesResponse *response)
{
    QHash<QString, int> known;
    for (const auto &k : request.known()) {
        int &v = known[QString::fromStdString(k.id())];
        v = std::max(v, k.version());
    }
    QString error;
    const QList<QByteArray> definitions = m_templates.newerThan(known, &error);
    if (!error.isEmpty())
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "cannot read the templates");
    for (const QByteArray &d : definitions)
        response->add_definitions(d.constData(), static_cast<size_t>(d.size()));
    return grpc::Status::OK;
}

grpc::Status CatalogReplies::reference(const Caller &caller,
                                       const v1::ReferenceDataRequest &request,
                                       v1::ReferenceDataResponse *response)
{
    QString error;
    if (!m_reference.fill(request.known_version(), response, &error))
        return refuse(grpc::StatusCode::INTERNAL, "server_error", "cannot read the reference data");
    if (request.wants_basemaps() && !m_basemaps.fill(caller, response, &error))
        return refuse(grpc::StatusCode::INTERNAL, "server_error",
                      "cannot read the basemap packages");
    return grpc::Status::OK;
}

grpc::Status CatalogReplies::answer(const Caller &caller, const v1::CatalogQuestions &questions,
                                    v1::CatalogAnswers *answers)
{
    v1::CatalogAnswers filled;
    if (grpc::Status status = templates(questions.templates(), filled.mutable_templates());
        !status.ok())
        return status;
    if (grpc::Status status = reference(caller, questions.reference(), filled.mutable_reference());
        !status.ok())
        return status;
    answers->Swap(&filled);
    return grpc::Status::OK;
}
