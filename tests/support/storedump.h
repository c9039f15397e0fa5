#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>

// Every row of every table of a store, in order: what "nothing changed" is compared with.
// withSyncMeta false leaves out sync_meta (the login and server keys) to compare the work
// alone.
inline QString storeDumpOf(QSqlDatabase db, bool withSyncMeta = true)
{
    QString out;
    QSqlQuery tables(db);
    tables.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        if (!withSyncMeta && table == QLatin1String("sync_meta"))
            continue;
        QSqlQuery rows(db);
        rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table));
        out += table + QStringLiteral(":\n");
        while (rows.next()) {
            for (int i = 0; i < rows.record().count(); ++i)
                out += rows.value(i).toString() + QLatin1Char('|');
            out += QLatin1Char('\n');
        }
    }
    return out;
}
