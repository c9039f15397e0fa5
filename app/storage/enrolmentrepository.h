#pragma once

#include "domain/accountrole.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The server a store syncs with, as enrolment stored it (SyncMetaRepository kServer*).
struct SyncServer {
    QString address; // HOST:PORT; empty: none
    QByteArray trustPem; // the certificates the channel trusts; empty: plaintext (loopback)
    QString tlsName; // the name checked in the server's certificate; empty: the host's

    bool isSet() const { return !address.isEmpty(); }
    bool usesTls() const { return !trustPem.isEmpty(); }
    bool operator==(const SyncServer &o) const
    {
        return address == o.address && trustPem == o.trustPem && tlsName == o.tlsName;
    }
    bool operator!=(const SyncServer &o) const { return !(*this == o); }

    // The server to sync with when the command line names one (--server, for development
    // and tests): that address, with this one's trust only when it is the same address.
    SyncServer overriddenBy(const QString &overrideAddress) const
    {
        if (overrideAddress.isEmpty() || overrideAddress == address)
            return *this;
        return SyncServer {overrideAddress, {}, {}};
    }
};

// Who the store is logged in as (the kAuth* keys); username empty: logged out.
struct DeviceAccount {
    QString username;
    AccountRole role = AccountRole::Unknown;
    QStringList scopes;
    qint64 expiresAtMs = 0;

    bool loggedIn() const { return !username.isEmpty(); }
};

// What waits on this device to be sent: records (and edits), review decisions, photos.
struct PendingWork {
    int records = 0;
    int decisions = 0;
    int photos = 0;

    bool isEmpty() const { return records == 0 && decisions == 0 && photos == 0; }
};

// This device's enrolment: the server it syncs with and the account it is logged in as,
// and the two ways of leaving them. Neither way touches records, drafts, the outboxes or
// photos: what waits goes out once the device is logged in again.
class EnrolmentRepository {
public:
    explicit EnrolmentRepository(QSqlDatabase db) : m_db(db) { }

    SyncServer server() const;
    DeviceAccount account() const;
    PendingWork pendingWork() const;

    // Forgets the token and the account; the server stays named.
    bool logOut();
    // Forgets the server (address, trust, TLS name) and the login, in one transaction; the
    // store's place in that server's history (cursor, epoch) stays, so the same server
    // picks up where it left off, and its address is kept as the previous server's.
    bool forgetServer();
    // The server whose history the store holds: the one named, else the one forgotten last.
    QString historyServerAddress() const;
    // The account whose records or review decisions wait to be sent: the one logged in, else
    // the last one that was (empty: nothing waits, or it was made before any login). They go
    // out under that account only: the server names the token's user as their author.
    QString waitingWorkOwner() const;

    QString lastError() const { return m_error; }

    static constexpr const char *kPreviousServerAddress = "previous_server_address";
    static constexpr const char *kPreviousAccount = "previous_account";

private:
    // Removes the keys and keeps the server's address and the account's name as the
    // previous ones (those not empty), in one transaction.
    bool removeKeys(const QList<const char *> &keys, const QString &previousAddress,
                    const QString &previousAccount);

    QString loggedInName() const; // kAuthUsername, even when the token is gone

    QSqlDatabase m_db;
    mutable QString m_error;
};
