#pragma once

#include <QString>
#include <QStringList>

// Who makes a call, as the server established it from the call's bearer token. Every RPC
// decides what it may do from this alone.
struct Caller {
    enum class Role { Inspector = 1, Supervisor = 2, Admin = 3, Kiosk = 4 };

    qint64 accountId = 0;
    QString username;
    Role role = Role::Inspector;
    // County (6-digit), township (9-digit) or other NBS code prefixes. Admins see everything
    // whatever their scope; anyone else with an empty scope sees nothing.
    QStringList scopeCodes;
    QString deviceId;
    qint64 expiresAtMs = 0;

    // A record of this village lies within the caller's jurisdiction. Kiosks have none: they
    // see only the public feed.
    bool covers(const QString &villageCode) const
    {
        if (role == Role::Admin)
            return true;
        if (role == Role::Kiosk)
            return false;
        for (const QString &code : scopeCodes) {
            if (villageCode.startsWith(code))
                return true;
        }
        return false;
    }

    bool mayWriteContent() const { return role == Role::Inspector || role == Role::Admin; }
    bool mayReview() const { return role == Role::Supervisor || role == Role::Admin; }
};
