#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

class CatalogStore;

// The checklist templates the server hands to devices, so that a county can change a
// checklist without a new app. Every version is kept: records name the version they were
// filled with. The app's bundled templates are always there.
class TemplateCatalog {
public:
    explicit TemplateCatalog(CatalogStore &store) : m_store(store) { }

    // Adds the templates the server was built with, if missing.
    bool addBundled(QString *error);
    // Adds one definition (template JSON); a version once added never changes.
    bool add(const QByteArray &definition, QString *error);
    // Definitions of every (id, version) the device does not know (known: id → highest
    // version it has), oldest first.
    QList<QByteArray> newerThan(const QHash<QString, int> &known, QString *error);
    // "id version category" lines, for the admin command.
    QStringList list();

private:
    CatalogStore &m_store;
};
