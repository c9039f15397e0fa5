#pragma once

#include "domain/mapmarker.h"
#include "recordfilter.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

// The villages the map can place, and how many of the asked townships' villages it cannot
// (the reference data has no village coordinates: a village stands where its records were
// taken, so one with no fix yet is not drawn).
struct VillageMarkers {
    QList<MapMarker> markers;
    int withoutFix = 0;
};

// What the map shows, read from the store. Each layer is one statement over its table: a
// record's point is read from its content by the answer scanner (answerscan.h), not
// json_extract, and no row asks the store again, so 100,000 records come out in one pass.
// A record's point is where the exports take it (exportrecordfields.h, recordPoint): its
// "location" answer, else its template's first GPS answer (a pond's C3). Positions WGS-84.
class MapMarkerQuery {
public:
    explicit MapMarkerQuery(QSqlDatabase db);

    // The filter's records that have a point, in no particular order; status = the record's
    // ListStatus.
    std::optional<QList<MapMarker>> records(const RecordFilter &filter) const;
    // The ponds (sanitation.pond records) at the filter's places, whatever their records'
    // states: one marker per pond number and village (its newest record), label = the number
    // (C1); a record without a number is a pond of its own with no label.
    std::optional<QList<MapMarker>> ponds(const RecordFilter &filter) const;
    // Problems with a point still to be acted on (待整改, 整改中, 待复查 without a passed
    // re-check, 退回重改) in scope (problemscopesql.h: county, township or village codes; none:
    // all); status = ProblemState, label empty.
    std::optional<QList<MapMarker>> problems(const QStringList &scopeCodes) const;
    // The villages of the townships (9-digit codes), each at the median of its records' fixes
    // (any status, drafts too: the inspector stood there); id = village code, label = name.
    std::optional<VillageMarkers> villages(const QStringList &townshipCodes) const;
    // The filter's records whose point lies in the box (x = west, y = south, WGS-84 degrees,
    // edges included), newest first.
    std::optional<QStringList> recordIdsInBox(const RecordFilter &filter, const QRectF &box) const;

    QString lastError() const { return m_error; }

private:
    struct Located {
        QString id;
        QString templateId;
        qint64 updatedAtMs = 0;
        int listStatus = 0;
        QString villageCode;
        double lon = 0;
        double lat = 0;
        QString pondNumber; // C1 of a pond record
    };
    // Every record the SQL selects that has a point: newest first when ordered, else in the
    // table's order (sorting 100,000 rows took half the time of drawing them).
    enum class Order { Newest, Any };
    bool scan(const QString &where, const QVariantList &binds, Order order,
              const std::function<void(const Located &)> &visit) const;

    QSqlDatabase m_db;
    QHash<QString, QList<QByteArray>> m_gpsQuestions; // template id -> its GPS question ids
    mutable QString m_error;
};
