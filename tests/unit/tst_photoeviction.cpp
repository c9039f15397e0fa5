// The photo budget's choice of what to delete (domain/photoeviction): decided records'
// photos first (oldest first), then the least recently used; never a pinned photo; the
// background never evicts a waiting record's photo; nothing when it cannot fit.
#include "domain/photoeviction.h"

#include <QtTest>

namespace {

constexpr qint64 kMB = 1000 * 1000;

CachedPhoto photo(const QString &sha, qint64 mb, qint64 fetchedAt, qint64 shownAt = 0)
{
    return CachedPhoto {sha, mb * kMB, fetchedAt, shownAt};
}

} // namespace

class TestPhotoEviction : public QObject {
    Q_OBJECT

private slots:
    void nothingGoesWhenItFits()
    {
        EvictionInput in;
        in.cached = {photo("a", 2, 1), photo("b", 2, 2)};
        in.budgetBytes = 10 * kMB;
        in.incomingBytes = 6 * kMB;
        QCOMPARE(planEviction(in), std::optional<QStringList>(QStringList {}));
    }

    void decidedRecordsPhotosGoFirstOldestFirst()
    {
        EvictionInput in;
        // "old" was shown long ago; the decided ones were shown recently: still first.
        in.cached = {photo("old", 2, 1, 5), photo("d1", 2, 10, 100), photo("d2", 2, 11, 100)};
        in.decidedOldestFirst = {"d2", "d1"};
        in.budgetBytes = 6 * kMB;
        in.incomingBytes = 2 * kMB;
        QCOMPARE(*planEviction(in), QStringList {"d2"});
        in.incomingBytes = 4 * kMB;
        QCOMPARE(*planEviction(in), (QStringList {"d2", "d1"}));
        in.incomingBytes = 6 * kMB;
        QCOMPARE(*planEviction(in), (QStringList {"d2", "d1", "old"}));
    }

    void thenTheLeastRecentlyUsedNotWantedBeforeWanted()
    {
        EvictionInput in;
        in.cached = {photo("shownLongAgo", 1, 10, 20), photo("fetchedRecently", 1, 90),
                     photo("shownRecently", 1, 10, 95), photo("wantedOld", 1, 1)};
        in.wanted = {"wantedOld"};
        in.mayEvictWanted = true;
        in.budgetBytes = 4 * kMB;
        in.incomingBytes = 3 * kMB;
        QCOMPARE(*planEviction(in),
                 (QStringList {"shownLongAgo", "fetchedRecently", "shownRecently"}));
        in.incomingBytes = 4 * kMB;
        QCOMPARE(*planEviction(in),
                 (QStringList {"shownLongAgo", "fetchedRecently", "shownRecently", "wantedOld"}));
    }

    void aPinnedPhotoNeverGoes()
    {
        EvictionInput in;
        in.cached = {photo("onScreen", 3, 1), photo("other", 1, 2)};
        in.decidedOldestFirst = {"onScreen"};
        in.pinned = {"onScreen"};
        in.mayEvictWanted = true;
        in.budgetBytes = 4 * kMB;
        in.incomingBytes = 1 * kMB;
        QCOMPARE(*planEviction(in), QStringList {"other"});
        in.incomingBytes = 2 * kMB;
        QVERIFY(!planEviction(in)); // only by deleting what is on screen
    }

    void theBackgroundLeavesWaitingRecordsPhotosAlone()
    {
        EvictionInput in;
        in.cached = {photo("waiting", 2, 1), photo("decided", 2, 2), photo("returned", 2, 3)};
        in.decidedOldestFirst = {"decided"};
        in.wanted = {"waiting"};
        in.budgetBytes = 6 * kMB;
        in.incomingBytes = 4 * kMB;
        QCOMPARE(*planEviction(in), (QStringList {"decided", "returned"}));
        in.incomingBytes = 6 * kMB;
        QVERIFY(!planEviction(in));
        in.mayEvictWanted = true; // a record view's photo may take its place
        QCOMPARE(*planEviction(in), (QStringList {"decided", "returned", "waiting"}));
    }

    void aPhotoSharedWithAWaitingRecordIsWanted()
    {
        EvictionInput in;
        in.cached = {photo("shared", 2, 1)};
        in.decidedOldestFirst = {"shared"};
        in.wanted = {"shared"};
        in.budgetBytes = 3 * kMB;
        in.incomingBytes = 2 * kMB;
        QVERIFY(!planEviction(in));
    }

    void aPhotoLargerThanTheBudgetNeverFits()
    {
        EvictionInput in;
        in.budgetBytes = 2 * kMB;
        in.incomingBytes = 3 * kMB;
        QVERIFY(!planEviction(in));
    }
};

QTEST_GUILESS_MAIN(TestPhotoEviction)
#include "tst_photoeviction.moc"
