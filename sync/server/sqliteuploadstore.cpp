#include "sqliteuploadstore.h"

#include "serverdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {

bool failed(const QSqlQuery &q, QString *error)
{
    *error = q.lastError().text();
    return false;
}

} // namespace

bool SqliteUploadStore::find(const QString &sha256, const Owner &owner, Upload *out, QString *error)
{
    *out = {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, file_name, total_size, received_bytes FROM blob_upload "
                             "WHERE sha256 = ? AND account_id = ? AND device_id = ?"));
    q.addBindValue(sha256);
    q.addBindValue(owner.accountId);
    q.addBindValue(owner.deviceId);
    if (!q.exec())
        return failed(q, error);
    if (q.next())
        *out = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                q.value(3).toLongLong()};
    return true;
}

bool SqliteUploadStore::begin(const QString &sha256, const Owner &owner, qint64 totalSize,
                              const QString &newFileName, Upload *out, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Created, or found (with the size this call says).
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO blob_upload (sha256, account_id, device_id, file_name, total_size, "
        "received_bytes, started_at_ms, last_chunk_at_ms) VALUES (?,?,?,?,?,0,?,?) "
        "ON CONFLICT (sha256, account_id, device_id) DO UPDATE SET "
        "total_size = excluded.total_size"));
    q.addBindValue(sha256);
    q.addBindValue(owner.accountId);
    q.addBindValue(owner.deviceId);
    q.addBindValue(newFileName);
    q.addBindValue(totalSize);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return failed(q, error);
    return find(sha256, owner, out, error);
}

bool SqliteUploadStore::advance(qint64 id, qint64 from, qint64 to, bool *moved, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE blob_upload SET received_bytes = ?, last_chunk_at_ms = ? "
                             "WHERE id = ? AND received_bytes = ?"));
    q.addBindValue(to);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    q.addBindValue(from);
    if (!q.exec())
        return failed(q, error);
    *moved = q.numRowsAffected() != 1;
    return true;
}

bool SqliteUploadStore::remove(qint64 id, QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM blob_upload WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() || failed(q, error);
}

bool SqliteUploadStore::removeIdle(qint64 cutoffMs, QStringList *removedFiles, QSet<QString> *inUse,
                                   QString *error)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("DELETE FROM blob_upload WHERE last_chunk_at_ms < ? RETURNING file_name"));
    q.addBindValue(cutoffMs);
    if (!q.exec())
        return failed(q, error);
    while (q.next())
        *removedFiles << q.value(0).toString();
    q.finish();
    // An upload begun since is fresh: the sweep of unnamed files spares it by its age.
    if (!q.exec(QStringLiteral("SELECT file_name FROM blob_upload")))
        return failed(q, error);
    while (q.next())
        inUse->insert(q.value(0).toString());
    return true;
}
