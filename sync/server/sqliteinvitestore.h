#pragma once

#include "invitestore.h"

class ServerDatabase;

// Invites and failed enrolments and logins on the embedded SQLite file (schema 7).
class SqliteInviteStore : public InviteStore {
public:
    explicit SqliteInviteStore(ServerDatabase &db) : m_db(db) { }

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
    QString lastError() const override { return m_error; }

private:
    ServerDatabase &m_db;
    QString m_error;
};
