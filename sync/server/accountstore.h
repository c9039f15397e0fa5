#pragma once

#include "caller.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

struct Account {
    qint64 id = 0;
    QString username;
    QString displayName;
    QString passwordHash; // Argon2id, libsodium's crypto_pwhash_str format
    Caller::Role role = Caller::Role::Inspector;
    QStringList scopeCodes;
    bool disabled = false;
};

struct Device {
    QString id;
    QString name;
    QString username;
    qint64 enrolledAtMs = 0;
    qint64 revokedAtMs = 0;
};

// Users, their devices and the tokens issued to them. Tokens are stored as hashes only.
class AccountStore {
public:
    virtual ~AccountStore() = default;

    virtual bool addAccount(const Account &account) = 0;
    virtual std::optional<Account> findAccount(const QString &username) = 0;
    virtual QList<Account> accounts() = 0;
    // Disabling ends every token of the account in the same transaction: enabling it again
    // revives none of them.
    virtual bool setDisabled(const QString &username, bool disabled) = 0;

    // Issues a token for the device and the account; the device's earlier tokens end. A
    // revoked device gets none, nor does a device enrolled for another account (only an
    // administrator moves a device: reassignDevice). EnrolAny enrols a new device for the
    // account; EnrolledOnly (the server's --require-invite) issues only for a device already
    // enrolled for this account. Checked in the same transaction that issues.
    enum class DeviceRule { EnrolAny, EnrolledOnly };
    // AccountDisabled: the account was disabled since its password was checked (checked again
    // in the transaction, so that no token outlives a `user disable` running at that moment).
    enum class IssueResult {
        Issued,
        DeviceRevoked,
        NotEnrolled,
        OtherAccount,
        AccountDisabled,
        Failed
    };
    virtual IssueResult issueToken(qint64 accountId, const QString &deviceId,
                                   const QString &deviceName, const QByteArray &tokenHash,
                                   qint64 issuedAtMs, qint64 expiresAtMs, DeviceRule rule)
        = 0;
    virtual std::optional<Device> findDevice(const QString &deviceId) = 0;
    virtual QList<Device> devices() = 0;
    // Ends every token of the device and refuses it from now on.
    virtual bool revokeDevice(const QString &deviceId, qint64 atMs) = 0;
    // A tablet changing hands (`device reassign`): in one transaction the device is enrolled
    // for the account `username` and every token it holds ends. False with lastError() for
    // an unknown device or user, or a revoked device (it stays out).
    virtual bool reassignDevice(const QString &deviceId, const QString &username, qint64 atMs) = 0;

    // DeviceReassigned: the token's account no longer holds its device (reassignDevice).
    // Failed: the store could not be read (the caller is told to retry, not to log in again).
    enum class TokenCheck {
        Valid,
        Unknown,
        Expired,
        Revoked,
        DeviceRevoked,
        DeviceReassigned,
        AccountDisabled,
        Failed
    };
    virtual TokenCheck callerForToken(const QByteArray &tokenHash, qint64 nowMs, Caller *out) = 0;

    virtual QString lastError() const = 0;
};
