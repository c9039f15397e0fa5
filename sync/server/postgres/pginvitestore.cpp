#include "pginvitestore.h"

#include "pgaccountstore.h"
#include "pgdatabase.h"
#include "threaderror.h"

namespace {

constexpr const char *kInviteColumns
    = "i.id, i.account_id, a.username, i.address, i.fingerprint, i.created_at_ms, "
      "i.expires_at_ms, i.used_at_ms, i.used_by_device, i.revoked_at_ms";

Invite readInvite(const PgResult &r, int row)
{
    Invite i;
    i.id = r.value(row, 0).toLongLong();
    i.accountId = r.value(row, 1).toLongLong();
    i.username = r.value(row, 2).toString();
    i.address = r.value(row, 3).toString();
    i.fingerprintHex = r.value(row, 4).toString();
    i.createdAtMs = r.value(row, 5).toLongLong();
    i.expiresAtMs = r.value(row, 6).toLongLong();
    i.usedAtMs = r.value(row, 7).toLongLong();
    i.usedByDevice = r.value(row, 8).toString();
    i.revokedAtMs = r.value(row, 9).toLongLong();
    return i;
}

} // namespace

QString PgInviteStore::lastError() const
{
    return threadError();
}

bool PgInviteStore::add(Invite *invite, const QByteArray &secretHash)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("INSERT INTO invite (secret_hash, account_id, address, fingerprint, "
                       "created_at_ms, expires_at_ms) VALUES (?,?,?,?,?,?) RETURNING id"),
        {secretHash, invite->accountId, invite->address, invite->fingerprintHex,
         invite->createdAtMs, invite->expiresAtMs});
    if (!r.ok() || r.rows() != 1) {
        setThreadError(r.error());
        return false;
    }
    invite->id = r.value(0, 0).toLongLong();
    return true;
}

QList<Invite> PgInviteStore::invites()
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("SELECT %1 FROM invite i JOIN account a ON a.id = i.account_id "
                                 "ORDER BY i.id DESC")
                      .arg(QLatin1String(kInviteColumns)));
    if (!r.ok())
        setThreadError(r.error());
    QList<Invite> out;
    for (int row = 0; row < r.rows(); ++row)
        out << readInvite(r, row);
    return out;
}

std::optional<Invite> PgInviteStore::findBySecretHash(const QByteArray &secretHash)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r
        = c->exec(QStringLiteral("SELECT %1 FROM invite i JOIN account a ON a.id = i.account_id "
                                 "WHERE i.secret_hash = ?")
                      .arg(QLatin1String(kInviteColumns)),
                  {secretHash});
    if (!r.ok())
        setThreadError(r.error());
    if (r.rows() == 1)
        return readInvite(r, 0);
    return std::nullopt;
}

bool PgInviteStore::revoke(qint64 id, qint64 atMs)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(QStringLiteral("UPDATE invite SET revoked_at_ms = ? WHERE id = ? "
                                              "AND used_at_ms = 0 AND revoked_at_ms = 0"),
                               {atMs, id});
    if (!r.ok()) {
        setThreadError(r.error());
        return false;
    }
    if (r.affected() != 1) {
        setThreadError(QStringLiteral("no unused invite %1").arg(id));
        return false;
    }
    return true;
}

InviteStore::RedeemResult PgInviteStore::redeem(const Invite &invite, const QString &deviceId,
                                                const QString &deviceName,
                                                const QByteArray &tokenHash, qint64 nowMs,
                                                qint64 tokenExpiresAtMs)
{
    PgPool::Lease c = m_db.pool().lease();
    if (PgResult r = c->begin(); !r.ok()) {
        setThreadError(r.error());
        return RedeemResult::Failed;
    }
    auto fail = [&](RedeemResult result, const QString &error) {
        setThreadError(error);
        c->rollback();
        return result;
    };
    // The invite's row locked: two tablets redeeming one code at once, one wins.
    PgResult r = c->exec(QStringLiteral("SELECT used_at_ms, used_by_device, revoked_at_ms FROM "
                                        "invite WHERE id = ? FOR UPDATE"),
                         {invite.id});
    if (!r.ok() || r.rows() != 1)
        return fail(RedeemResult::Failed,
                    r.ok() ? QStringLiteral("no invite %1").arg(invite.id) : r.error());
    const qint64 usedAt = r.value(0, 0).toLongLong();
    const QString usedBy = r.value(0, 1).toString();
    if (r.value(0, 2).toLongLong() > 0)
        return fail(RedeemResult::Revoked, QStringLiteral("invite %1 was revoked").arg(invite.id));
    if (usedAt > 0 && usedBy != deviceId)
        return fail(RedeemResult::UsedByAnother,
                    QStringLiteral("invite %1 was used by %2").arg(invite.id).arg(usedBy));
    if (usedAt == 0) {
        r = c->exec(QStringLiteral("UPDATE invite SET used_at_ms = ?, used_by_device = ? "
                                   "WHERE id = ? AND used_at_ms = 0"),
                    {nowMs, deviceId, invite.id});
        if (!r.ok() || r.affected() != 1)
            return fail(RedeemResult::Failed, r.error());
    }
    QString error;
    switch (PgAccountStore::writeToken(*c, invite.accountId, deviceId, deviceName, tokenHash, nowMs,
                                       tokenExpiresAtMs, AccountStore::DeviceRule::EnrolAny,
                                       &error)) {
    case AccountStore::IssueResult::Issued:
        break;
    case AccountStore::IssueResult::DeviceRevoked:
        return fail(RedeemResult::DeviceRevoked, error);
    case AccountStore::IssueResult::NotEnrolled: // an invite enrols: EnrolAny never says this
    case AccountStore::IssueResult::Failed:
        return fail(RedeemResult::Failed, error);
    }
    if (PgResult done = c->commit(); !done.ok()) {
        setThreadError(done.error());
        return RedeemResult::Failed;
    }
    return RedeemResult::Redeemed;
}

bool PgInviteStore::recordFailure(const QString &peer, const QString &username, qint64 atMs)
{
    PgPool::Lease c = m_db.pool().lease();
    const PgResult r = c->exec(
        QStringLiteral("INSERT INTO enrol_failure (at_ms, peer, username) VALUES (?,?,?)"),
        {atMs, peer, username});
    if (!r.ok())
        setThreadError(r.error());
    return r.ok();
}

qint64 PgInviteStore::throttledUntil(const QString &peer, const QString &username, qint64 nowMs,
                                     qint64 windowMs, int peerLimit, int userLimit)
{
    PgPool::Lease c = m_db.pool().lease();
    qint64 until = 0;
    for (const bool byPeer : {true, false}) {
        const int limit = byPeer ? peerLimit : userLimit;
        const PgResult r
            = c->exec(QStringLiteral("SELECT at_ms FROM enrol_failure WHERE %1 = ? AND at_ms > ? "
                                     "ORDER BY at_ms DESC LIMIT ?")
                          .arg(byPeer ? QLatin1String("peer") : QLatin1String("username")),
                      {byPeer ? peer : username, nowMs - windowMs, limit});
        if (!r.ok()) {
            setThreadError(r.error());
            return -1;
        }
        if (r.rows() >= limit)
            until = std::max(until, r.value(r.rows() - 1, 0).toLongLong() + windowMs);
    }
    return until;
}
