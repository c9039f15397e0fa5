#include "pgresult.h"

#include <libpq-fe.h>

#include <QtEndian>
#include <cstring>

namespace {

// Type OIDs (pg_type.h) of the columns the server's schema uses.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23;

template<typename T> T bigEndian(const char *data)
{
    T value;
    std::memcpy(&value, data, sizeof value);
    return qFromBigEndian(value);
}

} // namespace

PgResult PgResult::failure(const QString &error)
{
    PgResult r;
    r.m_error = error.isEmpty() ? QStringLiteral("PostgreSQL: unknown error") : error;
    return r;
}

PgResult::PgResult(pg_result *result, const QString &error) : m_result(result), m_error(error)
{
    if (!m_error.isEmpty())
        return;
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        m_error = result ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed() : QString();
        if (m_error.isEmpty())
            m_error = QStringLiteral("PostgreSQL: %1").arg(QLatin1String(PQresStatus(status)));
    }
}

PgResult::~PgResult()
{
    if (m_result)
        PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr)), m_error(std::move(other.m_error))
{
}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

QString PgResult::sqlState() const
{
    const char *state = m_result ? PQresultErrorField(m_result, PG_DIAG_SQLSTATE) : nullptr;
    return state ? QString::fromLatin1(state) : QString();
}

int PgResult::rows() const
{
    return ok() && m_result ? PQntuples(m_result) : 0;
}

int PgResult::columns() const
{
    return ok() && m_result ? PQnfields(m_result) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return !m_result || PQgetisnull(m_result, row, column);
}

QVariant PgResult::value(int row, int column) const
{
    if (row >= rows() || column >= columns() || isNull(row, column))
        return {};
    const char *data = PQgetvalue(m_result, row, column);
    const int length = PQgetlength(m_result, row, column);
    if (PQfformat(m_result, column) == 0) // text format (a statement run without parameters)
        return QString::fromUtf8(data, length);
    switch (PQftype(m_result, column)) {
    case kBool:
        return length == 1 && data[0] != 0;
    case kInt2:
        return int(bigEndian<qint16>(data));
    case kInt4:
        return int(bigEndian<qint32>(data));
    case kInt8:
        return qlonglong(bigEndian<qint64>(data));
    case kBytea:
        return QByteArray(data, length);
    default: // text, varchar, name: UTF-8 in binary format too
        return QString::fromUtf8(data, length);
    }
}

qint64 PgResult::affected() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result)).toLongLong() : 0;
}

QByteArray PgResult::commandTag() const
{
    return m_result ? QByteArray(PQcmdStatus(m_result)) : QByteArray();
}
