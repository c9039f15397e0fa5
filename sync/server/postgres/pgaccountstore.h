#pragma once

#include "accountstore.h"

class PgConnection;
class PgDatabase;

// Accounts, devices and token hashes on PostgreSQL.
class PgAccountStore : public AccountStore {
public:
    explicit PgAccountStore(PgDatabase &db) : m_db(db) { }

    bool addAccount(const Account &account) override;
    std::optional<Account> findAccount(const QString &username) override;
    QList<Account> accounts() override;
    bool setDisabled(const QString &username, bool disabled) override;
    IssueResult issueToken(qint64 accountId, const QString &deviceId, const QString &deviceName,
                           const QByteArray &tokenHash, qint64 issuedAtMs, qint64 expiresAtMs,
                           DeviceRule rule) override;
    std::optional<Device> findDevice(const QString &deviceId) override;
    QList<Device> devices() override;
    bool revokeDevice(const QString &deviceId, qint64 atMs) override;
    TokenCheck callerForToken(const QByteArray &tokenHash, qint64 nowMs, Caller *out) override;
    QString lastError() const override;

    // issueToken's writes inside a transaction the caller holds on `c`, so that redeeming an
    // invite and issuing its token commit together (PgInviteStore).
    static IssueResult writeToken(PgConnection &c, qint64 accountId, const QString &deviceId,
                                  const QString &deviceName, const QByteArray &tokenHash,
                                  qint64 issuedAtMs, qint64 expiresAtMs, DeviceRule rule,
                                  QString *error);

private:
    void setError(const QString &error);

    PgDatabase &m_db;
};
