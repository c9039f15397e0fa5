#include "pgcatalogstore.h"

#include "caller.h"
#include "pgdatabase.h"
#include "scopecondition.h"

bool PgCatalogStore::addTemplate(const Template &t, qint64 atMs, QByteArray *stored, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    PgResult r = c->exec(QStringLiteral("INSERT INTO form_template (id, version, category, "
                                        "definition, added_at_ms) VALUES (?,?,?,?,?) "
                                        "ON CONFLICT DO NOTHING"),
                         {t.id, t.version, t.category, t.definition, atMs});
    if (r.ok())
        r = c->exec(
            QStringLiteral("SELECT definition FROM form_template WHERE id = ? AND version = ?"),
            {t.id, t.version});
    if (!r.ok() || r.rows() != 1) {
        *error = r.error();
        return false;
    }
    *stored = r.value(0, 0).toByteArray();
    return true;
}

bool PgCatalogStore::templates(QList<Template> *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral(
        "SELECT id, version, category, definition FROM form_template ORDER BY id, version"));
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        *out << Template {r.value(i, 0).toString(), r.value(i, 1).toInt(), r.value(i, 2).toString(),
                          r.value(i, 3).toByteArray()};
    return true;
}

int PgCatalogStore::latestReferenceVersion()
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM reference_data"));
    return r.rows() == 1 ? r.value(0, 0).toInt() : 0;
}

int PgCatalogStore::addReference(const Reference &ref, int atLeast, qint64 atMs, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    // One statement: two loads at once cannot take the same number (one fails on the key).
    const PgResult r = c->exec(
        QStringLiteral("INSERT INTO reference_data (version, units, townships, villages, "
                       "loaded_at_ms) SELECT greatest(coalesce(max(version), 0), ?::int) + 1, "
                       "?, ?, ?, ? FROM reference_data RETURNING version"),
        {atLeast, ref.units, ref.townships, ref.villages, atMs});
    if (!r.ok() || r.rows() != 1) {
        *error = r.error();
        return -1;
    }
    return r.value(0, 0).toInt();
}

bool PgCatalogStore::reference(int version, Reference *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("SELECT units, townships, villages FROM reference_data WHERE version = ?"),
        {version});
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? QStringLiteral("no reference version %1").arg(version) : r.error();
        return false;
    }
    *out = {r.value(0, 0).toByteArray(), r.value(0, 1).toByteArray(), r.value(0, 2).toByteArray()};
    return true;
}

namespace {

const QString kBasemapColumns = QStringLiteral(
    "id, sha256, size_bytes, name, scope_code, datum, added_at_ms, retired_at_ms, retired_why");

QList<CatalogStore::Basemap> basemapsOf(const PgResult &r)
{
    QList<CatalogStore::Basemap> out;
    for (int i = 0; i < r.rows(); ++i)
        out << CatalogStore::Basemap {
            r.value(i, 0).toLongLong(), r.value(i, 1).toString(),   r.value(i, 2).toLongLong(),
            r.value(i, 3).toString(),   r.value(i, 4).toString(),   r.value(i, 5).toString(),
            r.value(i, 6).toLongLong(), r.value(i, 7).toLongLong(), r.value(i, 8).toString()};
    return out;
}

} // namespace

bool PgCatalogStore::addBasemap(const Basemap &b, qint64 *id, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    PgResult r = c->begin();
    if (r.ok())
        r = c->exec(QStringLiteral("UPDATE basemap SET retired_at_ms = ?, "
                                   "retired_why = 'superseded' "
                                   "WHERE retired_at_ms = 0 AND scope_code = ?"),
                    {b.addedAtMs, b.scopeCode});
    if (r.ok())
        r = c->exec(QStringLiteral("INSERT INTO basemap (sha256, size_bytes, name, scope_code, "
                                   "datum, added_at_ms) VALUES (?,?,?,?,?,?) RETURNING id"),
                    {b.sha256, b.sizeBytes, b.name, b.scopeCode, b.datum, b.addedAtMs});
    if (!r.ok() || r.rows() != 1) {
        *error = r.error();
        c->rollback();
        return false;
    }
    *id = r.value(0, 0).toLongLong();
    r = c->commit();
    if (!r.ok()) {
        *error = r.error();
        c->rollback();
        return false;
    }
    return true;
}

bool PgCatalogStore::basemaps(QList<Basemap> *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("SELECT %1 FROM basemap ORDER BY id").arg(kBasemapColumns));
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    *out << basemapsOf(r);
    return true;
}

bool PgCatalogStore::removeBasemap(qint64 id, qint64 atMs, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("UPDATE basemap SET retired_at_ms = ?, "
                                              "retired_why = 'removed' "
                                              "WHERE id = ? AND retired_at_ms = 0 RETURNING id"),
                               {atMs, id});
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? QStringLiteral("no current basemap %1").arg(id) : r.error();
        return false;
    }
    return true;
}

bool PgCatalogStore::basemapsFor(const Caller &caller, QList<Basemap> *out, QString *error)
{
    QVariantList binds;
    const QString scope = basemapScopeCondition(caller, "scope_code", &binds);
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT %1 FROM basemap WHERE retired_at_ms = 0 "
                                              "AND %2 ORDER BY added_at_ms DESC, id DESC")
                                   .arg(kBasemapColumns, scope),
                               binds);
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    *out << basemapsOf(r);
    return true;
}
