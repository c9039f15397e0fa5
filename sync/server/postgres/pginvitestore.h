#pragma once

#include "invitestore.h"

class PgDatabase;

// Invites and failed enrolments and logins on PostgreSQL.
class PgInviteStore : public InviteStore {
public:
    explicit PgInviteStore(PgDatabase &db) : m_db(db) { }

    bool add(Invite *invite, const QByteArray &secretHash) override;
    QList<Invite> invites() override;
    std::optional<Invite> findBySecretHash(const QByteArray &secretHash) override;
    bool revoke(qint64 id, qint64 atMs) override;
    RedeemResult redeem(const Invite &invite, const QString &deviceId, const QString &deviceName,
                        const QByteArray &tokenHash, qint64 nowMs,
                        qint64 tokenExpiresAtMs) override;
    bool recordFailure(const QString &peer, const QString &username, qint64 atMs) override;
    qint64 throttledUntil(const QString &peer, const QString &username, qint64 nowMs,
                          qint64 windowMs, int peerLimit, int userLimit) override;
    QString lastError() const override;

private:
    PgDatabase &m_db;
};
