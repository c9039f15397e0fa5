#include "sqlitecatalogstore.h"

#include "serverdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

bool SqliteCatalogStore::addTemplate(const Template &t, qint64 atMs, QByteArray *stored,
                                     QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO form_template (id, version, category, definition, "
                             "added_at_ms) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"));
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    q.addBindValue(t.category);
    q.addBindValue(t.definition);
    q.addBindValue(atMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("SELECT definition FROM form_template WHERE id = ? AND version = ?"));
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    *stored = q.value(0).toByteArray();
    return true;
}

bool SqliteCatalogStore::templates(QList<Template> *out, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, version, category, definition FROM form_template "
                               "ORDER BY id, version"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        *out << Template {q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                          q.value(3).toByteArray()};
    return true;
}

int SqliteCatalogStore::latestReferenceVersion()
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT max(version) FROM reference_data")) && q.next()
        ? q.value(0).toInt()
        : 0;
}

int SqliteCatalogStore::addReference(const Reference &r, int atLeast, qint64 atMs, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    const int version = std::max(latestReferenceVersion(), atLeast) + 1;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO reference_data (version, units, townships, villages, "
                             "loaded_at_ms) VALUES (?,?,?,?,?)"));
    q.addBindValue(version);
    q.addBindValue(r.units);
    q.addBindValue(r.townships);
    q.addBindValue(r.villages);
    q.addBindValue(atMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    return version;
}

bool SqliteCatalogStore::reference(int version, Reference *out, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT units, townships, villages FROM reference_data WHERE version = ?"));
    q.addBindValue(version);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().isValid() ? q.lastError().text()
                                         : QStringLiteral("no reference version %1").arg(version);
        return false;
    }
    *out = {q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toByteArray()};
    return true;
}
