#pragma once

#include "testbackend.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

// A look inside a qingshui-server's store, for what no command or RPC tells (how many
// revisions it holds, that a password is stored hashed), on whichever backend the test runs:
// the SQLite file at path, or the PostgreSQL database TestBackend made for it. sql must read
// the same on both (plain SELECT/UPDATE on the common schema). Returns the rows, each column
// as text (NULL as empty); false in *ok if the statement failed.
inline QList<QStringList> serverStoreRows(const QString &path, const QString &sql,
                                          bool *ok = nullptr)
{
    QList<QStringList> rows;
    if (ok)
        *ok = false;
    if (TestBackend::isPostgres()) {
        QByteArray out;
        if (!TestBackend::runPsql(TestBackend::dbArgument(path),
                                  {QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-F"),
                                   QStringLiteral("\x1f"), QStringLiteral("-R"),
                                   QStringLiteral("\x1e"), QStringLiteral("-c"), sql},
                                  &out))
            return rows;
        if (out.endsWith('\n'))
            out.chop(1);
        if (!out.isEmpty()) {
            for (const QByteArray &record : out.split('\x1e'))
                rows << QString::fromUtf8(record).split(QLatin1Char('\x1f'));
        }
        if (ok)
            *ok = true;
        return rows;
    }
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next()) {
                    QStringList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row << q.value(i).toString();
                    rows << row;
                }
                if (ok)
                    *ok = true;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// The first column of the first row as a number, -1 if the statement failed or gave none.
inline int serverStoreCount(const QString &path, const QString &sql)
{
    bool ok = false;
    const QList<QStringList> rows = serverStoreRows(path, sql, &ok);
    return ok && !rows.isEmpty() && !rows.first().isEmpty() ? rows.first().first().toInt() : -1;
}
