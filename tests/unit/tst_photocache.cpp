// A supervisor's cache of fetched photos on a real store (schema 12): the budget setting
// (2 GiB unless set), what is recorded when a photo arrives or is shown, and which photos
// the review queue wants (waiting records, newest first) or may lose first (decided
// records, oldest first).
#include "storage/database.h"
#include "storage/photocacherepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString sha(char c)
{
    return QString(64, QLatin1Char(c));
}

} // namespace

class TestPhotoCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    qint64 m_seq = 0;

    // A record as a supervisor's pull stores it, in this status, saved at atMs.
    bool pulled(RecordStatus status, qint64 atMs, const QStringList &photos)
    {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = "sanitation.pond";
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.status = status;
        r.createdAtMs = r.updatedAtMs = atMs;
        r.content
            = QJsonDocument(
                  QJsonObject {
                      {"answers", QJsonObject {{"photos", QJsonArray::fromStringList(photos)}}}})
                  .toJson(QJsonDocument::Compact);
        r.authorDeviceId = "tablet";
        r.syncState = SyncState::Synced;
        r.serverSeq = ++m_seq;
        PulledPage page;
        page.records << r;
        page.nextServerSeq = m_seq;
        page.epoch = "test";
        return PulledPageWriter(m_db.connection()).apply(page);
    }

private slots:
    void initTestCase() { QVERIFY(m_db.open(m_dir.filePath("store.db"))); }

    void theBudgetIsTwoGibibytesUntilSet()
    {
        PhotoCacheRepository cache(m_db.connection());
        QCOMPARE(cache.budgetBytes(), qint64(2) * 1024 * 1024 * 1024);
        QVERIFY(!cache.setBudgetBytes(0));
        QVERIFY(cache.setBudgetBytes(512 * 1024 * 1024));
        QCOMPARE(PhotoCacheRepository(m_db.connection()).budgetBytes(), 512 * 1024 * 1024);
    }

    void fetchedAndShownPhotosAreCounted()
    {
        PhotoCacheRepository cache(m_db.connection());
        QVERIFY(cache.recordFetched(sha('a'), 1000));
        QVERIFY(cache.recordFetched(sha('b'), 2500));
        QCOMPARE(cache.usedBytes(), 3500);
        QVERIFY(cache.markShown({sha('b'), sha('c')})); // c was never fetched here: ignored
        const QList<CachedPhoto> all = cache.all();
        QCOMPARE(all.size(), 2);
        for (const CachedPhoto &p : all) {
            QVERIFY(p.fetchedAtMs > 0);
            QCOMPARE(p.shownAtMs > 0, p.sha256 == sha('b'));
        }
        QVERIFY(cache.remove({sha('a')}));
        QCOMPARE(cache.usedBytes(), 2500);
        QVERIFY(cache.remove({sha('b')}));
        QCOMPARE(cache.all().size(), 0);
    }

    void theQueueWantsWaitingRecordsPhotosNewestFirstAndDecidedOnesGoOldestFirst()
    {
        QVERIFY(pulled(RecordStatus::Submitted, 1000, {sha('1'), sha('2')}));
        QVERIFY(pulled(RecordStatus::Submitted, 3000, {sha('3'), sha('1')})); // shares 1
        QVERIFY(pulled(RecordStatus::Returned, 4000, {sha('4')}));
        QVERIFY(pulled(RecordStatus::Approved, 2000, {sha('5')}));
        QVERIFY(pulled(RecordStatus::Rejected, 500, {sha('6')}));
        QVERIFY(pulled(RecordStatus::Approved, 5000, {sha('7')}));
        PhotoCacheRepository cache(m_db.connection());
        QCOMPARE(cache.waitingPhotos(), (QStringList {sha('3'), sha('1'), sha('2')}));
        QCOMPARE(cache.decidedPhotos(), (QStringList {sha('6'), sha('5'), sha('7')}));
    }
};

QTEST_GUILESS_MAIN(TestPhotoCache)
#include "tst_photocache.moc"
