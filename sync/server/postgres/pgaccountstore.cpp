#include "pgaccountstore.h"

#include "pgdatabase.h"
#include "threaderror.h"

#include <QDateTime>

namespace {

constexpr const char *kAccountColumns
    = "id, username, display_name, password_hash, role, scope_codes, disabled";

Account readAccount(const PgResult &r, int row)
{
    Account a;
    a.id = r.value(row, 0).toLongLong();
    a.username = r.value(row, 1).toString();
    a.displayName = r.value(row, 2).toString();
    a.passwordHash = r.value(row, 3).toString();
    a.role = static_cast<Caller::Role>(r.value(row, 4).toInt());
    a.scopeCodes = r.value(row, 5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.disabled = r.value(row, 6).toInt() != 0;
    return a;
}

Device readDevice(const PgResult &r, int row)
{
    return Device {r.value(row, 0).toString(), r.value(row, 1).toString(),
                   r.value(row, 2).toString(), r.value(row, 3).toLongLong(),
                   r.value(row, 4).toLongLong()};
}

} // namespace

QString PgAccountStore::lastError() const
{
    return threadError();
}

void PgAccountStore::setError(const QString &error)
{
    setThreadError(error);
}

bool PgAccountStore::addAccount(const Account &a)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("INSERT INTO account (username, display_name, password_hash, role, "
                       "scope_codes, disabled, created_at_ms) VALUES (?,?,?,?,?,?,?)"),
        {a.username, a.displayName, a.passwordHash, static_cast<int>(a.role),
         a.scopeCodes.join(QLatin1Char(',')), a.disabled ? 1 : 0,
         QDateTime::currentMSecsSinceEpoch()});
    if (!r.ok())
        setError(r.error());
    return r.ok();
}

std::optional<Account> PgAccountStore::findAccount(const QString &username)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT %1 FROM account WHERE username = ?")
                                   .arg(QLatin1String(kAccountColumns)),
                               {username});
    if (!r.ok())
        setError(r.error());
    if (r.rows() == 1)
        return readAccount(r, 0);
    return std::nullopt;
}

QList<Account> PgAccountStore::accounts()
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("SELECT %1 FROM account ORDER BY username")
                                   .arg(QLatin1String(kAccountColumns)));
    if (!r.ok())
        setError(r.error());
    QList<Account> out;
    for (int row = 0; row < r.rows(); ++row)
        out << readAccount(r, row);
    return out;
}

bool PgAccountStore::setDisabled(const QString &username, bool disabled)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("UPDATE account SET disabled = ? WHERE username = ?"),
                               {disabled ? 1 : 0, username});
    if (!r.ok()) {
        setError(r.error());
        return false;
    }
    if (r.affected() != 1) {
        setError(QStringLiteral("no user '%1'").arg(username));
        return false;
    }
    return true;
}

AccountStore::IssueResult
PgAccountStore::writeToken(PgConnection &c, qint64 accountId, const QString &deviceId,
                           const QString &deviceName, const QByteArray &tokenHash,
                           qint64 issuedAtMs, qint64 expiresAtMs, DeviceRule rule, QString *error)
{
    // Locked until the transaction ends: two logins of one device are taken one at a time.
    PgResult r = c.exec(
        QStringLiteral("SELECT revoked_at_ms, account_id FROM device WHERE id = ? FOR UPDATE"),
        {deviceId});
    if (!r.ok()) {
        *error = r.error();
        return IssueResult::Failed;
    }
    const bool known = r.rows() == 1;
    if (known && r.value(0, 0).toLongLong() > 0) {
        *error = QStringLiteral("device %1 has been revoked").arg(deviceId);
        return IssueResult::DeviceRevoked;
    }
    if (rule == DeviceRule::EnrolledOnly && (!known || r.value(0, 1).toLongLong() != accountId)) {
        *error = QStringLiteral("device %1 is not enrolled for account %2")
                     .arg(deviceId)
                     .arg(accountId);
        return IssueResult::NotEnrolled;
    }
    // A tablet may change hands: it follows whoever logged in on it last.
    r = c.exec(QStringLiteral("INSERT INTO device (id, account_id, name, enrolled_at_ms) "
                              "VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "account_id = excluded.account_id, name = excluded.name"),
               {deviceId, accountId, deviceName, issuedAtMs});
    // One session per device: a new login ends the device's earlier tokens.
    if (r.ok())
        r = c.exec(QStringLiteral("UPDATE token SET revoked_at_ms = ? WHERE device_id = ? AND "
                                  "revoked_at_ms = 0"),
                   {issuedAtMs, deviceId});
    if (r.ok())
        r = c.exec(QStringLiteral("INSERT INTO token (hash, device_id, account_id, issued_at_ms, "
                                  "expires_at_ms) VALUES (?,?,?,?,?)"),
                   {tokenHash, deviceId, accountId, issuedAtMs, expiresAtMs});
    if (!r.ok()) {
        *error = r.error();
        return IssueResult::Failed;
    }
    return IssueResult::Issued;
}

AccountStore::IssueResult PgAccountStore::issueToken(qint64 accountId, const QString &deviceId,
                                                     const QString &deviceName,
                                                     const QByteArray &tokenHash, qint64 issuedAtMs,
                                                     qint64 expiresAtMs, DeviceRule rule)
{
    PgPool::Lease c = m_db.pool().lease();
    if (PgResult r = c->begin(); !r.ok()) {
        setError(r.error());
        return IssueResult::Failed;
    }
    QString error;
    const IssueResult result = writeToken(*c, accountId, deviceId, deviceName, tokenHash,
                                          issuedAtMs, expiresAtMs, rule, &error);
    if (result != IssueResult::Issued) {
        c->rollback();
        setError(error);
        return result;
    }
    if (PgResult r = c->commit(); !r.ok()) {
        setError(r.error());
        return IssueResult::Failed;
    }
    return IssueResult::Issued;
}

std::optional<Device> PgAccountStore::findDevice(const QString &deviceId)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("SELECT d.id, d.name, a.username, d.enrolled_at_ms, d.revoked_at_ms "
                       "FROM device d JOIN account a ON a.id = d.account_id WHERE d.id = ?"),
        {deviceId});
    if (!r.ok())
        setError(r.error());
    if (r.rows() == 1)
        return readDevice(r, 0);
    return std::nullopt;
}

QList<Device> PgAccountStore::devices()
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral(
        "SELECT d.id, d.name, a.username, d.enrolled_at_ms, d.revoked_at_ms FROM device d "
        "JOIN account a ON a.id = d.account_id ORDER BY a.username, d.enrolled_at_ms"));
    if (!r.ok())
        setError(r.error());
    QList<Device> out;
    for (int row = 0; row < r.rows(); ++row)
        out << readDevice(r, row);
    return out;
}

bool PgAccountStore::revokeDevice(const QString &deviceId, qint64 atMs)
{
    PgPool::Lease c = m_db.pool().lease();
    if (PgResult r = c->begin(); !r.ok()) {
        setError(r.error());
        return false;
    }
    PgResult r = c->exec(QStringLiteral("UPDATE device SET revoked_at_ms = ? WHERE id = ?"),
                         {atMs, deviceId});
    if (r.ok() && r.affected() != 1) {
        setError(QStringLiteral("no device '%1'").arg(deviceId));
        c->rollback();
        return false;
    }
    if (r.ok())
        r = c->exec(QStringLiteral("UPDATE token SET revoked_at_ms = ? WHERE device_id = ? "
                                   "AND revoked_at_ms = 0"),
                    {atMs, deviceId});
    if (r.ok())
        r = c->commit();
    if (!r.ok()) {
        setError(r.error());
        c->rollback();
        return false;
    }
    return true;
}

AccountStore::TokenCheck PgAccountStore::callerForToken(const QByteArray &tokenHash, qint64 nowMs,
                                                        Caller *out)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("SELECT t.expires_at_ms, t.revoked_at_ms, d.revoked_at_ms, a.disabled, "
                       "a.id, a.username, a.role, a.scope_codes, t.device_id FROM token t "
                       "JOIN device d ON d.id = t.device_id JOIN account a ON a.id = "
                       "t.account_id WHERE t.hash = ?"),
        {tokenHash});
    if (!r.ok()) {
        setError(r.error());
        return TokenCheck::Failed;
    }
    if (r.rows() != 1)
        return TokenCheck::Unknown;
    if (r.value(0, 2).toLongLong() > 0)
        return TokenCheck::DeviceRevoked;
    if (r.value(0, 1).toLongLong() > 0)
        return TokenCheck::Revoked;
    if (r.value(0, 0).toLongLong() <= nowMs)
        return TokenCheck::Expired;
    if (r.value(0, 3).toInt() != 0)
        return TokenCheck::AccountDisabled;
    out->expiresAtMs = r.value(0, 0).toLongLong();
    out->accountId = r.value(0, 4).toLongLong();
    out->username = r.value(0, 5).toString();
    out->role = static_cast<Caller::Role>(r.value(0, 6).toInt());
    out->scopeCodes = r.value(0, 7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    out->deviceId = r.value(0, 8).toString();
    return TokenCheck::Valid;
}
