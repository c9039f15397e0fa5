#pragma once

#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "testlogin.h"

#include <QString>

// The app's services as main() builds them, on a store logged in to a real server as
// `username` (the login the app would have made), published to QML. For the Qt Quick Test
// harnesses' applicationAvailable(): any failure ends the test run with its reason.
inline ServiceHost *startLoggedInServices(QObject *parent, const QString &mode,
                                          const QString &store, const QString &address,
                                          const QString &username, const QString &nmeaPath = {})
{
    QString error;
    if (!logInStore(store, address, username, &error))
        qFatal("cannot log %s in: %s", qPrintable(username), qPrintable(error));
    auto *host = new ServiceHost(parent);
    if (!host->start({mode, store, address, nmeaPath, false, QStringLiteral("zh_CN")}))
        qFatal("cannot start services: %s", qPrintable(host->error()));
    Services::setInstance(host->services());
    return host;
}
