#pragma once

#include <grpcpp/support/status.h>

class BasemapCatalog;
class ReferenceCatalog;
class TemplateCatalog;
struct Caller;
namespace qingshui::v1 {
class CatalogAnswers;
class CatalogQuestions;
class ListTemplatesRequest;
class ListTemplatesResponse;
class ReferenceDataRequest;
class ReferenceDataResponse;
} // namespace qingshui::v1

// What the catalogue answers a device: the template versions it lacks, the reference regions
// if newer than its own, and (asked) its scope's basemap packages. The Catalog service's calls
// and the pull that carries the same questions (PullRequest.catalog) answer through this, so
// an old tablet's calls and a new one's pull get the very same answers.
class CatalogReplies {
public:
    CatalogReplies(TemplateCatalog &templates, ReferenceCatalog &reference,
                   BasemapCatalog &basemaps)
        : m_templates(templates), m_reference(reference), m_basemaps(basemaps)
    {
    }

    grpc::Status templates(const qingshui::v1::ListTemplatesRequest &request,
                           qingshui::v1::ListTemplatesResponse *response);
    grpc::Status reference(const Caller &caller, const qingshui::v1::ReferenceDataRequest &request,
                           qingshui::v1::ReferenceDataResponse *response);
    // Both; on a failure *answers is left as it was.
    grpc::Status answer(const Caller &caller, const qingshui::v1::CatalogQuestions &questions,
                        qingshui::v1::CatalogAnswers *answers);

private:
    TemplateCatalog &m_templates;
    ReferenceCatalog &m_reference;
    BasemapCatalog &m_basemaps;
};
