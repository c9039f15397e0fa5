#include "syncmetarepository.h"

#include <QSqlQuery>
#include <QUuid>

QString SyncMetaRepository::value(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

bool SyncMetaRepository::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    // A null QString (an empty list joined, e.g. a kiosk's scopes) would bind as SQL NULL
    // into a NOT NULL column: the empty value is stored as ''.
    q.addBindValue(value.isNull() ? QStringLiteral("") : value);
    return q.exec();
}

bool SyncMetaRepository::remove(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sync_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec();
}

QString SyncMetaRepository::deviceId()
{
    const QString key = QLatin1String(kDeviceId);
    QString id = value(key);
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        setValue(key, id);
    }
    return id;
}

qint64 SyncMetaRepository::pullCursor() const
{
    return value(QLatin1String(kPullCursor), QStringLiteral("0")).toLongLong();
}

QString SyncMetaRepository::serverEpoch() const
{
    return value(QLatin1String(kServerEpoch));
}

HistoryMark SyncMetaRepository::historyMark() const
{
    return {value(QLatin1String(kHistorySeq)).toLongLong(),
            value(QLatin1String(kHistoryFingerprint)).toLongLong()};
}

bool SyncMetaRepository::advanceHistoryMark(const HistoryMark &seen)
{
    const HistoryMark kept = historyMark();
    const HistoryMark next = HistoryMark::further(kept, seen);
    if (next.serverSeq == kept.serverSeq && next.fingerprint == kept.fingerprint)
        return true;
    return setValue(QLatin1String(kHistorySeq), QString::number(next.serverSeq))
        && setValue(QLatin1String(kHistoryFingerprint), QString::number(next.fingerprint));
}

bool SyncMetaRepository::clearHistoryMark()
{
    return remove(QLatin1String(kHistorySeq)) && remove(QLatin1String(kHistoryFingerprint));
}
