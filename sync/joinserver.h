#pragma once

#include "deviceenrolment.h" // EnrolmentResult, EnrolmentCode
#include "storage/enrolmentrepository.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

// How joining a server went for this store.
struct JoinOutcome {
    EnrolmentResult result; // the enrolment itself (deviceenrolment.h)
    // Refused on this side, before the server was asked: records, decisions or photos wait
    // to be sent to the server whose history the store holds, and this one is another.
    bool heldForOtherServer = false;
    PendingWork pending; // heldForOtherServer: what waits
    QString otherServer; // heldForOtherServer: the address it waits for (may be empty)
    // Refused on this side too: records or decisions made under another account wait; they
    // go out under that account only (the server names the token's user as their author).
    bool heldForOtherAccount = false;
    QString otherAccount; // heldForOtherAccount: whose work waits
    DeviceAccount account; // ok(): who the store is logged in as now

    bool ok() const { return result.ok() && !heldForOtherServer && !heldForOtherAccount; }
};

// Joins a server with an invite's code (enrolDevice) or with an address and a CA
// (connectDevice), keeping the store one server's history:
// - a store that never synced, or one joining the same server again (same epoch, even at
//   a new address), simply goes on: what waits is sent at the next sync;
// - a store of another server's history with nothing waiting starts the new server's
//   history from nothing (its earlier records stay on the device as they are, and are not
//   sent to the new server);
// - a store of another server's history with records, decisions or photos waiting is not
//   joined: that work belongs to the other server and goes nowhere else (heldForOtherServer;
//   nothing is stored). Sync with that server first.
// Either way, while records or decisions of another account wait, the store is not joined
// for this one (heldForOtherAccount; nothing is stored, the invite not spent): log in as
// that account and sync first.
// Blocking (TLS look, ServerInfo, the enrolment): run it off the UI thread.
JoinOutcome joinWithCode(QSqlDatabase db, const EnrolmentCode &code, const QString &password,
                         const QString &deviceName);
JoinOutcome joinWithAddress(QSqlDatabase db, const QString &address, const QByteArray &caPem,
                            const QString &username, const QString &password,
                            const QString &deviceName);
