#include "reviewflags.h"

#include "answerscan.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

bool ReviewFlags::gpsOverridden() const
{
    for (const GpsFlag &g : gps) {
        if (g.overridden())
            return true;
    }
    return false;
}

bool ReviewFlags::staleFix() const
{
    for (const GpsFlag &g : gps) {
        if (g.stale())
            return true;
    }
    return false;
}

ReviewFlags reviewFlagsOf(QByteArrayView content, qint64 savedAtMs, qint64 clockSkewMs)
{
    ReviewFlags flags;
    if (std::llabs(clockSkewMs) > kClockSkewLimitMs)
        flags.clockSkewMs = clockSkewMs;
    scanAnswers(content, [&](QByteArrayView id, QByteArrayView value) {
        // Only objects can be GPS points ({"lat":…,"lon":…}); only they are parsed.
        if (value.isEmpty() || value[0] != '{' || !value.contains("\"lat\""))
            return;
        const QJsonObject point = QJsonDocument::fromJson(value.toByteArray()).object();
        if (!point.contains(QLatin1String("lat")) || !point.contains(QLatin1String("lon")))
            return;
        GpsFlag flag;
        flag.questionId = QString::fromUtf8(id);
        flag.overrideReason = point.value(QLatin1String("override_reason")).toString().trimmed();
        const qint64 fixedAt = point.value(QLatin1String("fix_time_ms")).toInteger();
        if (fixedAt > 0 && savedAtMs > fixedAt)
            flag.fixAgeMs = savedAtMs - fixedAt;
        if (flag.overridden() || flag.stale())
            flags.gps << flag;
    });
    return flags;
}
