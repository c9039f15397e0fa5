#include "pguploadstore.h"

#include "pgdatabase.h"

#include <QDateTime>

namespace {

constexpr const char *kUploadColumns = "id, file_name, total_size, received_bytes";

UploadStore::Upload readUpload(const PgResult &r)
{
    if (r.rows() == 0)
        return {};
    return {r.value(0, 0).toLongLong(), r.value(0, 1).toString(), r.value(0, 2).toLongLong(),
            r.value(0, 3).toLongLong()};
}

bool failed(const PgResult &r, QString *error)
{
    *error = r.error();
    return false;
}

} // namespace

bool PgUploadStore::find(const QString &sha256, const Owner &owner, Upload *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT %1 FROM blob_upload WHERE sha256 = ? "
                                              "AND account_id = ? AND device_id = ?")
                                   .arg(QLatin1String(kUploadColumns)),
                               {sha256, owner.accountId, owner.deviceId});
    if (!r.ok())
        return failed(r, error);
    *out = readUpload(r);
    return true;
}

bool PgUploadStore::begin(const QString &sha256, const Owner &owner, qint64 totalSize,
                          const QString &newFileName, Upload *out, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Created, or found (with the size this call says), in one statement.
    const PgResult r = c->exec(
        QStringLiteral("INSERT INTO blob_upload (sha256, account_id, device_id, file_name, "
                       "total_size, received_bytes, started_at_ms, last_chunk_at_ms) "
                       "VALUES (?,?,?,?,?,0,?,?) ON CONFLICT (sha256, account_id, device_id) "
                       "DO UPDATE SET total_size = excluded.total_size RETURNING %1")
            .arg(QLatin1String(kUploadColumns)),
        {sha256, owner.accountId, owner.deviceId, newFileName, totalSize, now, now});
    if (!r.ok())
        return failed(r, error);
    *out = readUpload(r);
    return true;
}

bool PgUploadStore::advance(qint64 id, qint64 from, qint64 to, bool *moved, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("UPDATE blob_upload SET received_bytes = ?, last_chunk_at_ms = ? "
                                 "WHERE id = ? AND received_bytes = ?"),
                  {to, QDateTime::currentMSecsSinceEpoch(), id, from});
    if (!r.ok())
        return failed(r, error);
    *moved = r.affected() != 1;
    return true;
}

bool PgUploadStore::remove(qint64 id, QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("DELETE FROM blob_upload WHERE id = ?"), {id});
    return r.ok() || failed(r, error);
}

bool PgUploadStore::removeIdle(qint64 cutoffMs, QStringList *removedFiles, QSet<QString> *inUse,
                               QString *error)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult removed = c->exec(
        QStringLiteral("DELETE FROM blob_upload WHERE last_chunk_at_ms < ? RETURNING file_name"),
        {cutoffMs});
    if (!removed.ok())
        return failed(removed, error);
    for (int i = 0; i < removed.rows(); ++i)
        *removedFiles << removed.value(i, 0).toString();
    // An upload begun since is fresh: the sweep of unnamed files spares it by its age.
    const PgResult left = c->exec(QStringLiteral("SELECT file_name FROM blob_upload"));
    if (!left.ok())
        return failed(left, error);
    for (int i = 0; i < left.rows(); ++i)
        inUse->insert(left.value(i, 0).toString());
    return true;
}
