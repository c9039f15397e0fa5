#pragma once

#include "sqlsession.h"

#include <QSqlDatabase>

// SqlSession on a Qt SQLite connection inside its transaction.
class SqliteSession : public SqlSession {
public:
    explicit SqliteSession(QSqlDatabase db) : m_db(db) { }
    bool exec(const QString &sql, const QVariantList &binds, Rows *out, QString *error) override;

private:
    QSqlDatabase m_db;
};
