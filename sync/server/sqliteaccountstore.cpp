#include "sqliteaccountstore.h"

#include "serverdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr const char *kAccountColumns
    = "id, username, display_name, password_hash, role, scope_codes, disabled";

Account readAccount(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.username = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.passwordHash = q.value(3).toString();
    a.role = static_cast<Caller::Role>(q.value(4).toInt());
    a.scopeCodes = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.disabled = q.value(6).toBool();
    return a;
}

} // namespace

bool SqliteAccountStore::addAccount(const Account &a)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO account (username, display_name, password_hash, role, "
                             "scope_codes, disabled, created_at_ms) VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(a.username);
    q.addBindValue(a.displayName);
    q.addBindValue(a.passwordHash);
    q.addBindValue(static_cast<int>(a.role));
    const QString scopes = a.scopeCodes.join(QLatin1Char(','));
    q.addBindValue(scopes.isNull() ? QStringLiteral("") : scopes); // null would bind as NULL
    q.addBindValue(a.disabled ? 1 : 0);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

std::optional<Account> SqliteAccountStore::findAccount(const QString &username)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM account WHERE username = ?")
                  .arg(QLatin1String(kAccountColumns)));
    q.addBindValue(username);
    if (q.exec() && q.next())
        return readAccount(q);
    return std::nullopt;
}

QList<Account> SqliteAccountStore::accounts()
{
    QList<Account> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM account ORDER BY username")
                    .arg(QLatin1String(kAccountColumns))))
        m_error = q.lastError().text();
    while (q.next())
        out << readAccount(q);
    return out;
}

bool SqliteAccountStore::setDisabled(const QString &username, bool disabled)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE account SET disabled = ? WHERE username = ?"));
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(username);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("no user '%1'").arg(username);
        return false;
    }
    return true;
}

AccountStore::IssueResult SqliteAccountStore::writeToken(QSqlDatabase &db, qint64 accountId,
                                                         const QString &deviceId,
                                                         const QString &deviceName,
                                                         const QByteArray &tokenHash,
                                                         qint64 issuedAtMs, qint64 expiresAtMs,
                                                         DeviceRule rule, QString *error)
{
    QSqlQuery q(db);
    auto fail = [&] {
        *error = q.lastError().text();
        return IssueResult::Failed;
    };
    q.prepare(QStringLiteral("SELECT revoked_at_ms, account_id FROM device WHERE id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec())
        return fail();
    const bool known = q.next();
    if (known && q.value(0).toLongLong() > 0) {
        *error = QStringLiteral("device %1 has been revoked").arg(deviceId);
        return IssueResult::DeviceRevoked;
    }
    if (rule == DeviceRule::EnrolledOnly && (!known || q.value(1).toLongLong() != accountId)) {
        *error = QStringLiteral("device %1 is not enrolled for account %2")
                     .arg(deviceId)
                     .arg(accountId);
        return IssueResult::NotEnrolled;
    }
    q.finish();
    // A tablet may change hands: it follows whoever logged in on it last.
    q.prepare(QStringLiteral("INSERT INTO device (id, account_id, name, enrolled_at_ms) "
                             "VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                             "account_id = excluded.account_id, name = excluded.name"));
    q.addBindValue(deviceId);
    q.addBindValue(accountId);
    q.addBindValue(deviceName);
    q.addBindValue(issuedAtMs);
    if (!q.exec())
        return fail();
    // One session per device: a new login ends the device's earlier tokens.
    q.prepare(QStringLiteral(
        "UPDATE token SET revoked_at_ms = ? WHERE device_id = ? AND revoked_at_ms = 0"));
    q.addBindValue(issuedAtMs);
    q.addBindValue(deviceId);
    if (!q.exec())
        return fail();
    q.prepare(QStringLiteral("INSERT INTO token (hash, device_id, account_id, issued_at_ms, "
                             "expires_at_ms) VALUES (?,?,?,?,?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(deviceId);
    q.addBindValue(accountId);
    q.addBindValue(issuedAtMs);
    q.addBindValue(expiresAtMs);
    if (!q.exec())
        return fail();
    return IssueResult::Issued;
}

AccountStore::IssueResult SqliteAccountStore::issueToken(qint64 accountId, const QString &deviceId,
                                                         const QString &deviceName,
                                                         const QByteArray &tokenHash,
                                                         qint64 issuedAtMs, qint64 expiresAtMs,
                                                         DeviceRule rule)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return IssueResult::Failed;
    }
    const IssueResult result = writeToken(db, accountId, deviceId, deviceName, tokenHash,
                                          issuedAtMs, expiresAtMs, rule, &m_error);
    if (result != IssueResult::Issued) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return IssueResult::Failed;
    }
    return IssueResult::Issued;
}

std::optional<Device> SqliteAccountStore::findDevice(const QString &deviceId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT d.id, d.name, a.username, d.enrolled_at_ms, d.revoked_at_ms "
                             "FROM device d JOIN account a ON a.id = d.account_id WHERE d.id = ?"));
    q.addBindValue(deviceId);
    if (q.exec() && q.next())
        return Device {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toLongLong(), q.value(4).toLongLong()};
    if (q.lastError().isValid())
        m_error = q.lastError().text();
    return std::nullopt;
}

QList<Device> SqliteAccountStore::devices()
{
    QList<Device> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT d.id, d.name, a.username, d.enrolled_at_ms, "
                               "d.revoked_at_ms FROM device d JOIN account a ON a.id = "
                               "d.account_id ORDER BY a.username, d.enrolled_at_ms")))
        m_error = q.lastError().text();
    while (q.next()) {
        out << Device {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toLongLong(), q.value(4).toLongLong()};
    }
    return out;
}

bool SqliteAccountStore::revokeDevice(const QString &deviceId, qint64 atMs)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE device SET revoked_at_ms = ? WHERE id = ?"));
    q.addBindValue(atMs);
    q.addBindValue(deviceId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error = q.lastError().isValid() ? q.lastError().text()
                                          : QStringLiteral("no device '%1'").arg(deviceId);
        db.rollback();
        return false;
    }
    q.prepare(QStringLiteral(
        "UPDATE token SET revoked_at_ms = ? WHERE device_id = ? AND revoked_at_ms = 0"));
    q.addBindValue(atMs);
    q.addBindValue(deviceId);
    if (!q.exec() || !db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

AccountStore::TokenCheck SqliteAccountStore::callerForToken(const QByteArray &tokenHash,
                                                            qint64 nowMs, Caller *out)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT t.expires_at_ms, t.revoked_at_ms, d.revoked_at_ms, a.disabled, a.id, "
        "a.username, a.role, a.scope_codes, t.device_id FROM token t "
        "JOIN device d ON d.id = t.device_id JOIN account a ON a.id = t.account_id "
        "WHERE t.hash = ?"));
    q.addBindValue(tokenHash);
    if (!q.exec())
        return TokenCheck::Failed;
    if (!q.next())
        return TokenCheck::Unknown;
    if (q.value(2).toLongLong() > 0)
        return TokenCheck::DeviceRevoked;
    if (q.value(1).toLongLong() > 0)
        return TokenCheck::Revoked;
    if (q.value(0).toLongLong() <= nowMs)
        return TokenCheck::Expired;
    if (q.value(3).toBool())
        return TokenCheck::AccountDisabled;
    out->expiresAtMs = q.value(0).toLongLong();
    out->accountId = q.value(4).toLongLong();
    out->username = q.value(5).toString();
    out->role = static_cast<Caller::Role>(q.value(6).toInt());
    out->scopeCodes = q.value(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    out->deviceId = q.value(8).toString();
    return TokenCheck::Valid;
}
