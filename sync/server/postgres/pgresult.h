#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

struct pg_result;

// One statement's outcome from libpq: its rows (binary format, decoded by column type) or
// what failed. Owns the PGresult; movable, not copyable.
class PgResult {
public:
    PgResult() = default;
    // A failure that never reached the server (no connection, a bad statement text).
    static PgResult failure(const QString &error);
    explicit PgResult(pg_result *result, const QString &error = {});
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The SQLSTATE of a failed statement ("40001", "23505"...), empty when none came back.
    QString sqlState() const;

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    // bigint/integer/smallint → qlonglong/int, boolean → bool, bytea → QByteArray, text →
    // QString; SQL NULL → an invalid QVariant.
    QVariant value(int row, int column) const;
    // The command tag ("COMMIT", "INSERT 0 1"...).
    QByteArray commandTag() const;
    // Rows an INSERT, UPDATE or DELETE touched.
    qint64 affected() const;

private:
    pg_result *m_result = nullptr;
    QString m_error;
};
