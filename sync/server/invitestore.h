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
        AccountDisabled,
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

    // A failed attempt at Enrol or Login (GuessThrottle): the caller's address, the user
    // name and the device it gave, and whether that device was enrolled for that account.
    struct Failure {
        qint64 atMs = 0;
        QString peer;
        QString username;
        QString deviceId;
        bool ownDevice = false;
    };
    virtual bool recordFailure(const Failure &failure) = 0;
    // The failures the throttle counts against one key, oldest first, at most `limit` of the
    // latest since `sinceMs`: from a peer (any names); of a user name from devices not
    // enrolled for it (strangers); of a user name from one of its own devices.
    enum class FailureKey { Peer, Stranger, OwnDevice };
    virtual bool failureTimes(FailureKey key, const QString &peerOrUsername,
                              const QString &deviceId, qint64 sinceMs, int limit,
                              QList<qint64> *timesMs)
        = 0;

    virtual QString lastError() const = 0;
};
