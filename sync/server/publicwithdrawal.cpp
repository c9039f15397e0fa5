#include "publicwithdrawal.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

bool withdrawPublication(QSqlDatabase db, const QString &recordId, qint64 seq, QString *why)
{
    QSqlQuery q(db);
    // The copy's renditions go with it: kiosks may no longer download them.
    q.prepare(QStringLiteral("DELETE FROM public_photo WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec()) {
        *why = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM public_record WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec()) {
        *why = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() == 0)
        return true; // never published, or withdrawn already
    // One withdrawal per record: kiosks that pull after this one need only the newest.
    q.prepare(
        QStringLiteral("INSERT INTO public_withdrawal (server_seq, record_id) VALUES (?, ?) "
                       "ON CONFLICT (record_id) DO UPDATE SET server_seq = excluded.server_seq"));
    q.addBindValue(seq);
    q.addBindValue(recordId);
    if (!q.exec()) {
        *why = q.lastError().text();
        return false;
    }
    return true;
}
