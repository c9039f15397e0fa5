#include "sqlitesession.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

bool SqliteSession::exec(const QString &sql, const QVariantList &binds, Rows *out, QString *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    *out = {};
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < columns; ++i)
            row << q.value(i);
        out->rows << row;
    }
    out->affected = q.numRowsAffected();
    return true;
}
