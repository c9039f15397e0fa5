#pragma once

#include "accountstore.h"

#include <QSqlDatabase>

class ServerDatabase;

// Accounts, devices and token hashes on the embedded SQLite file.
class SqliteAccountStore : public AccountStore {
public:
    explicit SqliteAccountStore(ServerDatabase &db) : m_db(db) { }

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
    bool reassignDevice(const QString &deviceId, const QString &username, qint64 atMs) override;
    TokenCheck callerForToken(const QByteArray &tokenHash, qint64 nowMs, Caller *out) override;
    QString lastError() const override { return m_error; }

    // issueToken's writes, inside a transaction the caller holds (with the write lock), so
    // that redeeming an invite and issuing its token commit together (SqliteInviteStore).
    static IssueResult writeToken(QSqlDatabase &db, qint64 accountId, const QString &deviceId,
                                  const QString &deviceName, const QByteArray &tokenHash,
                                  qint64 issuedAtMs, qint64 expiresAtMs, DeviceRule rule,
                                  QString *error);

private:
    ServerDatabase &m_db;
    QString m_error; // admin commands and logins read it on the thread that failed
};
