#pragma once

#include "pgresult.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariantList>

struct pg_conn;

// One libpq connection, opened on first use. Statements take `?` placeholders (as the
// SQLite stores write them), numbered $1, $2... here and prepared once per connection.
// Parameters go by their QVariant: QByteArray as binary bytea, an invalid QVariant as NULL,
// anything else as text (a null QString as ''). Rows come back in binary format.
//
// A lost connection never crashes: the call that meets it fails with what happened, and the
// next call connects again. A connection lost inside a transaction refuses every statement
// until rollback(), so nothing of the transaction's rest runs outside it.
class PgConnection {
public:
    explicit PgConnection(const QString &uri);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    PgResult exec(const QString &sql, const QVariantList &params = {});
    // Several statements, no parameters (a migration); rows, if any, in text format.
    PgResult execScript(const QString &sql);

    // BEGIN with an optional mode ("ISOLATION LEVEL REPEATABLE READ READ ONLY").
    PgResult begin(const char *mode = "");
    PgResult commit();
    // Always ends the transaction, also on a connection that was lost.
    void rollback();

    bool connected() const;

private:
    bool ensureConnected(QString *error);
    // After a failed call: a broken connection is dropped, to be opened again next time.
    void noteFailure();
    QByteArray statementFor(const QString &sql, const QVariantList &params, QString *error);

    QString m_uri;
    pg_conn *m_conn = nullptr;
    QHash<QString, QByteArray> m_prepared; // SQL with ? → the prepared statement's name
    bool m_inTransaction = false;
    bool m_transactionLost = false;
};
