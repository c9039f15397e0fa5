#include "synclogrepository.h"

#include "syncmetarepository.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const char *outcomeName(SyncLogEntry::Outcome outcome)
{
    switch (outcome) {
    case SyncLogEntry::Succeeded:
        return "succeeded";
    case SyncLogEntry::Offline:
        return "offline";
    case SyncLogEntry::Failed:
        break;
    }
    return "failed";
}

SyncLogEntry::Outcome outcomeFrom(const QString &name)
{
    if (name == QLatin1String("succeeded"))
        return SyncLogEntry::Succeeded;
    if (name == QLatin1String("offline"))
        return SyncLogEntry::Offline;
    return SyncLogEntry::Failed;
}

QString argsJson(const QStringList &args)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(args)).toJson(QJsonDocument::Compact));
}

QStringList argsFrom(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

bool SyncLogRepository::append(const SyncLogEntry &entry)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO sync_log (started_at_ms, duration_ms, outcome, server, pushed, pulled, "
        "photos_sent, photos_received, error_code, error_args, error_detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.startedAtMs);
    q.addBindValue(entry.durationMs);
    q.addBindValue(QLatin1String(outcomeName(entry.outcome)));
    q.addBindValue(entry.server.isNull() ? QStringLiteral("") : entry.server);
    q.addBindValue(entry.pushed);
    q.addBindValue(entry.pulled);
    q.addBindValue(entry.photosSent);
    q.addBindValue(entry.photosReceived);
    q.addBindValue(entry.errorCode.isNull() ? QStringLiteral("") : entry.errorCode);
    q.addBindValue(argsJson(entry.errorArgs));
    q.addBindValue(entry.errorDetail.isNull() ? QStringLiteral("") : entry.errorDetail);
    bool ok = q.exec();
    if (ok) {
        // The id only grows: everything at or below the (kKept+1)-th newest goes.
        ok = q.exec(QStringLiteral("DELETE FROM sync_log WHERE id <= (SELECT id FROM sync_log "
                                   "ORDER BY id DESC LIMIT 1 OFFSET %1)")
                        .arg(kKept));
    }
    if (ok && entry.outcome == SyncLogEntry::Succeeded) {
        ok = SyncMetaRepository(m_db).setValue(
            QLatin1String(kLastSuccessKey), QString::number(entry.startedAtMs + entry.durationMs));
    }
    if (!ok)
        m_error = q.lastError().text();
    return ok && tx.commit();
}

QList<SyncLogEntry> SyncLogRepository::latest(int max) const
{
    QList<SyncLogEntry> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, started_at_ms, duration_ms, outcome, server, pushed, pulled, photos_sent, "
        "photos_received, error_code, error_args, error_detail FROM sync_log "
        "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(max);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        SyncLogEntry e;
        e.id = q.value(0).toLongLong();
        e.startedAtMs = q.value(1).toLongLong();
        e.durationMs = q.value(2).toLongLong();
        e.outcome = outcomeFrom(q.value(3).toString());
        e.server = q.value(4).toString();
        e.pushed = q.value(5).toInt();
        e.pulled = q.value(6).toInt();
        e.photosSent = q.value(7).toInt();
        e.photosReceived = q.value(8).toInt();
        e.errorCode = q.value(9).toString();
        e.errorArgs = argsFrom(q.value(10).toString());
        e.errorDetail = q.value(11).toString();
        out << e;
    }
    return out;
}

qint64 SyncLogRepository::lastSuccessMs() const
{
    return SyncMetaRepository(m_db).value(QLatin1String(kLastSuccessKey)).toLongLong();
}
