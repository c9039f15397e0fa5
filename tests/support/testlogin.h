#pragma once

#include "devicelogin.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "synctransport.h"

// Logs a device store in to a running server, as the app's login does (Login RPC over
// the real channel); the token stays in the store.
inline bool logInStore(const QString &storePath, const QString &address, const QString &username,
                       QString *error)
{
    Database db;
    if (!db.open(storePath)) {
        *error = db.error();
        return false;
    }
    SyncTransport transport(address);
    return logInDevice(db.connection(), transport, username,
                       QString::fromLatin1(ServerProcess::kPassword), QStringLiteral("test tablet"),
                       error);
}
