#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct Caller;

// Where the checklist templates (TemplateCatalog), the reference-region versions
// (ReferenceCatalog) and the basemap packages are kept: the SQLite file or PostgreSQL.
class CatalogStore {
public:
    struct Template {
        QString id;
        int version = 0;
        QString category;
        QByteArray definition;
    };
    struct Reference {
        QByteArray units, townships, villages;
    };
    // A basemap package; its bytes are the blob named sha256.
    struct Basemap {
        qint64 id = 0;
        QString sha256;
        qint64 sizeBytes = 0;
        QString name;
        QString scopeCode;
        QString datum;
        qint64 addedAtMs = 0;
        qint64 retiredAtMs = 0; // 0: current
        QString retiredWhy; // "superseded" or "removed"
    };

    virtual ~CatalogStore() = default;

    // Adds the template unless its (id, version) is there already (servers starting at once
    // add the bundled ones together); *stored gets the definition kept for it.
    virtual bool addTemplate(const Template &t, qint64 atMs, QByteArray *stored, QString *error)
        = 0;
    // Every template, by id and version.
    virtual bool templates(QList<Template> *out, QString *error) = 0;

    // The highest reference version stored, 0 when none.
    virtual int latestReferenceVersion() = 0;
    // Stores a reference set as the version after max(stored, atLeast); -1 with *error.
    virtual int addReference(const Reference &r, int atLeast, qint64 atMs, QString *error) = 0;
    virtual bool reference(int version, Reference *out, QString *error) = 0;

    // Registers a package as its scope's current one and retires the current one of that
    // scope ("superseded"), in one transaction; *id gets its number.
    virtual bool addBasemap(const Basemap &b, qint64 *id, QString *error) = 0;
    // Every package ever added, current or not, by id.
    virtual bool basemaps(QList<Basemap> *out, QString *error) = 0;
    // Retires a current package ("removed"); false with *error when there is none such.
    virtual bool removeBasemap(qint64 id, qint64 atMs, QString *error) = 0;
    // The current packages whose scope meets the caller's (basemapScopeCondition), newest first.
    virtual bool basemapsFor(const Caller &caller, QList<Basemap> *out, QString *error) = 0;
};
