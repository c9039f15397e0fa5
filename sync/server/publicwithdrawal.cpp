#include "publicwithdrawal.h"

bool withdrawPublication(SqlSession &db, const QString &recordId, qint64 seq, QString *why)
{
    SqlSession::Rows done;
    // The copy's renditions go with it: kiosks may no longer download them.
    if (!db.exec(QStringLiteral("DELETE FROM public_photo WHERE record_id = ?"), {recordId}, &done,
                 why)
        || !db.exec(QStringLiteral("DELETE FROM public_record WHERE record_id = ?"), {recordId},
                    &done, why))
        return false;
    if (done.affected == 0)
        return true; // never published, or withdrawn already
    // One withdrawal per record: kiosks that pull after this one need only the newest.
    return db.exec(
        QStringLiteral("INSERT INTO public_withdrawal (server_seq, record_id) VALUES (?, ?) "
                       "ON CONFLICT (record_id) DO UPDATE SET server_seq = excluded.server_seq"),
        {seq, recordId}, &done, why);
}
