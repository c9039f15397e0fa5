#include "maplayercontroller.h"

#include "controllers/problemwords.h"
#include "models/liststatustext.h"
#include "storage/enrolmentrepository.h"
#include "storage/mapmarkerquery.h"
#include "storage/problemrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// The box around the markers: x = west, y = south; empty (no size, at 0,0) for none.
// QRectF::united cannot grow it: it skips the zero-sized rectangle of a single point.
struct Bounds {
    double west = 0, south = 0, east = 0, north = 0;
    bool any = false;

    void add(const QList<MapMarker> &markers)
    {
        for (const MapMarker &m : markers) {
            west = any ? std::min(west, m.lon) : m.lon;
            east = any ? std::max(east, m.lon) : m.lon;
            south = any ? std::min(south, m.lat) : m.lat;
            north = any ? std::max(north, m.lat) : m.lat;
            any = true;
        }
    }
    QRectF rect() const { return QRectF(QPointF(west, south), QPointF(east, north)); }
};

// A layer's markers, or none with why (the other layers still show).
template<typename T>
T orNone(std::optional<T> result, const MapMarkerQuery &query, QStringList *errors)
{
    if (!result) {
        *errors << query.lastError();
        return T();
    }
    return *std::move(result);
}

} // namespace

MapLayerController::MapLayerController(QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_records(new MapMarkerSet(this))
    , m_villages(new MapMarkerSet(this))
    , m_ponds(new MapMarkerSet(this))
    , m_problems(new MapMarkerSet(this))
{
}

MapLayerController::~MapLayerController() = default;

void MapLayerController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
    if (m_active && m_stale)
        reload();
}

void MapLayerController::setFilter(const RecordFilter &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    reload();
}

QStringList MapLayerController::townshipsShown() const
{
    if (!m_filter.villageCode.isEmpty())
        return {m_filter.villageCode.left(9)};
    if (!m_filter.townshipCode.isEmpty())
        return {m_filter.townshipCode};
    const ReferenceDataRepository reference(m_db);
    QStringList out;
    auto addUnit = [&](const QString &unitCode) {
        for (const Township &t : reference.townships(unitCode))
            out << t.code;
    };
    if (!m_filter.unitCode.isEmpty()) {
        addUnit(m_filter.unitCode);
        return out;
    }
    // The account's scope: its townships, a village's township, a county's townships.
    for (const QString &scope : EnrolmentRepository(m_db).account().scopes) {
        if (scope.size() == 6)
            addUnit(scope);
        else if (scope.size() >= 9 && !out.contains(scope.left(9)))
            out << scope.left(9);
    }
    return out;
}

void MapLayerController::reload()
{
    if (!m_active) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const MapMarkerQuery query(m_db);
    QStringList errors;
    auto take = [&](auto result) { return orNone(std::move(result), query, &errors); };
    const QList<MapMarker> records = take(query.records(m_filter));
    const QList<MapMarker> ponds = take(query.ponds(m_filter));
    // The problems at the filter's place, else the account's whole scope (as the ledger).
    QStringList problemScope;
    if (!m_filter.villageCode.isEmpty())
        problemScope << m_filter.villageCode;
    else if (!m_filter.townshipCode.isEmpty())
        problemScope << m_filter.townshipCode;
    else if (!m_filter.unitCode.isEmpty())
        problemScope << m_filter.unitCode;
    else
        problemScope = EnrolmentRepository(m_db).account().scopes;
    const QList<MapMarker> problems = take(query.problems(problemScope));
    const VillageMarkers villages = take(query.villages(townshipsShown()));
    m_records->setMarkers(records);
    m_ponds->setMarkers(ponds);
    m_problems->setMarkers(problems);
    m_villages->setMarkers(villages.markers);
    m_villagesWithoutFix = villages.withoutFix;
    Bounds bounds;
    bounds.add(records);
    bounds.add(ponds);
    bounds.add(problems);
    if (!bounds.any)
        bounds.add(villages.markers);
    m_markerBox = bounds.rect();
    m_error = errors.isEmpty() ? QString()
                               : tr("地图图层读取失败：%1").arg(errors.join(QLatin1String("; ")));
    if (!errors.isEmpty())
        qWarning() << "map layers:" << errors;
    emit reloaded();
}

MapCard MapLayerController::card(const QString &id, int kind) const
{
    MapCard c;
    c.id = id;
    c.kind = kind;
    const ReferenceDataRepository reference(m_db);
    auto placeOf = [&](const QString &villageCode) {
        const auto village = reference.village(villageCode);
        if (!village)
            return villageCode;
        const auto township = reference.township(village->townshipCode);
        return township ? township->name + QStringLiteral(" · ") + village->name : village->name;
    };
    switch (MapMarker::Kind(kind)) {
    case MapMarker::Kind::Record:
    case MapMarker::Kind::Pond: {
        const auto record = RecordRepository(m_db).find(id);
        if (!record)
            return c;
        c.found = true;
        const auto form = TemplateRepository(m_db).latest(record->templateId);
        c.title = form ? form->title.text() : record->templateId;
        if (MapMarker::Kind(kind) == MapMarker::Kind::Pond) {
            const QString number = QJsonDocument::fromJson(record->content)
                                       .object()
                                       .value(QLatin1String("answers"))
                                       .toObject()
                                       .value(QLatin1String("C1"))
                                       .toString()
                                       .trimmed();
            c.title = number.isEmpty() ? tr("坑塘（未编号）") : tr("坑塘 %1").arg(number);
        }
        c.subtitle = placeOf(record->villageCode);
        c.statusText = ListStatusText::of(record->listStatus());
        c.dateText = timeText(record->updatedAtMs);
        c.canOpen = true;
        c.opens = QStringLiteral("record");
        return c;
    }
    case MapMarker::Kind::Problem: {
        const auto problem = ProblemRepository(m_db).problem(id);
        if (!problem)
            return c;
        c.found = true;
        c.title = problem->description;
        c.subtitle = placeOf(problem->villageCode) + QStringLiteral(" · ")
            + ProblemWords::severity(problem->severity);
        c.statusText = ProblemWords::state(problem->state);
        const QString deadline
            = ProblemWords::deadline(problem->deadlineMs, QDateTime::currentMSecsSinceEpoch());
        c.dateText
            = deadline.isEmpty() ? tr("发现于 %1").arg(timeText(problem->raisedAtMs)) : deadline;
        c.canOpen = true;
        c.opens = QStringLiteral("problem");
        return c;
    }
    case MapMarker::Kind::Village: {
        const auto village = reference.village(id);
        if (!village)
            return c;
        c.found = true;
        c.title = village->name;
        const auto township = reference.township(village->townshipCode);
        c.subtitle = township ? township->name : QString();
        RecordFilter inVillage;
        inVillage.villageCode = id;
        c.statusText = tr("%1 条记录").arg(RecordRepository(m_db).count(inVillage));
        return c;
    }
    }
    return c;
}

QStringList MapLayerController::recordsInBox(double west, double south, double east,
                                             double north) const
{
    const MapMarkerQuery query(m_db);
    const auto ids
        = query.recordIdsInBox(m_filter, QRectF(QPointF(west, south), QPointF(east, north)));
    if (!ids) {
        qWarning() << "map selection:" << query.lastError();
        return {};
    }
    return *ids;
}
