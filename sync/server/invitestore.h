#pragma once

#include "accountstore.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QString>
#include <optional>

// A one-time invite for an account (`qingshui-server invite`), redeemed by a tablet with
// Auth.Enrol. Only the secret's SHA-256 is kept.
struct Invite {
    qint64 id = 0;
    qint64 accountId = 0;
    QString username;
    QString address; // HOST:PORT the enrolment code names
    QString fingerprintHex; // the certificate it names; empty: plaintext (loopback)
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 usedAtMs = 0; // 0: not used yet
    QString usedByDevice;
    qint64 revokedAtMs = 0;

    // What is stored of an invite's secret (EnrolmentCode::secret, its raw bytes).
    static QByteArray hashOf(const QByteArray &secret)
    {
        return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
    }
};

// Invites and the failed enrolments and logins that throttle guessing. Behind an interface like the
// other stores, so that servers sharing one database share both.
class InviteStore {
public:
    virtual ~InviteStore() = default;

    // Stores a new invite (its id is set); the secret's hash must be new.
    virtual bool add(Invite *invite, const QByteArray &secretHash) = 0;
    // Every invite, newest first.
    virtual QList<Invite> invites() = 0;
    virtual std::optional<Invite> findBySecretHash(const QByteArray &secretHash) = 0;
    // False when there is no such invite, or it was used or revoked already.
    virtual bool revoke(qint64 id, qint64 atMs) = 0;

    enum class RedeemResult {
        Redeemed,
        UsedByAnother,
        Revoked,
        DeviceRevoked,
        DeviceOfAnotherAccount, // an invite does not move a device: `device reassign` does
        Failed
    };
    // In one transaction: marks the invite used by this device (unless this device used it
    // already) and issues the device's token as AccountStore::issueToken does. Nothing is
    // stored (the invite stays unused) unless both succeed.
    virtual RedeemResult redeem(const Invite &invite, const QString &deviceId,
                                const QString &deviceName, const QByteArray &tokenHash,
                                qint64 nowMs, qint64 tokenExpiresAtMs)
        = 0;

    // Failed attempts at Enrol and Login (GuessThrottle): the caller's address and the user
    // name it gave.
    virtual bool recordFailure(const QString &peer, const QString &username, qint64 atMs) = 0;
    // When the next attempt from this peer or for this user name may be made: 0 while fewer
    // than `peerLimit` failures of the peer and fewer than `userLimit` of the user name lie
    // within `windowMs` before `nowMs`, else the time the oldest of the last failures that
    // reached a limit leaves that window; -1 on a storage error.
    virtual qint64 throttledUntil(const QString &peer, const QString &username, qint64 nowMs,
                                  qint64 windowMs, int peerLimit, int userLimit)
        = 0;

    virtual QString lastError() const = 0;
};
