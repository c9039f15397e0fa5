#pragma once

#include "catalogstore.h"

#include <QString>

class BlobStore;
struct Caller;
namespace qingshui::v1 {
class ReferenceDataResponse;
}

// The basemap packages devices download (docs/sync.md, "Basemaps"): an MBTiles file the
// administrator registers for a county or a township. Its bytes go into the blob store under
// their SHA-256, where devices fetch them as they fetch photos; a newer package for the same
// scope supersedes the older one.
class BasemapCatalog {
public:
    BasemapCatalog(CatalogStore &store, BlobStore &blobs) : m_store(store), m_blobs(blobs) { }

    // Checks the file (an MBTiles with a datum the app knows), stores its bytes and registers
    // it; *added gets the row. False with *error (English, with the file's code) otherwise:
    // then nothing is registered.
    bool add(const QString &path, const QString &scopeCode, const QString &name, qint64 atMs,
             CatalogStore::Basemap *added, QString *error);
    bool list(QList<CatalogStore::Basemap> *out, QString *error)
    {
        return m_store.basemaps(out, error);
    }
    bool remove(qint64 id, qint64 atMs, QString *error)
    {
        return m_store.removeBasemap(id, atMs, error);
    }
    // The caller's current packages, newest first, into the reference data's reply.
    bool fill(const Caller &caller, qingshui::v1::ReferenceDataResponse *out, QString *error);

private:
    CatalogStore &m_store;
    BlobStore &m_blobs;
};
