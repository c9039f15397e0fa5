#pragma once

#include "invitestore.h"

class ServerDatabase;

// Invites and failed enrolments and logins on the embedded SQLite file (schemas 7 and 11).
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
    bool recordFailure(const Failure &failure) override;
    bool failureTimes(FailureKey key, const QString &peerOrUsername, const QString &deviceId,
                      qint64 sinceMs, int limit, QList<qint64> *timesMs) override;
    QString lastError() const override { return m_error; }

private:
    ServerDatabase &m_db;
    QString m_error;
};
