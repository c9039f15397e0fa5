#include "chinadatum.h"

#include <cmath>

namespace {

constexpr double kPi = 3.14159265358979323846;
// The ellipsoid the GCJ-02 formula is defined on (Krasovsky 1940).
constexpr double kGcjA = 6378245.0;
constexpr double kGcjEe = 0.00669342162296594323;

bool outsideChina(double lon, double lat)
{
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

double shiftLat(double x, double y)
{
    double ret
        = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return ret;
}

double shiftLon(double x, double y)
{
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return ret;
}

QPointF wgs84ToGcj02(double lon, double lat)
{
    if (outsideChina(lon, lat))
        return {lon, lat};
    double dLat = shiftLat(lon - 105.0, lat - 35.0);
    double dLon = shiftLon(lon - 105.0, lat - 35.0);
    const double radLat = lat / 180.0 * kPi;
    double magic = std::sin(radLat);
    magic = 1 - kGcjEe * magic * magic;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kGcjA * (1 - kGcjEe)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kGcjA / sqrtMagic * std::cos(radLat) * kPi);
    return {lon + dLon, lat + dLat};
}

} // namespace

std::optional<ChinaDatum> chinaDatumFromName(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n == u"WGS-84" || n == u"WGS84" || n == u"EPSG:4326")
        return ChinaDatum::Wgs84;
    if (n == u"CGCS2000" || n == u"EPSG:4490")
        return ChinaDatum::Cgcs2000;
    if (n == u"GCJ-02" || n == u"GCJ02")
        return ChinaDatum::Gcj02;
    return std::nullopt;
}

QString chinaDatumName(ChinaDatum datum)
{
    switch (datum) {
    case ChinaDatum::Wgs84:
        return QStringLiteral("WGS-84");
    case ChinaDatum::Cgcs2000:
        return QStringLiteral("CGCS2000");
    case ChinaDatum::Gcj02:
        return QStringLiteral("GCJ-02");
    }
    return {};
}

QPointF fromWgs84(ChinaDatum datum, double lon, double lat)
{
    if (datum == ChinaDatum::Gcj02)
        return wgs84ToGcj02(lon, lat);
    return {lon, lat};
}

QPointF toWgs84(ChinaDatum datum, double lon, double lat)
{
    if (datum != ChinaDatum::Gcj02)
        return {lon, lat};
    // The shift varies slowly: subtracting the shift at the current guess converges to well
    // under a millimetre in a few steps.
    QPointF guess(lon, lat);
    for (int i = 0; i < 10; ++i) {
        const QPointF there = wgs84ToGcj02(guess.x(), guess.y());
        const double dx = there.x() - lon, dy = there.y() - lat;
        guess -= QPointF(dx, dy);
        if (std::fabs(dx) < 1e-9 && std::fabs(dy) < 1e-9)
            break;
    }
    return guess;
}
