#pragma once

#include "domain/enrolmentcode.h"
#include "refusal.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

// How joining a server went. Refused carries what the server said (RefusalText words it);
// the others are found on this side. detail is English, for logs.
struct EnrolmentResult {
    enum Failure {
        None,
        Unreachable, // no connection to the address (server down, wrong address, no network)
        NotTls, // something answers there, but it speaks no TLS
        CertificateMismatch, // the server's certificate is not the one the invite (CA) named
        Refused, // the server answered with a refusal: see `refusal`
        LocalStore, // the store could not keep the enrolment: nothing was changed
    };
    Failure failure = None;
    Refusal refusal; // Refused: what the server said (may be empty for an older server)
    QString detail; // for logs
    bool ok() const { return failure == None; }
};

// Redeems an invite: trust check, Enrol RPC, then the server address, trust, TLS name,
// token, user, role, scopes and expiry stored in one transaction (SyncMetaRepository keys
// kServerAddress, kServerTrustPem, kServerTlsName and the kAuth* ones). Blocking: run it off
// the UI thread. Nothing else in the store (records, drafts, outbox, photos) is touched, and
// a failure stores nothing.
// What an enrolment does with the store's place in a server's history (pull cursor, epoch):
// keeps it (a store that never synced, or the same server again), or, joining a server with
// another history, starts that one from nothing: the pull starts at its beginning and this
// device's earlier revisions are not sent there (they belong to the other server and stay on
// the device as they are). Done in the enrolment's own transaction: a failed one keeps it.
enum class ServerHistory { Keep, StartNew };

EnrolmentResult enrolDevice(QSqlDatabase db, const EnrolmentCode &code, const QString &password,
                            const QString &deviceName, ServerHistory history = ServerHistory::Keep);

// The advanced way: an address and a CA file's PEM (empty for a loopback plaintext server, or
// for a server whose certificate the system's CAs vouch for), then Login with a user name and
// password. Stores the same keys, in one transaction; a failure stores nothing. Blocking.
EnrolmentResult connectDevice(QSqlDatabase db, const QString &address, const QByteArray &caPem,
                              const QString &username, const QString &password,
                              const QString &deviceName,
                              ServerHistory history = ServerHistory::Keep);
