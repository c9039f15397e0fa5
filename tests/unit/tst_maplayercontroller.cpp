// The map's layers as the supervisor's face builds them (ServiceHost): read only while a map
// is shown, the queue's filter followed, read again after a decision, a tapped point's card,
// and the records inside a drawn box.
#include "controllers/maplayercontroller.h"
#include "controllers/mapmarkerset.h"
#include "controllers/reviewcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "domain/mapmarker.h"
#include "models/recordlistmodel.h"
#include "storage/database.h"
#include "storage/problemrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kT0 = 1780000000000; // 2026-05-28
const QString kJiuchong = QStringLiteral("411326105200"); // 淅川县 丹阳镇 九重村
const QString kTangwangqiao = QStringLiteral("411326105201"); // 丹阳镇 唐王桥村
const QString kYunxi = QStringLiteral("420322100200"); // 郧西县

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject fix(double lat, double lon)
{
    return QJsonObject {{"lat", lat}, {"lon", lon}, {"accuracy_m", 4.0}};
}

QStringList idsOf(const MapMarkerSet *set)
{
    QStringList ids;
    for (const MapMarker &m : set->markers())
        ids << m.id;
    ids.sort();
    return ids;
}

QStringList sorted(QStringList ids)
{
    ids.sort();
    return ids;
}

} // namespace

class TestMapLayerController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServiceHost m_host;
    qint64 m_at = kT0;
    QString m_toilet, m_pond, m_elsewhere, m_problem;

    QSqlDatabase db() const { return m_host.database()->connection(); }
    MapLayerController *layers() const { return m_host.services()->mapLayers; }

    // As the supervisor's store gets a record: in a page a sync pulled (numbered, stamped).
    QString addSynced(const QString &templateId, const QString &village, const QJsonObject &answers)
    {
        Record r;
        r.id = uuid();
        r.templateId = templateId;
        r.category = templateId.section(QLatin1Char('.'), 0, 0);
        r.villageCode = village;
        r.status = RecordStatus::Submitted;
        r.createdAtMs = r.updatedAtMs = (m_at += 60000);
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = QStringLiteral("tablet-1");
        r.author = QStringLiteral("liqiang");
        r.serverSeq = ++m_serverSeq;
        r.serverFingerprint = 1000 + m_serverSeq;
        PulledPage page;
        page.records << r;
        page.nextServerSeq = m_serverSeq;
        page.epoch = QStringLiteral("test");
        PulledPageWriter writer(db());
        return writer.apply(page) ? r.id : QString();
    }
    qint64 m_serverSeq = 0;

private slots:
    void initTestCase()
    {
        ServiceHost::Options options;
        options.mode = QStringLiteral("supervisor");
        options.dbPath = m_dir.filePath("store.db");
        QVERIFY2(m_host.start(options), qPrintable(m_host.error()));
        QVERIFY(layers());
        m_toilet = addSynced("sanitation.toilet", kJiuchong, {{"location", fix(33.01, 111.51)}});
        m_pond = addSynced("sanitation.pond", kTangwangqiao,
                           {{"C1", "DY-07"}, {"C3", fix(33.03, 111.53)}});
        m_elsewhere = addSynced("sanitation.toilet", kYunxi, {{"location", fix(32.8, 110.1)}});
        QVERIFY(!m_toilet.isEmpty() && !m_pond.isEmpty() && !m_elsewhere.isEmpty());
        ProblemEvent raise;
        raise.id = uuid();
        raise.problemId = m_problem = uuid();
        raise.action = ProblemAction::Raise;
        raise.createdAtMs = (m_at += 60000);
        raise.villageCode = kJiuchong;
        raise.category = QStringLiteral("sanitation.toilet");
        raise.severity = 3;
        raise.comment = QStringLiteral("厕所粪污外溢");
        raise.point.latitude = 33.05;
        raise.point.longitude = 111.55;
        QVERIFY(ProblemRepository(db()).record(raise));
    }

    void nothingIsReadUntilAMapIsShown()
    {
        QSignalSpy reloaded(layers(), &MapLayerController::reloaded);
        layers()->reload();
        QCOMPARE(reloaded.count(), 0);
        QCOMPARE(layers()->records()->count(), 0);
        layers()->setActive(true);
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(idsOf(layers()->records()), sorted({m_toilet, m_pond, m_elsewhere}));
        QCOMPARE(idsOf(layers()->ponds()), QStringList {m_pond});
        QCOMPARE(layers()->ponds()->markers().first().label, QStringLiteral("DY-07"));
        QCOMPARE(idsOf(layers()->problems()), QStringList {m_problem});
        QCOMPARE(layers()->error(), QString());
        const QRectF box = layers()->markerBox();
        QCOMPARE(box.left(), 110.1);
        QCOMPARE(box.right(), 111.55);
        QCOMPARE(box.top(), 32.8); // y is south
        QCOMPARE(box.bottom(), 33.05);
    }

    void theMapFollowsTheQueuesFilter()
    {
        layers()->setActive(true);
        RecordListModel *queue = m_host.services()->records;
        queue->setTownshipCode(kJiuchong.left(9)); // 丹阳镇
        QCOMPARE(layers()->filter().townshipCode, kJiuchong.left(9));
        QCOMPARE(idsOf(layers()->records()), sorted({m_toilet, m_pond}));
        // The township's villages: two placed by their records' fixes, the rest counted.
        QCOMPARE(idsOf(layers()->villages()), QStringList({kJiuchong, kTangwangqiao}));
        QVERIFY(layers()->villagesWithoutFix() > 0);
        queue->setTownshipCode(kYunxi.left(9));
        QCOMPARE(idsOf(layers()->records()), QStringList {m_elsewhere});
        QCOMPARE(layers()->problems()->count(), 0);
        queue->clearFilters();
        QCOMPARE(layers()->records()->count(), 3);
    }

    void aDecisionRedrawsItsRecord()
    {
        layers()->setActive(true);
        auto statusOf = [&](const QString &id) {
            for (const MapMarker &m : layers()->records()->markers())
                if (m.id == id)
                    return m.status;
            return -1;
        };
        QCOMPARE(statusOf(m_toilet), int(ListStatus::Synced));
        QVERIFY2(m_host.services()->review->decide(m_toilet, "approve", QString()),
                 qPrintable(m_host.services()->review->lastError()));
        QCOMPARE(statusOf(m_toilet), int(ListStatus::Approved));
    }

    void aHiddenMapReadsAgainWhenShown()
    {
        layers()->setActive(false);
        const QString added
            = addSynced("sanitation.toilet", kJiuchong, {{"location", fix(33.0, 111.5)}});
        layers()->reload(); // as a sync would: noted, not read
        QCOMPARE(layers()->records()->count(), 3);
        layers()->setActive(true);
        QCOMPARE(layers()->records()->count(), 4);
        QVERIFY(idsOf(layers()->records()).contains(added));
    }

    void aTappedPointShowsItsCard()
    {
        const MapCard record = layers()->card(m_toilet, int(MapMarker::Kind::Record));
        QVERIFY(record.found);
        QVERIFY(record.canOpen);
        QCOMPARE(record.opens, QStringLiteral("record"));
        QCOMPARE(record.title, QStringLiteral("厕所革命"));
        QVERIFY2(record.subtitle.contains(QStringLiteral("九重村")), qPrintable(record.subtitle));
        QVERIFY2(record.subtitle.contains(QStringLiteral("丹阳镇")), qPrintable(record.subtitle));
        QVERIFY(!record.statusText.isEmpty());
        QVERIFY(record.dateText.startsWith(QStringLiteral("2026-05-28")));

        const MapCard pond = layers()->card(m_pond, int(MapMarker::Kind::Pond));
        QCOMPARE(pond.title, QStringLiteral("坑塘 DY-07"));
        QCOMPARE(pond.opens, QStringLiteral("record"));

        const MapCard problem = layers()->card(m_problem, int(MapMarker::Kind::Problem));
        QVERIFY(problem.found);
        QCOMPARE(problem.title, QStringLiteral("厕所粪污外溢"));
        QCOMPARE(problem.statusText, QStringLiteral("待整改"));
        QCOMPARE(problem.opens, QStringLiteral("problem"));
        QVERIFY(problem.subtitle.contains(QStringLiteral("严重")));

        const MapCard village = layers()->card(kJiuchong, int(MapMarker::Kind::Village));
        QVERIFY(village.found);
        QVERIFY(!village.canOpen);
        QVERIFY(village.title.startsWith(QStringLiteral("九重村")));

        // Gone between the drawing and the tap (a sync removed it): no card, nothing to open.
        const MapCard gone = layers()->card(uuid(), int(MapMarker::Kind::Record));
        QVERIFY(!gone.found);
        QVERIFY(!gone.canOpen);
    }

    void aDrawnBoxSelectsTheQueuesRecordsInside()
    {
        RecordListModel *queue = m_host.services()->records;
        queue->clearFilters();
        QCOMPARE(layers()->recordsInBox(111.5, 33.0, 111.6, 33.1).size(), 3); // 2 + the added
        QVERIFY(layers()->recordsInBox(111.5, 33.0, 111.6, 33.1).contains(m_pond));
        queue->setCategory(QStringLiteral("sanitation"));
        queue->setStatusFilter(int(ListStatus::Approved));
        QCOMPARE(layers()->recordsInBox(111.5, 33.0, 111.6, 33.1), QStringList {m_toilet});
        QCOMPARE(layers()->recordsInBox(100, 20, 101, 21), QStringList());
        queue->clearFilters();
    }

    void aLayerThatCannotBeReadSaysSoAndTheOthersStay()
    {
        layers()->setActive(true);
        QVERIFY(QSqlQuery(db()).exec("ALTER TABLE problem RENAME TO problem_gone"));
        layers()->reload();
        QCOMPARE(layers()->problems()->count(), 0);
        QVERIFY2(layers()->error().startsWith(QStringLiteral("地图图层读取失败")),
                 qPrintable(layers()->error()));
        QCOMPARE(layers()->records()->count(), 4);
        QCOMPARE(layers()->ponds()->count(), 1);
        QVERIFY(QSqlQuery(db()).exec("ALTER TABLE problem_gone RENAME TO problem"));
        layers()->reload();
        QCOMPARE(layers()->error(), QString());
        QCOMPARE(layers()->problems()->count(), 1);
    }
};

QTEST_MAIN(TestMapLayerController)
#include "tst_maplayercontroller.moc"
