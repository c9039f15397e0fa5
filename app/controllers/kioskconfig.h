#pragma once

#include <QString>

// The kiosk's settings: an INI file an installer writes once (idle_timeout_s, attract_step_s,
// admin_pin_hash). Whatever is missing, unreadable or out of range falls back to its default.
struct KioskConfig {
    double idleTimeoutS = 90; // no touch this long: back to the home screen, attract loop
    double attractStepS = 8; // one attract step every this many seconds
    QString adminPinHash; // Argon2id of the admin PIN; empty: no way out of the kiosk
    QString error; // why the file was not used as written; empty when it was

    // <AppConfigLocation>/kiosk.ini
    static QString defaultPath();
    static KioskConfig load(const QString &path);

    // A PIN is 4 to 8 digits.
    static bool isValidPin(const QString &pin);
    // Hashes the PIN and stores it in the file, keeping the other keys; false with *error set.
    static bool storePin(const QString &path, const QString &pin, QString *error);
};
