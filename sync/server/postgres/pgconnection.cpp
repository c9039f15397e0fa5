#include "pgconnection.h"

#include <libpq-fe.h>

#include <vector>

namespace {

constexpr Oid kByteaOid = 17;

// "a = ? AND b = ?" → "a = $1 AND b = $2". The server's SQL has no '?' inside literals.
QByteArray numbered(const QString &sql)
{
    QByteArray out;
    out.reserve(sql.size() + 16);
    int n = 0;
    for (const char c : sql.toUtf8()) {
        if (c == '?')
            out += '$' + QByteArray::number(++n);
        else
            out += c;
    }
    return out;
}

void ignoreNotice(void *, const char *)
{
}

QString connectionError(pg_conn *conn)
{
    const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    return QStringLiteral("PostgreSQL: %1")
        .arg(message.isEmpty() ? QStringLiteral("connection lost") : message);
}

} // namespace

PgConnection::PgConnection(const QString &uri) : m_uri(uri)
{
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgConnection::connected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgConnection::ensureConnected(QString *error)
{
    if (connected())
        return true;
    if (m_conn)
        PQfinish(m_conn);
    m_prepared.clear();
    const QByteArray uri = m_uri.toUtf8();
    // Later keywords win: what the URI says overrides these defaults.
    const char *keys[] = {"application_name", "connect_timeout", "dbname", nullptr};
    const char *values[] = {"qingshui-server", "10", uri.constData(), nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        *error = connectionError(m_conn);
        PQfinish(m_conn);
        m_conn = nullptr;
        return false;
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    return true;
}

void PgConnection::noteFailure()
{
    if (m_conn && PQstatus(m_conn) != CONNECTION_OK) {
        PQfinish(m_conn);
        m_conn = nullptr;
        m_prepared.clear();
        if (m_inTransaction)
            m_transactionLost = true;
    }
}

QByteArray PgConnection::statementFor(const QString &sql, const QVariantList &params,
                                      QString *error)
{
    const auto known = m_prepared.constFind(sql);
    if (known != m_prepared.cend())
        return *known;
    const QByteArray name = "qs" + QByteArray::number(m_prepared.size() + 1);
    std::vector<Oid> types;
    types.reserve(size_t(params.size()));
    for (const QVariant &p : params)
        types.push_back(p.typeId() == QMetaType::QByteArray ? kByteaOid : 0);
    PgResult prepared(PQprepare(m_conn, name.constData(), numbered(sql).constData(),
                                int(types.size()), types.data()));
    if (!prepared.ok()) {
        *error = prepared.error();
        noteFailure();
        return {};
    }
    m_prepared.insert(sql, name);
    return name;
}

PgResult PgConnection::exec(const QString &sql, const QVariantList &params)
{
    if (m_transactionLost)
        return PgResult::failure(
            QStringLiteral("PostgreSQL: the connection was lost inside this transaction"));
    QString error;
    if (!ensureConnected(&error))
        return PgResult::failure(error);
    const QByteArray name = statementFor(sql, params, &error);
    if (name.isEmpty())
        return PgResult::failure(error);

    std::vector<QByteArray> texts(size_t(params.size()));
    std::vector<const char *> values(size_t(params.size()), nullptr);
    std::vector<int> lengths(size_t(params.size()), 0);
    std::vector<int> formats(size_t(params.size()), 0);
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &p = params[i];
        const size_t at = size_t(i);
        if (!p.isValid())
            continue; // NULL
        if (p.typeId() == QMetaType::QByteArray) {
            texts[at] = p.toByteArray();
            formats[at] = 1; // binary bytea: the bytes as they are
        } else if (p.typeId() == QMetaType::Bool) {
            texts[at] = p.toBool() ? "1" : "0";
        } else {
            texts[at] = p.toString().toUtf8();
        }
        values[at] = texts[at].constData(); // never null: '' is not NULL
        lengths[at] = int(texts[at].size());
    }
    PgResult result(PQexecPrepared(m_conn, name.constData(), int(params.size()), values.data(),
                                   lengths.data(), formats.data(), 1));
    if (!result.ok())
        noteFailure();
    return result;
}

PgResult PgConnection::execScript(const QString &sql)
{
    if (m_transactionLost)
        return PgResult::failure(
            QStringLiteral("PostgreSQL: the connection was lost inside this transaction"));
    QString error;
    if (!ensureConnected(&error))
        return PgResult::failure(error);
    PgResult result(PQexec(m_conn, sql.toUtf8().constData()));
    if (!result.ok())
        noteFailure();
    return result;
}

PgResult PgConnection::begin(const char *mode)
{
    PgResult result = execScript(QStringLiteral("BEGIN %1").arg(QLatin1String(mode)));
    m_inTransaction = result.ok();
    return result;
}

PgResult PgConnection::commit()
{
    PgResult result = execScript(QStringLiteral("COMMIT"));
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK: not committed.
    if (result.ok() && result.commandTag() != "COMMIT")
        result = PgResult::failure(QStringLiteral("PostgreSQL: the transaction was rolled back"));
    if (!result.ok()) // the transaction is over either way; a lost one is rolled back
        rollback();
    m_inTransaction = false;
    return result;
}

void PgConnection::rollback()
{
    const bool lost = m_transactionLost;
    m_inTransaction = false;
    m_transactionLost = false;
    if (!lost && connected())
        execScript(QStringLiteral("ROLLBACK"));
}
