#pragma once

#include "catalogstore.h"

class PgDatabase;

// Templates, reference versions and basemap packages on PostgreSQL.
class PgCatalogStore : public CatalogStore {
public:
    explicit PgCatalogStore(PgDatabase &db) : m_db(db) { }

    bool addTemplate(const Template &t, qint64 atMs, QByteArray *stored, QString *error) override;
    bool templates(QList<Template> *out, QString *error) override;
    int latestReferenceVersion() override;
    int addReference(const Reference &r, int atLeast, qint64 atMs, QString *error) override;
    bool reference(int version, Reference *out, QString *error) override;
    bool addBasemap(const Basemap &b, qint64 *id, QString *error) override;
    bool basemaps(QList<Basemap> *out, QString *error) override;
    bool removeBasemap(qint64 id, qint64 atMs, QString *error) override;
    bool basemapsFor(const Caller &caller, QList<Basemap> *out, QString *error) override;

private:
    PgDatabase &m_db;
};
