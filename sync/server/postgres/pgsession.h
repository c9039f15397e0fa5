#pragma once

#include "pgconnection.h"
#include "sqlsession.h"

// SqlSession on a PostgreSQL connection inside its transaction.
class PgSession : public SqlSession {
public:
    explicit PgSession(PgConnection &connection) : m_connection(connection) { }
    bool exec(const QString &sql, const QVariantList &binds, Rows *out, QString *error) override
    {
        const PgResult r = m_connection.exec(sql, binds);
        if (!r.ok()) {
            *error = r.error();
            return false;
        }
        *out = {};
        for (int row = 0; row < r.rows(); ++row) {
            QVariantList values;
            for (int column = 0; column < r.columns(); ++column)
                values << r.value(row, column);
            out->rows << values;
        }
        out->affected = r.affected();
        return true;
    }

private:
    PgConnection &m_connection;
};
