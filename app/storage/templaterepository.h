#pragma once

#include "domain/formtemplate.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <optional>

// Checklist templates cached on the device, every version kept: a record is always shown
// with the version it was filled with.
class TemplateRepository {
public:
    explicit TemplateRepository(QSqlDatabase db) : m_db(db) { }

    // Stores definitions (template JSON) not yet known, in one transaction; each must parse.
    bool storeDefinitions(const QList<QByteArray> &definitions);

    std::optional<FormTemplate> find(const QString &id, int version) const;
    std::optional<FormTemplate> latest(const QString &id) const;
    // The newest version of every template, ordered by category then id.
    QList<FormTemplate> latestAll() const;

    // Each template id the device has, with its highest version (what a sync tells the
    // server it knows).
    QHash<QString, int> knownVersions() const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
