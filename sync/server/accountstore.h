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
    virtual bool setDisabled(const QString &username, bool disabled) = 0;

    // Issues a token for the device and the account; the device's earlier tokens end. A
    // revoked device gets none. EnrolAny enrols the device for the account (or moves it
    // there); EnrolledOnly (the server's --require-invite) issues only for a device already
    // enrolled for this account, checked in the same transaction.
    enum class DeviceRule { EnrolAny, EnrolledOnly };
    enum class IssueResult { Issued, DeviceRevoked, NotEnrolled, Failed };
    virtual IssueResult issueToken(qint64 accountId, const QString &deviceId,
                                   const QString &deviceName, const QByteArray &tokenHash,
                                   qint64 issuedAtMs, qint64 expiresAtMs, DeviceRule rule)
        = 0;
    virtual std::optional<Device> findDevice(const QString &deviceId) = 0;
    virtual QList<Device> devices() = 0;
    // Ends every token of the device and refuses it from now on.
    virtual bool revokeDevice(const QString &deviceId, qint64 atMs) = 0;

    // Failed: the store could not be read (the caller is told to retry, not to log in again).
    enum class TokenCheck {
        Valid,
        Unknown,
        Expired,
        Revoked,
        DeviceRevoked,
        AccountDisabled,
        Failed
    };
    virtual TokenCheck callerForToken(const QByteArray &tokenHash, qint64 nowMs, Caller *out) = 0;

    virtual QString lastError() const = 0;
};
