#include "sqliteinvitestore.h"

#include "serverdatabase.h"
#include "sqliteaccountstore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr const char *kInviteColumns
    = "i.id, i.account_id, a.username, i.address, i.fingerprint, i.created_at_ms, "
      "i.expires_at_ms, i.used_at_ms, i.used_by_device, i.revoked_at_ms";

Invite readInvite(const QSqlQuery &q)
{
    Invite i;
    i.id = q.value(0).toLongLong();
    i.accountId = q.value(1).toLongLong();
    i.username = q.value(2).toString();
    i.address = q.value(3).toString();
    i.fingerprintHex = q.value(4).toString();
    i.createdAtMs = q.value(5).toLongLong();
    i.expiresAtMs = q.value(6).toLongLong();
    i.usedAtMs = q.value(7).toLongLong();
    i.usedByDevice = q.value(8).toString();
    i.revokedAtMs = q.value(9).toLongLong();
    return i;
}

} // namespace

bool SqliteInviteStore::add(Invite *invite, const QByteArray &secretHash)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO invite (secret_hash, account_id, address, fingerprint, "
                             "created_at_ms, expires_at_ms) VALUES (?,?,?,?,?,?)"));
    q.addBindValue(secretHash);
    q.addBindValue(invite->accountId);
    q.addBindValue(invite->address);
    q.addBindValue(invite->fingerprintHex.isNull() ? QStringLiteral("") : invite->fingerprintHex);
    q.addBindValue(invite->createdAtMs);
    q.addBindValue(invite->expiresAtMs);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    invite->id = q.lastInsertId().toLongLong();
    return true;
}

QList<Invite> SqliteInviteStore::invites()
{
    QList<Invite> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM invite i JOIN account a ON a.id = i.account_id "
                               "ORDER BY i.id DESC")
                    .arg(QLatin1String(kInviteColumns))))
        m_error = q.lastError().text();
    while (q.next())
        out << readInvite(q);
    return out;
}

std::optional<Invite> SqliteInviteStore::findBySecretHash(const QByteArray &secretHash)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM invite i JOIN account a ON a.id = i.account_id "
                             "WHERE i.secret_hash = ?")
                  .arg(QLatin1String(kInviteColumns)));
    q.addBindValue(secretHash);
    if (q.exec() && q.next())
        return readInvite(q);
    if (q.lastError().isValid())
        m_error = q.lastError().text();
    return std::nullopt;
}

bool SqliteInviteStore::revoke(qint64 id, qint64 atMs)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE invite SET revoked_at_ms = ? "
                             "WHERE id = ? AND used_at_ms = 0 AND revoked_at_ms = 0"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("no unused invite %1").arg(id);
        return false;
    }
    return true;
}

InviteStore::RedeemResult SqliteInviteStore::redeem(const Invite &invite, const QString &deviceId,
                                                    const QString &deviceName,
                                                    const QByteArray &tokenHash, qint64 nowMs,
                                                    qint64 tokenExpiresAtMs)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlDatabase db = m_db.connection();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return RedeemResult::Failed;
    }
    auto fail = [&](RedeemResult result, const QString &error) {
        m_error = error;
        db.rollback();
        return result;
    };
    // Read again under the write lock: two tablets redeeming one code at once, one wins.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT used_at_ms, used_by_device, revoked_at_ms FROM invite WHERE id = ?"));
    q.addBindValue(invite.id);
    if (!q.exec() || !q.next())
        return fail(RedeemResult::Failed, q.lastError().text());
    const qint64 usedAt = q.value(0).toLongLong();
    const QString usedBy = q.value(1).toString();
    const qint64 revokedAt = q.value(2).toLongLong();
    q.finish();
    if (revokedAt > 0)
        return fail(RedeemResult::Revoked, QStringLiteral("invite %1 was revoked").arg(invite.id));
    if (usedAt > 0 && usedBy != deviceId)
        return fail(RedeemResult::UsedByAnother,
                    QStringLiteral("invite %1 was used by %2").arg(invite.id).arg(usedBy));
    if (usedAt == 0) {
        q.prepare(QStringLiteral("UPDATE invite SET used_at_ms = ?, used_by_device = ? WHERE id = "
                                 "? AND used_at_ms = 0"));
        q.addBindValue(nowMs);
        q.addBindValue(deviceId);
        q.addBindValue(invite.id);
        if (!q.exec() || q.numRowsAffected() != 1)
            return fail(RedeemResult::Failed, q.lastError().text());
    }
    QString error;
    switch (SqliteAccountStore::writeToken(db, invite.accountId, deviceId, deviceName, tokenHash,
                                           nowMs, tokenExpiresAtMs,
                                           AccountStore::DeviceRule::EnrolAny, &error)) {
    case AccountStore::IssueResult::Issued:
        break;
    case AccountStore::IssueResult::DeviceRevoked:
        return fail(RedeemResult::DeviceRevoked, error);
    case AccountStore::IssueResult::AccountDisabled:
        return fail(RedeemResult::AccountDisabled, error);
    case AccountStore::IssueResult::OtherAccount:
        return fail(RedeemResult::DeviceOfAnotherAccount, error);
    case AccountStore::IssueResult::NotEnrolled: // an invite enrols: EnrolAny never says this
    case AccountStore::IssueResult::Failed:
        return fail(RedeemResult::Failed, error);
    }
    if (!db.commit())
        return fail(RedeemResult::Failed, db.lastError().text());
    return RedeemResult::Redeemed;
}

bool SqliteInviteStore::recordFailure(const Failure &failure)
{
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO enrol_failure (at_ms, peer, username, device_id, "
                             "own_device) VALUES (?,?,?,?,?)"));
    q.addBindValue(failure.atMs);
    // A null QString would bind as NULL.
    q.addBindValue(failure.peer.isNull() ? QStringLiteral("") : failure.peer);
    q.addBindValue(failure.username.isNull() ? QStringLiteral("") : failure.username);
    q.addBindValue(failure.deviceId.isNull() ? QStringLiteral("") : failure.deviceId);
    q.addBindValue(failure.ownDevice ? 1 : 0);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool SqliteInviteStore::failureTimes(FailureKey key, const QString &peerOrUsername,
                                     const QString &deviceId, qint64 sinceMs, int limit,
                                     QList<qint64> *timesMs)
{
    QString where;
    switch (key) {
    case FailureKey::Peer:
        where = QStringLiteral("peer = ?");
        break;
    case FailureKey::Stranger:
        where = QStringLiteral("username = ? AND own_device = 0");
        break;
    case FailureKey::OwnDevice:
        where = QStringLiteral("username = ? AND device_id = ? AND own_device = 1");
        break;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT at_ms FROM enrol_failure WHERE %1 AND at_ms > ? "
                             "ORDER BY at_ms DESC LIMIT ?")
                  .arg(where));
    q.addBindValue(peerOrUsername);
    if (key == FailureKey::OwnDevice)
        q.addBindValue(deviceId);
    q.addBindValue(sinceMs);
    q.addBindValue(limit);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    timesMs->clear();
    while (q.next())
        timesMs->prepend(q.value(0).toLongLong());
    return true;
}
