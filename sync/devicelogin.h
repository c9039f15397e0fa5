#pragma once

#include <QSqlDatabase>
#include <QString>

class SyncTransport;

// Logs this device's store in: the server checks the password, enrols the device and
// issues a token, which is kept in the store's sync_meta with the role and scope. Blocking.
bool logInDevice(QSqlDatabase db, SyncTransport &transport, const QString &username,
                 const QString &password, const QString &deviceName, QString *error);
