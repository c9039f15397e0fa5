#include "pairingmap.h"

#include "domain/labelplacement.h"
#include "domain/mappoints.h"

#include <QFile>
#include <QLoggingCategory>

namespace {

template<typename Result> Result readFile(const QString &path, Result (*parse)(const QByteArray &))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result missing;
        missing.errors << QStringLiteral("%1: %2").arg(path, file.errorString());
        return missing;
    }
    Result result = parse(file.readAll());
    for (QString &e : result.errors)
        e = path + QStringLiteral(": ") + e;
    return result;
}

// Anchored places with their labels laid out so no two labels cover each other.
QList<MapPlace> placed(const QList<MapPoint> &points, const MapProjection &projection,
                       const QSizeF &labelSize, const QRectF &bounds)
{
    // Labels start just above their dot, so the dot and a short leader stay visible.
    const QPointF above(0, -(labelSize.height() / 2 + 8));
    QList<QPointF> anchors;
    for (const MapPoint &p : points)
        anchors << projection.project(p.lon, p.lat);
    const QList<QRectF> labels = placeLabels(anchors, labelSize, bounds, above);
    QList<MapPlace> out;
    for (int i = 0; i < points.size(); ++i) {
        out << MapPlace {true,
                         points.at(i).code,
                         points.at(i).name,
                         points.at(i).nameEn,
                         anchors.at(i).x(),
                         anchors.at(i).y(),
                         labels.at(i).x(),
                         labels.at(i).y(),
                         labels.at(i).width(),
                         labels.at(i).height()};
    }
    return out;
}

MapPlace findBy(const QList<MapPlace> &places, QString MapPlace::*key, const QString &value)
{
    for (const MapPlace &p : places) {
        if (p.*key == value)
            return p;
    }
    return {};
}

} // namespace

PairingMap::PairingMap(QObject *parent) : QObject(parent)
{
    connect(this, &PairingMap::inputChanged, this, &PairingMap::relayout);
    relayout();
}

QRectF PairingMap::sourceAreaBox()
{
    return QRectF(109.45, 31.5, 3.4, 2.8); // 竹溪 to 南阳, 神农架 to 卢氏 with a margin
}

QRectF PairingMap::beijingBox()
{
    return QRectF(115.85, 39.65, 1.4, 0.9); // the 16 districts' seats with a margin
}

MapPlace PairingMap::unit(const QString &code) const
{
    return findBy(m_units, &MapPlace::code, code);
}

MapPlace PairingMap::district(const QString &name) const
{
    return findBy(m_districts, &MapPlace::name, name);
}

QString PairingMap::englishName(const QString &name) const
{
    return m_englishNames.value(name);
}

void PairingMap::relayout()
{
    const MapPointsResult points = readFile(m_pointsFile, parseMapPoints);
    const MapPointsResult outline = readFile(m_outlineFile, parseOutline);
    const PlaceNamesResult places = readFile(m_placeNamesFile, parsePlaceNames);
    const MapProjection source(sourceAreaBox(), m_mapArea);
    const MapProjection beijing(beijingBox(), m_insetArea);

    m_englishNames.clear();
    for (const PlaceName &p : places.names)
        m_englishNames.insert(p.name, p.nameEn);
    QList<MapPoint> seats, districts, landmarks;
    for (const MapPoint &p : points.points) {
        if (!p.nameEn.isEmpty())
            m_englishNames.insert(p.name, p.nameEn);
        if (p.kind == QLatin1String("county_seat"))
            seats << p;
        else if (p.kind == QLatin1String("beijing_district"))
            districts << p;
        else if (p.kind == QLatin1String("landmark"))
            landmarks << p;
    }
    m_units = placed(seats, source, m_unitLabelSize, m_mapArea);
    m_districts = placed(districts, beijing, m_districtLabelSize, m_insetArea);

    // The canal: landmarks in file order from 陶岔 on. Waypoints between the two frames
    // (郑州, 石家庄) sit on the line from the last source-area point to the inset's first,
    // at their latitude's share of the way: schematic, in the right order.
    m_canal.clear();
    m_dam = QPointF();
    QList<MapPoint> route;
    for (const MapPoint &p : landmarks) {
        if (p.name.contains(QStringLiteral("大坝")))
            m_dam = source.project(p.lon, p.lat);
        else
            route << p;
    }
    int lastInSource = -1, firstInBeijing = -1;
    for (int i = 0; i < route.size(); ++i) {
        if (source.contains(route.at(i).lon, route.at(i).lat))
            lastInSource = i;
        if (firstInBeijing < 0 && beijingBox().contains(route.at(i).lon, route.at(i).lat))
            firstInBeijing = i;
    }
    for (int i = 0; i < route.size(); ++i) {
        const MapPoint &p = route.at(i);
        QPointF at;
        if (source.contains(p.lon, p.lat)) {
            at = source.project(p.lon, p.lat);
        } else if (beijing.contains(p.lon, p.lat)) {
            at = beijing.project(p.lon, p.lat);
        } else if (lastInSource >= 0 && firstInBeijing > lastInSource) {
            const MapPoint &from = route.at(lastInSource);
            const MapPoint &to = route.at(firstInBeijing);
            const double t = (p.lat - from.lat) / (to.lat - from.lat);
            const QPointF a = source.project(from.lon, from.lat);
            const QPointF b = beijing.project(to.lon, to.lat);
            at = a + (b - a) * t;
        } else {
            continue; // nowhere sensible to draw it
        }
        MapPlace waypoint;
        waypoint.found = true;
        waypoint.name = p.name;
        waypoint.nameEn = p.nameEn;
        waypoint.x = at.x();
        waypoint.y = at.y();
        m_canal << waypoint;
    }

    m_reservoir.clear();
    for (const MapPoint &p : outline.points)
        m_reservoir << source.project(p.lon, p.lat);

    const QStringList errors = points.errors + outline.errors + places.errors;
    m_error = errors.join(u'\n');
    if (!errors.isEmpty())
        qWarning("pairing map: %s", qPrintable(m_error));
    emit layoutChanged();
}
