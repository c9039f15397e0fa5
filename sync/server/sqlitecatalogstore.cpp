#include "sqlitecatalogstore.h"

#include "caller.h"
#include "scopecondition.h"
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

namespace {

const QString kBasemapColumns = QStringLiteral(
    "id, sha256, size_bytes, name, scope_code, datum, added_at_ms, retired_at_ms, retired_why");

CatalogStore::Basemap basemapOf(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toLongLong(),
            q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
            q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toString()};
}

} // namespace

bool SqliteCatalogStore::addBasemap(const Basemap &b, qint64 *id, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE basemap SET retired_at_ms = ?, retired_why = 'superseded' "
                             "WHERE retired_at_ms = 0 AND scope_code = ?"));
    q.addBindValue(b.addedAtMs);
    q.addBindValue(b.scopeCode);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("INSERT INTO basemap (sha256, size_bytes, name, scope_code, "
                                 "datum, added_at_ms) VALUES (?,?,?,?,?,?)"));
        q.addBindValue(b.sha256);
        q.addBindValue(b.sizeBytes);
        q.addBindValue(b.name);
        q.addBindValue(b.scopeCode);
        q.addBindValue(b.datum);
        q.addBindValue(b.addedAtMs);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        *error = ok ? db.lastError().text() : q.lastError().text();
        db.rollback();
        return false;
    }
    *id = q.lastInsertId().toLongLong();
    return true;
}

bool SqliteCatalogStore::basemaps(QList<Basemap> *out, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM basemap ORDER BY id").arg(kBasemapColumns))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        *out << basemapOf(q);
    return true;
}

bool SqliteCatalogStore::removeBasemap(qint64 id, qint64 atMs, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE basemap SET retired_at_ms = ?, retired_why = 'removed' "
                             "WHERE id = ? AND retired_at_ms = 0"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        *error = QStringLiteral("no current basemap %1").arg(id);
        return false;
    }
    return true;
}

bool SqliteCatalogStore::basemapsFor(const Caller &caller, QList<Basemap> *out, QString *error)
{
    QVariantList binds;
    const QString scope = basemapScopeCondition(caller, "scope_code", &binds);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM basemap WHERE retired_at_ms = 0 AND %2 "
                             "ORDER BY added_at_ms DESC, id DESC")
                  .arg(kBasemapColumns, scope));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        *out << basemapOf(q);
    return true;
}
