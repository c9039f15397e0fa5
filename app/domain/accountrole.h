#pragma once

#include <QString>

// An account's role as the server states it at login or enrolment, kept in the store as its
// number: the values are the wire's `Role` (proto/qingshui/v1/common.proto).
enum class AccountRole { Unknown = 0, Inspector = 1, Supervisor = 2, Admin = 3, Kiosk = 4 };

inline AccountRole accountRoleFromNumber(int number)
{
    return number >= 1 && number <= 4 ? AccountRole(number) : AccountRole::Unknown;
}

// The app's face for the role: "inspector", "supervisor" (admins review too) or "kiosk";
// empty when the role is not known.
inline QString modeForRole(AccountRole role)
{
    switch (role) {
    case AccountRole::Inspector:
        return QStringLiteral("inspector");
    case AccountRole::Supervisor:
    case AccountRole::Admin:
        return QStringLiteral("supervisor");
    case AccountRole::Kiosk:
        return QStringLiteral("kiosk");
    case AccountRole::Unknown:
        break;
    }
    return {};
}
