#include "placenames.h"

#include "domain/mappoints.h"

#include <QFile>
#include <QLocale>

namespace {

QByteArray readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool PlaceNames::english()
{
    return QLocale().language() == QLocale::English;
}

const QHash<QString, QString> &PlaceNames::englishNames()
{
    // Read once: the bundled files do not change while the app runs.
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> out;
        for (const PlaceName &p :
             parsePlaceNames(readResource(QStringLiteral(":/kiosk/place_names.csv"))).names)
            out.insert(p.name, p.nameEn);
        for (const MapPoint &p :
             parseMapPoints(readResource(QStringLiteral(":/kiosk/map_points.csv"))).points) {
            if (!p.nameEn.isEmpty())
                out.insert(p.name, p.nameEn);
        }
        return out;
    }();
    return names;
}

QString PlaceNames::unit(const PairedUnit &unit)
{
    return english() && !unit.nameEn.isEmpty() ? unit.nameEn : unit.name;
}

QString PlaceNames::place(const QString &chineseName)
{
    if (!english())
        return chineseName;
    return englishNames().value(chineseName, chineseName);
}

QString PlaceNames::partnerDistrict(const PairedUnit &unit)
{
    if (unit.partnerDistrictName.isEmpty())
        return {};
    return tr("北京市%1").arg(place(unit.partnerDistrictName));
}
