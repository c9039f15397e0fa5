#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

// The statements of one open transaction, whichever database holds it: what publication
// and withdrawal run inside a push's transaction on SQLite and on PostgreSQL alike.
// Statements use `?` placeholders and SQL both databases speak.
class SqlSession {
public:
    struct Rows {
        QList<QVariantList> rows;
        qint64 affected = 0; // rows an INSERT, UPDATE or DELETE touched
    };

    virtual ~SqlSession() = default;
    // False with *error when the statement fails.
    virtual bool exec(const QString &sql, const QVariantList &binds, Rows *out, QString *error) = 0;
};
