#pragma once

#include <QByteArray>
#include <QString>

class CatalogStore;
namespace qingshui::v1 {
class ReferenceDataResponse;
}

// The paired units, townships and villages devices pick from, as numbered versions: the
// set the server was built with (app/data/reference) is version 1; an administrator loads
// corrected or newer statistics-bureau lists as the next version.
class ReferenceCatalog {
public:
    explicit ReferenceCatalog(CatalogStore &store) : m_store(store) { }

    // Loads units.csv, townships.csv and villages.csv from a folder (the app's format) as
    // a new version, after checking every line; returns the version, -1 with *error.
    int load(const QString &folder, QString *error);
    int latestVersion();
    // Fills the newest version if it is newer than `knownVersion` (else just the version).
    bool fill(int knownVersion, qingshui::v1::ReferenceDataResponse *out, QString *error);

private:
    CatalogStore &m_store;
};
