#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Where the checklist templates (TemplateCatalog) and the reference-region versions
// (ReferenceCatalog) are kept: the SQLite file or PostgreSQL.
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
};
