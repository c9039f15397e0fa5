// What the map shows, read from a real store: records by their point under the list's filter,
// ponds once per number, open problems with a point, villages at the median of their fixes,
// and the records inside a drawn box.
#include "domain/templatecatalog.h"
#include "storage/database.h"
#include "storage/mapmarkerquery.h"
#include "storage/problemrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kT0 = 1780000000000; // 2026-05-28
const QString kJiuchong = QStringLiteral("411326105200"); // 淅川县 丹阳镇 九重村
const QString kOtherDanyang = QStringLiteral("411326105201");
const QString kDanyang = QStringLiteral("411326105");
const QString kYunxi = QStringLiteral("420322100200"); // 郧西县

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject fix(double lat, double lon)
{
    return QJsonObject {{"lat", lat}, {"lon", lon}, {"accuracy_m", 4.0}};
}

const MapMarker *byId(const QList<MapMarker> &markers, const QString &id)
{
    for (const MapMarker &m : markers)
        if (m.id == id)
            return &m;
    return nullptr;
}

} // namespace

class TestMapMarkerQuery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    qint64 m_at = kT0;

    // Stored as the form stores it: a draft, or submitted (queued for the server).
    QString add(const QString &templateId, const QString &village, const QJsonObject &answers,
                bool draft = false, const QByteArray &rawContent = {})
    {
        Record r;
        r.id = uuid();
        r.templateId = templateId;
        r.category = templateId.section(QLatin1Char('.'), 0, 0);
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = (m_at += 60000);
        r.content = rawContent.isEmpty()
            ? QJsonDocument(QJsonObject {{"answers", answers}}).toJson()
            : rawContent;
        r.authorDeviceId = QStringLiteral("device-1");
        RecordRepository records(m_db.connection());
        const bool ok = draft ? records.saveDraft(r) : records.submit(r, uuid());
        return ok ? r.id : QString();
    }

    QString raise(const QString &village, double lat, double lon)
    {
        ProblemEvent e;
        e.id = uuid();
        e.problemId = uuid();
        e.action = ProblemAction::Raise;
        e.createdAtMs = (m_at += 60000);
        e.villageCode = village;
        e.category = QStringLiteral("sanitation.toilet");
        e.severity = 2;
        e.comment = QStringLiteral("厕所粪污外溢");
        e.point.latitude = lat;
        e.point.longitude = lon;
        return ProblemRepository(m_db.connection()).record(e) ? e.problemId : QString();
    }

private slots:
    void init()
    {
        QVERIFY(m_db.open(m_dir.filePath(uuid() + ".db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        QString error;
        const QList<QByteArray> definitions = bundledTemplateDefinitions(&error);
        QVERIFY2(!definitions.isEmpty(), qPrintable(error));
        QVERIFY(TemplateRepository(m_db.connection()).storeDefinitions(definitions));
    }

    void recordsAreDrawnAtTheirPointWithTheirListStatus()
    {
        const QString toilet
            = add("sanitation.toilet", kJiuchong, {{"location", fix(33.01, 111.51)}});
        const QString draft
            = add("sanitation.toilet", kJiuchong, {{"location", fix(33.02, 111.52)}}, true);
        // A pond has no "location": its C3 is its point. Sewage asks B4 before location:
        // location still wins, as in the exports.
        const QString pond = add("sanitation.pond", kJiuchong, {{"C3", fix(33.03, 111.53)}});
        const QString sewage = add("sanitation.sewage", kOtherDanyang,
                                   {{"B4", fix(1, 1)}, {"location", fix(33.04, 111.54)}});
        // No point, a point out of range, a point as text, content that is not JSON: not drawn.
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"A1", true}}).isEmpty());
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"location", fix(95, 111.5)}}).isEmpty());
        QVERIFY(!add("sanitation.toilet", kJiuchong,
                     {{"location", QJsonObject {{"lat", "33.0"}, {"lon", "111.5"}}}})
                     .isEmpty());
        QVERIFY(!add("sanitation.toilet", kJiuchong, {}, false, "{\"answers\": {\"location\": {")
                     .isEmpty());

        MapMarkerQuery query(m_db.connection());
        const auto all = query.records(RecordFilter());
        QVERIFY2(all, qPrintable(query.lastError()));
        QCOMPARE(all->size(), 4);
        QCOMPARE(byId(*all, toilet)->lat, 33.01);
        QCOMPARE(byId(*all, toilet)->lon, 111.51);
        QCOMPARE(byId(*all, toilet)->status, int(ListStatus::Pending));
        QCOMPARE(byId(*all, toilet)->kind, MapMarker::Kind::Record);
        QCOMPARE(byId(*all, draft)->status, int(ListStatus::Draft));
        QCOMPARE(byId(*all, pond)->lat, 33.03);
        QCOMPARE(byId(*all, sewage)->lon, 111.54);

        RecordFilter drafts;
        drafts.statuses = {ListStatus::Draft};
        QCOMPARE(query.records(drafts)->size(), 1);
        RecordFilter village;
        village.villageCode = kOtherDanyang;
        QCOMPARE(query.records(village)->size(), 1);
        QCOMPARE(query.records(village)->first().id, sewage);
    }

    void aPondIsDrawnOncePerNumber()
    {
        const QString older
            = add("sanitation.pond", kJiuchong, {{"C1", "DY-01"}, {"C3", fix(33.10, 111.60)}});
        const QString newer = add("sanitation.pond", kJiuchong,
                                  {{"C1", " DY-01 "}, {"C3", fix(33.11, 111.61)}}, true);
        // The same number in another village is another pond; no number: a pond of its own.
        const QString elsewhere
            = add("sanitation.pond", kOtherDanyang, {{"C1", "DY-01"}, {"C3", fix(33.2, 111.7)}});
        const QString unnumbered
            = add("sanitation.pond", kJiuchong, {{"C1_numbered", false}, {"C3", fix(33.3, 111.8)}});
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"location", fix(33.4, 111.9)}}).isEmpty());

        MapMarkerQuery query(m_db.connection());
        const auto ponds = query.ponds(RecordFilter());
        QVERIFY2(ponds, qPrintable(query.lastError()));
        QCOMPARE(ponds->size(), 3);
        QVERIFY(!byId(*ponds, older));
        QCOMPARE(byId(*ponds, newer)->label, QStringLiteral("DY-01"));
        QCOMPARE(byId(*ponds, newer)->lat, 33.11);
        QCOMPARE(byId(*ponds, newer)->kind, MapMarker::Kind::Pond);
        QCOMPARE(byId(*ponds, elsewhere)->label, QStringLiteral("DY-01"));
        QCOMPARE(byId(*ponds, unnumbered)->label, QString());

        // The pond layer follows the filter's places, not its statuses.
        RecordFilter f;
        f.villageCode = kJiuchong;
        f.statuses = {ListStatus::Approved};
        QCOMPARE(query.ponds(f)->size(), 2);
    }

    void openProblemsWithAPointAreDrawnInScope()
    {
        const QString open = raise(kJiuchong, 33.05, 111.55);
        const QString elsewhere = raise(kYunxi, 32.8, 110.1);
        QVERIFY(!raise(kJiuchong, NAN, NAN).isEmpty()); // raised with no fix: not drawn

        MapMarkerQuery query(m_db.connection());
        const auto all = query.problems({});
        QVERIFY2(all, qPrintable(query.lastError()));
        QCOMPARE(all->size(), 2);
        QCOMPARE(byId(*all, open)->status, int(ProblemState::ToFix));
        QCOMPARE(byId(*all, open)->lat, 33.05);
        QCOMPARE(byId(*all, open)->lon, 111.55);
        QCOMPARE(byId(*all, open)->kind, MapMarker::Kind::Problem);
        const auto danyang = query.problems({kDanyang});
        QCOMPARE(danyang->size(), 1);
        QCOMPARE(danyang->first().id, open);
        QCOMPARE(query.problems({kYunxi.left(6)})->first().id, elsewhere);
    }

    void aVillageStandsAtTheMedianOfItsFixes()
    {
        // Three fixes in 九重村, one far off (a fix taken at the township office): the median
        // keeps the village where most were taken.
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"location", fix(33.00, 111.50)}}).isEmpty());
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"location", fix(33.02, 111.52)}}, true)
                     .isEmpty());
        QVERIFY(!add("sanitation.pond", kJiuchong, {{"C3", fix(33.90, 112.90)}}).isEmpty());
        QVERIFY(
            !add("sanitation.toilet", kOtherDanyang, {{"location", fix(33.2, 111.7)}}).isEmpty());
        QVERIFY(
            !add("sanitation.toilet", kOtherDanyang, {{"location", fix(33.3, 111.8)}}).isEmpty());
        QVERIFY(!add("sanitation.toilet", kYunxi, {{"location", fix(32.8, 110.1)}}).isEmpty());

        MapMarkerQuery query(m_db.connection());
        const auto villages = query.villages({kDanyang});
        QVERIFY2(villages, qPrintable(query.lastError()));
        QCOMPARE(villages->markers.size(), 2);
        const MapMarker *jiuchong = byId(villages->markers, kJiuchong);
        QVERIFY(jiuchong);
        QCOMPARE(jiuchong->lat, 33.02);
        QCOMPARE(jiuchong->lon, 111.52);
        QCOMPARE(jiuchong->kind, MapMarker::Kind::Village);
        QCOMPARE(jiuchong->label, QStringLiteral("九重村民委员会"));
        QCOMPARE(byId(villages->markers, kOtherDanyang)->lat, 33.25); // two: their mean
        const qsizetype inTownship
            = ReferenceDataRepository(m_db.connection()).villages(kDanyang).size();
        QVERIFY(inTownship > 2);
        QCOMPARE(villages->withoutFix, inTownship - 2);
    }

    void aDrawnBoxSelectsTheFilteredRecordsInside()
    {
        const QString inside
            = add("sanitation.toilet", kJiuchong, {{"location", fix(33.01, 111.51)}});
        const QString onTheEdge
            = add("sanitation.toilet", kJiuchong, {{"location", fix(33.00, 111.60)}});
        const QString insideDraft
            = add("sanitation.toilet", kJiuchong, {{"location", fix(33.02, 111.52)}}, true);
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"location", fix(33.5, 111.51)}}).isEmpty());
        QVERIFY(!add("sanitation.toilet", kJiuchong, {{"A1", true}}).isEmpty());

        MapMarkerQuery query(m_db.connection());
        const QRectF box(QPointF(111.5, 33.0), QPointF(111.6, 33.1)); // west-south, east-north
        const auto ids = query.recordIdsInBox(RecordFilter(), box);
        QVERIFY2(ids, qPrintable(query.lastError()));
        QCOMPARE(*ids, (QStringList {insideDraft, onTheEdge, inside}));
        // Drawn from the north-east corner: the same box.
        const QRectF backwards(QPointF(111.6, 33.1), QPointF(111.5, 33.0));
        QCOMPARE(*query.recordIdsInBox(RecordFilter(), backwards), *ids);
        RecordFilter submitted;
        submitted.statuses = {ListStatus::Pending};
        QCOMPARE(*query.recordIdsInBox(submitted, box), (QStringList {onTheEdge, inside}));
    }

    void aBrokenStoreIsAnErrorNotAnEmptyMap()
    {
        QSqlDatabase db = m_db.connection();
        QVERIFY(QSqlQuery(db).exec("ALTER TABLE record RENAME TO record_gone"));
        MapMarkerQuery query(db);
        QVERIFY(!query.records(RecordFilter()));
        QVERIFY(query.lastError().contains("record"));
        QVERIFY(!query.recordIdsInBox(RecordFilter(), QRectF(0, 0, 1, 1)));
    }
};

QTEST_GUILESS_MAIN(TestMapMarkerQuery)
#include "tst_mapmarkerquery.moc"
