#include "controllers/kioskconfig.h"

#include "domain/passwordhash.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace {

const QString kIdleTimeout = QStringLiteral("kiosk/idle_timeout_s");
const QString kAttractStep = QStringLiteral("kiosk/attract_step_s");
const QString kAdminPinHash = QStringLiteral("kiosk/admin_pin_hash");

// A positive number of seconds within [minimum, maximum], else the default.
double secondsOr(const QSettings &settings, const QString &key, double fallback, double minimum,
                 double maximum, QString *error)
{
    if (!settings.contains(key))
        return fallback;
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = QStringLiteral("%1 must be between %2 and %3 seconds")
                     .arg(key.section(QLatin1Char('/'), 1))
                     .arg(minimum)
                     .arg(maximum);
        return fallback;
    }
    return value;
}

} // namespace

QString KioskConfig::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/kiosk.ini");
}

KioskConfig KioskConfig::load(const QString &path)
{
    KioskConfig config;
    if (!QFileInfo::exists(path))
        return config; // no file: every default, nothing wrong
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        config.error = QStringLiteral("cannot read %1; using the defaults").arg(path);
        return config;
    }
    config.idleTimeoutS
        = secondsOr(settings, kIdleTimeout, config.idleTimeoutS, 0.1, 86400, &config.error);
    config.attractStepS
        = secondsOr(settings, kAttractStep, config.attractStepS, 0.1, 3600, &config.error);
    const QString hash = settings.value(kAdminPinHash).toString();
    // Only a libsodium Argon2id string counts; anything else would never verify anyway.
    if (hash.startsWith(QLatin1String("$argon2id$")))
        config.adminPinHash = hash;
    else if (!hash.isEmpty())
        config.error = QStringLiteral("admin_pin_hash is not an Argon2id hash");
    return config;
}

bool KioskConfig::isValidPin(const QString &pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,8}$"));
    return digits.match(pin).hasMatch();
}

bool KioskConfig::storePin(const QString &path, const QString &pin, QString *error)
{
    if (!isValidPin(pin)) {
        *error = QStringLiteral("the PIN must be 4 to 8 digits");
        return false;
    }
    QString hash;
    if (!PasswordHash::make(pin, &hash)) {
        *error = QStringLiteral("cannot hash the PIN (libsodium)");
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    settings.setValue(kAdminPinHash, hash);
    settings.sync(); // QSettings writes a temporary file and renames it: never half a file
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}
