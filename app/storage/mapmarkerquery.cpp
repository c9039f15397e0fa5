#include "mapmarkerquery.h"

#include "common/sqlitestatement.h"
#include "domain/answerscan.h"
#include "domain/jsonreader.h"
#include "problemscopesql.h"
#include "recordfiltersql.h"
#include "templaterepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace {

constexpr QByteArrayView kLocation = "location";
constexpr QByteArrayView kPondNumber = "C1";
const QLatin1String kPondTemplate("sanitation.pond");

std::optional<double> jsonNumber(QByteArrayView raw)
{
    double v = 0;
    const char *end = raw.data() + raw.size();
    const auto [p, ec] = std::from_chars(raw.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// A GPS answer's lon/lat ({"lat": …, "lon": …, …}), as pointFromAnswer reads it: both numbers,
// in range.
std::optional<std::pair<double, double>> pointOf(QByteArrayView raw)
{
    if (raw.isEmpty() || raw.front() != '{')
        return std::nullopt;
    JsonReader r(raw);
    if (!r.enterObject())
        return std::nullopt;
    std::optional<double> lat, lon;
    QByteArrayView key;
    while (r.nextMember(&key)) {
        QByteArrayView value;
        if (!r.skipValue(&value))
            return std::nullopt;
        if (key == "lat")
            lat = jsonNumber(value);
        else if (key == "lon")
            lon = jsonNumber(value);
    }
    if (r.failed() || !lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180)
        return std::nullopt;
    return std::pair {*lon, *lat};
}

int listStatusOf(qint64 status, qint64 syncState)
{
    Record r;
    r.status = RecordStatus(status);
    r.syncState = SyncState(syncState);
    return int(r.listStatus());
}

double median(QList<double> values)
{
    const auto mid = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2 == 1)
        return *mid;
    return (*mid + *std::max_element(values.begin(), mid)) / 2;
}

} // namespace

MapMarkerQuery::MapMarkerQuery(QSqlDatabase db) : m_db(db)
{
    // The latest version's GPS questions stand for all versions: a template keeps its
    // questions' ids across versions (app/data/templates/README.md).
    for (const FormTemplate &t : TemplateRepository(db).latestAll()) {
        for (const Question *q : t.allQuestions()) {
            if (q->type == QuestionType::GpsPoint && q->id != QLatin1String(kLocation))
                m_gpsQuestions[t.id] << q->id.toUtf8();
        }
    }
}

bool MapMarkerQuery::scan(const QString &where, const QVariantList &binds, Order order,
                          const std::function<void(const Located &)> &visit) const
{
    SqliteStatement q(m_db,
                      QStringLiteral("SELECT r.id, r.template_id, r.status, r.sync_state, "
                                     "r.village_code, r.updated_at_ms, r.content FROM record r%1%2")
                          .arg(where,
                               order == Order::Newest
                                   ? QStringLiteral(" ORDER BY r.updated_at_ms DESC, r.id")
                                   : QString())
                          .toUtf8()
                          .constData());
    q.bindAll(binds);
    static const QList<QByteArray> none;
    while (q.step()) {
        Located row;
        row.templateId = q.columnText(1);
        const QList<QByteArray> &gpsIds = m_gpsQuestions.value(row.templateId, none);
        const bool pond = row.templateId == kPondTemplate;
        const QByteArray content = q.columnBlob(6);
        std::optional<std::pair<double, double>> location;
        QList<std::pair<int, std::pair<double, double>>> others; // by question order
        QByteArrayView numberRaw;
        const bool wellFormed = scanAnswers(content, [&](QByteArrayView id, QByteArrayView v) {
            if (id == kLocation) {
                location = pointOf(v);
            } else if (pond && id == kPondNumber) {
                numberRaw = v;
            } else {
                for (int i = 0; i < gpsIds.size(); ++i) {
                    if (id == gpsIds.at(i)) {
                        if (auto p = pointOf(v))
                            others.append({i, *p});
                    }
                }
            }
        });
        if (!wellFormed)
            continue;
        if (!location && !others.isEmpty())
            location = std::min_element(others.cbegin(), others.cend())->second;
        if (!location)
            continue;
        row.id = q.columnText(0);
        row.listStatus = listStatusOf(q.columnInt64(2), q.columnInt64(3));
        row.villageCode = q.columnText(4);
        row.updatedAtMs = q.columnInt64(5);
        row.lon = location->first;
        row.lat = location->second;
        if (numberRaw.size() >= 2 && numberRaw.front() == '"')
            row.pondNumber
                = JsonReader::decode(numberRaw.sliced(1, numberRaw.size() - 2)).trimmed();
        visit(row);
    }
    if (q.hasError()) {
        m_error = QStringLiteral("cannot read the records' points: %1").arg(q.error());
        return false;
    }
    return true;
}

std::optional<QList<MapMarker>> MapMarkerQuery::records(const RecordFilter &filter) const
{
    QVariantList binds;
    const QString where = recordFilterWhere(filter, &binds);
    QList<MapMarker> out;
    const bool ok = scan(where, binds, Order::Any, [&](const Located &row) {
        out.append({row.id, row.lon, row.lat, MapMarker::Kind::Record, row.listStatus, {}});
    });
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<QList<MapMarker>> MapMarkerQuery::ponds(const RecordFilter &filter) const
{
    RecordFilter places = filter;
    places.statuses.clear();
    places.category.clear();
    QVariantList binds;
    QString where = recordFilterWhere(places, &binds);
    where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
        + QStringLiteral("r.template_id = 'sanitation.pond'");
    QList<MapMarker> out;
    QSet<QString> seen; // village code + number: newest first, so the first is the pond's
    const bool ok = scan(where, binds, Order::Newest, [&](const Located &row) {
        if (!row.pondNumber.isEmpty()) {
            const QString key = row.villageCode + QLatin1Char('/') + row.pondNumber;
            if (seen.contains(key))
                return;
            seen.insert(key);
        }
        out.append({row.id, row.lon, row.lat, MapMarker::Kind::Pond, 0, row.pondNumber});
    });
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<QList<MapMarker>> MapMarkerQuery::problems(const QStringList &scopeCodes) const
{
    QVariantList binds;
    const QString scope = problemScopeCondition(scopeCodes, &binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const bool prepared = q.prepare(
        QStringLiteral("SELECT p.id, p.state, p.longitude, p.latitude FROM problem p "
                       "WHERE %1 AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL "
                       "AND (p.state IN (1, 2, 5) OR (p.state = 3 AND p.recheck_passed = 0)) "
                       "ORDER BY p.raised_at_ms, p.id")
            .arg(scope));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!prepared || !q.exec()) {
        m_error = QStringLiteral("cannot read the problems' points: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    QList<MapMarker> out;
    while (q.next()) {
        out.append({q.value(0).toString(),
                    q.value(2).toDouble(),
                    q.value(3).toDouble(),
                    MapMarker::Kind::Problem,
                    q.value(1).toInt(),
                    {}});
    }
    return out;
}

std::optional<VillageMarkers> MapMarkerQuery::villages(const QStringList &townshipCodes) const
{
    VillageMarkers out;
    if (townshipCodes.isEmpty())
        return out;
    QStringList marks;
    QVariantList names;
    QStringList inTownships;
    QVariantList binds;
    for (const QString &township : townshipCodes) {
        marks << QStringLiteral("?");
        names << township;
        // Village codes are the township's nine digits and three more (recordfiltersql.cpp).
        inTownships << QStringLiteral("r.village_code BETWEEN ? AND ?");
        binds << township + QLatin1String("000") << township + QLatin1String("999");
    }
    QSqlQuery q(m_db);
    const bool prepared
        = q.prepare(QStringLiteral("SELECT code, name FROM village WHERE township_code IN (%1) "
                                   "ORDER BY code")
                        .arg(marks.join(QLatin1Char(','))));
    for (const QVariant &b : std::as_const(names))
        q.addBindValue(b);
    if (!prepared || !q.exec()) {
        m_error = QStringLiteral("cannot read the villages: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    QList<std::pair<QString, QString>> villages;
    while (q.next())
        villages.append({q.value(0).toString(), q.value(1).toString()});
    QHash<QString, std::pair<QList<double>, QList<double>>> fixes; // village -> lons, lats
    const QString where
        = QStringLiteral(" WHERE (") + inTownships.join(QLatin1String(" OR ")) + QLatin1Char(')');
    if (!scan(where, binds, Order::Any, [&](const Located &row) {
            auto &f = fixes[row.villageCode];
            f.first << row.lon;
            f.second << row.lat;
        }))
        return std::nullopt;
    for (const auto &[code, name] : std::as_const(villages)) {
        const auto f = fixes.constFind(code);
        if (f == fixes.cend()) {
            ++out.withoutFix;
            continue;
        }
        out.markers.append(
            {code, median(f->first), median(f->second), MapMarker::Kind::Village, 0, name});
    }
    return out;
}

std::optional<QStringList> MapMarkerQuery::recordIdsInBox(const RecordFilter &filter,
                                                          const QRectF &box) const
{
    QVariantList binds;
    const QString where = recordFilterWhere(filter, &binds);
    // Drawn from any corner: a box given east to west or north to south is the same box.
    const QRectF b = box.normalized();
    const double west = b.left(), east = b.right(), south = b.top(), north = b.bottom();
    QStringList out;
    const bool ok = scan(where, binds, Order::Newest, [&](const Located &row) {
        if (row.lon >= west && row.lon <= east && row.lat >= south && row.lat <= north)
            out << row.id;
    });
    if (!ok)
        return std::nullopt;
    return out;
}
