// The flags a reviewer needs (domain/reviewflags) and their words (ReviewFlagText); the
// confirmation ReviewController asks for before approving or publishing with photos missing,
// on a real store.
#include "controllers/reviewcontroller.h"
#include "controllers/reviewflagtext.h"
#include "domain/reviewflags.h"
#include "media/photopresence.h"
#include "media/photostore.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kSavedAt = 1764500000000;

// A record's content with one GPS answer (and a text answer that only looks like one).
QByteArray withPoint(const QString &extra)
{
    // (An ordinary literal: moc's tokenizer stops at an escaped quote in a raw string.)
    return QStringLiteral("{\"answers\":{\"note\":\"{\\\"lat\\\":1,\\\"lon\\\":2}\","
                          "\"C3\":{\"lat\":32.98,\"lon\":111.49,\"accuracy_m\":18.5%1}}}")
        .arg(extra)
        .toUtf8();
}

QByteArray fixedAt(qint64 fixTimeMs)
{
    return withPoint(QStringLiteral(R"(,"fix_time_ms":%1)").arg(fixTimeMs));
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestReviewFlags : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A submitted revision as a pull stores it (server_seq set, synced).
    static bool storePulled(QSqlDatabase db, const QString &id, qint64 seq,
                            const QByteArray &content)
    {
        Record r;
        r.id = id;
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = "411326105200";
        r.status = RecordStatus::Submitted;
        r.content = content;
        r.authorDeviceId = "tablet";
        r.serverSeq = seq;
        PulledPage page;
        page.records << r;
        page.nextServerSeq = seq;
        page.epoch = "e1";
        return PulledPageWriter(db).apply(page);
    }

private slots:
    void nothingToFlag()
    {
        QVERIFY(!reviewFlagsOf(R"({"answers":{"A1":true,"note":"ok"}})", kSavedAt, 0).any());
        QVERIFY(!reviewFlagsOf(withPoint({}), kSavedAt, 0).any()); // a point without a fix time
        QVERIFY(!reviewFlagsOf("not json {", kSavedAt, kMinute).any());
        QVERIFY(!reviewFlagsOf({}, kSavedAt, 0).any());
    }

    void aPointAcceptedBelowTheGateCarriesItsReason()
    {
        const ReviewFlags flags
            = reviewFlagsOf(withPoint(R"(,"override_reason":" 山谷里信号弱 ")"), kSavedAt, 0);
        QVERIFY(flags.gpsOverridden());
        QVERIFY(!flags.staleFix());
        QCOMPARE(flags.gps.size(), 1); // the text answer that looks like a point is text
        QCOMPARE(flags.gps[0].questionId, QString("C3"));
        QCOMPARE(flags.gps[0].overrideReason, QString("山谷里信号弱"));
        QVERIFY(!reviewFlagsOf(withPoint(R"(,"override_reason":"  ")"), kSavedAt, 0).any());
    }

    void aPointFixedLongBeforeTheSaveIsStale()
    {
        QVERIFY(
            reviewFlagsOf(fixedAt(kSavedAt - kStaleFixLimitMs - kMinute), kSavedAt, 0).staleFix());
        const ReviewFlags twoHours = reviewFlagsOf(fixedAt(kSavedAt - 120 * kMinute), kSavedAt, 0);
        QCOMPARE(twoHours.gps.value(0).fixAgeMs, 120 * kMinute);
        QVERIFY(!reviewFlagsOf(fixedAt(kSavedAt - kStaleFixLimitMs), kSavedAt, 0).any());
        QVERIFY(!reviewFlagsOf(fixedAt(kSavedAt - 29 * kMinute), kSavedAt, 0).any());
        QVERIFY(!reviewFlagsOf(fixedAt(kSavedAt + 5 * kMinute), kSavedAt, 0).any()); // after
    }

    void aClockOffByMoreThanTenMinutesIsFlaggedBothWays()
    {
        QCOMPARE(reviewFlagsOf({}, kSavedAt, 11 * kMinute).clockSkewMs, 11 * kMinute);
        QCOMPARE(reviewFlagsOf({}, kSavedAt, -11 * kMinute).clockSkewMs, -11 * kMinute);
        QVERIFY(!reviewFlagsOf({}, kSavedAt, kClockSkewLimitMs).clockSkewed());
        QVERIFY(!reviewFlagsOf({}, kSavedAt, -9 * kMinute).clockSkewed());
    }

    void theWords()
    {
        QCOMPARE(ReviewFlagText::duration(40 * kMinute), QString("40 分钟"));
        QCOMPARE(ReviewFlagText::duration(120 * kMinute + 3000), QString("2 小时"));
        QCOMPARE(ReviewFlagText::duration(-125 * kMinute), QString("2 小时 5 分钟"));
        QCOMPARE(ReviewFlagText::photosIncomplete(1, 2), QString("照片未到齐 (1/2)"));

        ReviewFlags all = reviewFlagsOf(
            withPoint(QStringLiteral(R"(,"override_reason":"信号弱","fix_time_ms":%1)")
                          .arg(kSavedAt - 45 * kMinute)),
            kSavedAt, -2 * 60 * kMinute);
        QCOMPARE(ReviewFlagText::compact(all), QString("定位精度不足 · 定位过早 · 时钟偏差"));
        const QList<ReviewFlagLine> lines
            = ReviewFlagText::lines(all, [](const QString &id) { return "点位 " + id; });
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].kind, QString("gpsOverride"));
        QCOMPARE(lines[0].text, QString("点位 C3：定位精度未达标仍采用，巡查员说明：信号弱"));
        QCOMPARE(lines[1].kind, QString("staleFix"));
        QVERIFY(lines[1].text.contains("保存前 45 分钟"));
        QCOMPARE(lines[2].kind, QString("clockSkew"));
        QVERIFY(lines[2].text.contains("慢 2 小时"));

        ReviewEvent e;
        QCOMPARE(ReviewFlagText::confirmation(e), QString());
        e.photosIncompleteConfirmed = true;
        e.photosSeen = 1;
        e.photosTotal = 3;
        QCOMPARE(ReviewFlagText::confirmation(e), QString("照片未到齐 (1/3) 时确认通过"));
        e.decision = ReviewDecision::Publish;
        QCOMPARE(ReviewFlagText::confirmation(e), QString("照片未到齐 (1/3) 时确认发布"));
    }

    // n counts only the photos the store holds, each once; m every photo referred to.
    void photosHereAreCountedThroughTheStore()
    {
        PhotoStore photos(m_dir.filePath("counted/photos"));
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        const auto stored = photos.importImage(image, {QDateTime::currentDateTime(), {}, "村"});
        QVERIFY(stored);
        const QString absent(64, QLatin1Char('e'));
        const QByteArray content = QStringLiteral(R"({"answers":{"a":["%1","%2"],"b":["%1"]}})")
                                       .arg(stored->sha256, absent)
                                       .toUtf8();
        const PhotoPresence p = photoPresenceOf(content, &photos);
        QCOMPARE(p.here, 1);
        QCOMPARE(p.total, 2);
        QVERIFY(!p.complete());
        QCOMPARE(photoPresenceOf(content, nullptr).here, 0);
        QVERIFY(photoPresenceOf(R"({"answers":{}})", &photos).complete());
    }

    // Approving a record whose photo is not here: refused and nothing stored until confirmed;
    // then stored with 0/1. A record without photos needs nothing. Bulk: all or none.
    void approvingWithPhotosMissingNeedsConfirmation()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(uuid() + ".db")));
        const PhotoStore photos(PhotoStore::rootBeside(db.path()));
        const QString missing(64, QLatin1Char('a'));
        const QString withPhoto = uuid(), without = uuid(), other = uuid();
        const QByteArray photoContent
            = QStringLiteral(R"({"answers":{"A2_photos":["%1"]}})").arg(missing).toUtf8();
        QVERIFY(storePulled(db.connection(), withPhoto, 5, photoContent));
        QVERIFY(storePulled(db.connection(), without, 6, R"({"answers":{"A1":true}})"));
        QVERIFY(storePulled(db.connection(), other, 7, photoContent));
        ReviewController review(db.connection());
        review.setPhotoStore(&photos);
        OutboxRepository outbox(db.connection());
        RecordRepository records(db.connection());

        const RecordPhotoCount presence = review.photoPresence(withPhoto);
        QCOMPARE(presence.here, 0);
        QCOMPARE(presence.total, 1);
        QCOMPARE(presence.complete, false);
        QCOMPARE(presence.text, QString("照片未到齐 (0/1)"));

        QVERIFY(!review.decide(withPhoto, "approve", {}));
        QCOMPARE(review.lastError(), QString("照片未到齐 (0/1)：确认照片未到齐后才能通过"));
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(records.find(withPhoto)->status, RecordStatus::Submitted);
        // Returning and rejecting need no confirmation: nothing is accepted.
        QVERIFY(review.decide(other, "return", "请补拍"));

        QVERIFY(review.decide(without, "approve", {})); // no photos: nothing to confirm
        QVERIFY(!ReviewRepository(db.connection())
                     .reviewsOf(without)
                     .value(0)
                     .photosIncompleteConfirmed);

        QVERIFY(review.decide(withPhoto, "approve", {}, {}, true));
        ReviewEvent stored = ReviewRepository(db.connection()).reviewsOf(withPhoto).value(0);
        QVERIFY(stored.photosIncompleteConfirmed);
        QCOMPARE(stored.photosSeen, 0);
        QCOMPARE(stored.photosTotal, 1);
        QCOMPARE(outbox.pendingCount(), 3);
        // The queued op carries it to the server.
        const QList<OutboxEntry> queued = outbox.peek(10);
        QVERIFY(queued.last().review);
        QVERIFY(queued.last().review->photosIncompleteConfirmed);

        // Publishing asks again: the photo is still not here.
        QVERIFY(!review.publish(withPhoto, {}));
        QVERIFY(review.lastError().endsWith("才能发布"));
        QCOMPARE(outbox.pendingCount(), 3);
        QVERIFY(review.publish(withPhoto, {}, true));
        stored = ReviewRepository(db.connection()).reviewsOf(withPhoto).value(1);
        QCOMPARE(stored.decision, ReviewDecision::Publish);
        QVERIFY(stored.photosIncompleteConfirmed);

        // Bulk: one of them lacks photos; without confirmation none is stored.
        const QString a = uuid(), b = uuid();
        QVERIFY(storePulled(db.connection(), a, 8, R"({"answers":{}})"));
        QVERIFY(storePulled(db.connection(), b, 9, photoContent));
        const QList<RecordPhotoCount> incomplete = review.incompletePhotos({a, b});
        QCOMPARE(incomplete.size(), 1);
        QCOMPARE(incomplete[0].recordId, b);
        QCOMPARE(incomplete[0].text, QString("照片未到齐 (0/1)"));
        QVERIFY(!review.approveMany({a, b}));
        QCOMPARE(outbox.pendingCount(), 4);
        QCOMPARE(records.find(a)->status, RecordStatus::Submitted);
        QVERIFY(review.approveMany({a, b}, true));
        QVERIFY(!ReviewRepository(db.connection()).reviewsOf(a).value(0).photosIncompleteConfirmed);
        QVERIFY(ReviewRepository(db.connection()).reviewsOf(b).value(0).photosIncompleteConfirmed);
        QCOMPARE(outbox.pendingCount(), 6);
    }
};

QTEST_MAIN(TestReviewFlags)
#include "tst_reviewflags.moc"
