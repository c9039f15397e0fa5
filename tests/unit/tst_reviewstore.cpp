// The review loop's device storage (schema 8): every revision seen is kept, decisions are
// written with their outbox rows in one transaction, bad decisions change nothing, and a
// refused decision can be set aside.
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "storage/revisionhistory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Record pulledRecord(qint64 serverSeq, const QByteArray &content, const QString &id = uuid())
{
    Record r;
    r.id = id;
    r.templateId = "sanitation.toilet";
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.status = RecordStatus::Submitted;
    r.createdAtMs = r.updatedAtMs = 1700000000000 + serverSeq;
    r.content = content;
    r.authorDeviceId = "tablet";
    r.serverSeq = serverSeq;
    return r;
}

PulledPage pageOf(const QList<Record> &records, qint64 cursor)
{
    PulledPage page;
    page.records = records;
    page.nextServerSeq = cursor;
    page.epoch = "e1";
    return page;
}

int rowsIn(QSqlDatabase db, const char *table)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()
        ? q.value(0).toInt()
        : -1;
}

ReviewEvent decision(const Record &r, ReviewDecision d, const QString &comment = {})
{
    ReviewEvent e;
    e.recordId = r.id;
    e.recordServerSeq = r.serverSeq;
    e.decision = d;
    e.comment = comment;
    return e;
}
} // namespace

class TestReviewStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void init() { QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("%1.db").arg(uuid())))); }

    void aNewerPulledRevisionKeepsTheOldOne()
    {
        RecordRepository records(m_db.connection());
        const Record first = pulledRecord(5, R"({"answers":{"A6":3}})");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({first}, 5)));
        // A fresh record is an INSERT: nothing is copied.
        QCOMPARE(rowsIn(m_db.connection(), "record_revision"), 0);
        // The same revision pulled again copies nothing either.
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({first}, 5)));
        QCOMPARE(rowsIn(m_db.connection(), "record_revision"), 0);

        const Record second = pulledRecord(9, R"({"answers":{"A6":4}})", first.id);
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({second}, 9)));
        const QList<Record> revisions = RevisionHistory(m_db.connection()).revisionsOf(first.id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions[0].serverSeq, 5);
        QCOMPARE(revisions[0].content, first.content);
        QCOMPARE(revisions[1].serverSeq, 9);
        QCOMPARE(revisions[1].content, second.content);
        QCOMPARE(RevisionHistory(m_db.connection()).revision(first.id, 5)->content, first.content);
        QCOMPARE(RevisionHistory(m_db.connection()).revision(first.id, 9)->content, second.content);
        QVERIFY(!RevisionHistory(m_db.connection()).revision(first.id, 7));
    }

    void aLocalEditKeepsTheRevisionItWasEditedFrom()
    {
        RecordRepository records(m_db.connection());
        const Record returned = pulledRecord(5, R"({"answers":{"A6":3}})");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({returned}, 5)));
        Record edited = returned;
        edited.content = R"({"answers":{"A6":2}})";
        QVERIFY(records.saveDraft(edited));
        QVERIFY(records.submit(edited, uuid()));
        RevisionHistory history(m_db.connection());
        QCOMPARE(history.revision(returned.id, 5)->content, returned.content);
        // The server numbers the resubmission; the pulled copy replaces the row.
        OutboxRepository outbox(m_db.connection());
        QVERIFY(outbox.acknowledge(outbox.peek(10).last().clientSeq));
        Record numbered = edited;
        numbered.status = RecordStatus::Submitted;
        numbered.serverSeq = 12;
        PulledPageWriter pages(m_db.connection());
        QVERIFY2(pages.apply(pageOf({numbered}, 12)), qPrintable(pages.lastError()));
        const QList<Record> revisions = history.revisionsOf(returned.id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions[0].serverSeq, 5);
        QCOMPARE(revisions[0].content, returned.content);
        QCOMPARE(revisions[1].serverSeq, 12);
        QCOMPARE(revisions[1].content, edited.content);
    }

    void aDecisionIsQueuedAndShownAtOnce()
    {
        RecordRepository records(m_db.connection());
        const Record r = pulledRecord(5, R"({"answers":{"A6":3}})");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({r}, 5)));
        ReviewEvent back = decision(r, ReviewDecision::Return, "照片不清楚");
        back.questionComments << QuestionComment {"A6", "数量与台账不符"};
        ReviewRepository reviews(m_db.connection());
        QVERIFY2(reviews.decide(back), qPrintable(reviews.lastError()));
        QCOMPARE(records.find(r.id)->status, RecordStatus::Returned);
        const QList<ReviewEvent> stored = ReviewRepository(m_db.connection()).reviewsOf(r.id);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].serverSeq, 0); // pending until the server numbers it
        QCOMPARE(stored[0].questionComments.value(0).comment, QString("数量与台账不符"));
        const QList<OutboxEntry> queued = OutboxRepository(m_db.connection()).peek(10);
        QCOMPARE(queued.size(), 1);
        QVERIFY(queued[0].review.has_value());
        QCOMPARE(queued[0].review->id, stored[0].id);
        QCOMPARE(queued[0].review->decision, ReviewDecision::Return);
        QCOMPARE(queued[0].review->comment, QString("照片不清楚"));
        // A queued decision does not hold back the next pulled revision of the record.
        QVERIFY(
            PulledPageWriter(m_db.connection()).apply(pageOf({pulledRecord(8, "{}", r.id)}, 8)));
        QCOMPARE(records.find(r.id)->serverSeq, 8);
    }

    void approveManyIsAllOrNothing()
    {
        RecordRepository records(m_db.connection());
        const Record a = pulledRecord(5, "{}");
        const Record b = pulledRecord(6, "{}");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({a, b}, 6)));
        ReviewRepository reviews(m_db.connection());
        ReviewEvent stale = decision(b, ReviewDecision::Approve);
        stale.recordServerSeq = 4; // not b's current revision
        QVERIFY(!reviews.decideAll({decision(a, ReviewDecision::Approve), stale}));
        QCOMPARE(reviews.refusal(), ReviewRepository::Refusal::NotCurrentRevision);
        QVERIFY(reviews.lastError().contains("not its current one"));
        QCOMPARE(rowsIn(m_db.connection(), "review_event"), 0);
        QCOMPARE(rowsIn(m_db.connection(), "outbox"), 0);
        QCOMPARE(records.find(a.id)->status, RecordStatus::Submitted);

        QVERIFY(reviews.decideAll(
            {decision(a, ReviewDecision::Approve), decision(b, ReviewDecision::Approve)}));
        QCOMPARE(records.find(a.id)->status, RecordStatus::Approved);
        QCOMPARE(records.find(b.id)->status, RecordStatus::Approved);
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 2);
    }

    void badDecisionsAreRefusedAndChangeNothing()
    {
        RecordRepository records(m_db.connection());
        const Record r = pulledRecord(5, "{}");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({r}, 5)));
        ReviewRepository reviews(m_db.connection());
        QVERIFY(!reviews.decide(decision(r, ReviewDecision::Return)));
        QCOMPARE(reviews.refusal(), ReviewRepository::Refusal::ReturnNeedsComment);
        QVERIFY(reviews.lastError().contains("comment"));
        QVERIFY(!reviews.decide(decision(r, ReviewDecision::Reject, "  ")));
        QCOMPARE(reviews.refusal(), ReviewRepository::Refusal::RejectNeedsReason);
        QVERIFY(reviews.lastError().contains("reason"));
        QVERIFY(!reviews.decide(decision(r, ReviewDecision::Publish)));
        QCOMPARE(reviews.refusal(), ReviewRepository::Refusal::PublishNeedsApproval);
        QVERIFY(reviews.lastError().contains("approved"));
        QVERIFY(!reviews.decide(decision(pulledRecord(3, "{}"), ReviewDecision::Approve)));
        QCOMPARE(reviews.refusal(), ReviewRepository::Refusal::UnknownRecord);
        QVERIFY(reviews.lastError().contains("no record"));
        QCOMPARE(rowsIn(m_db.connection(), "review_event"), 0);
        QCOMPARE(rowsIn(m_db.connection(), "outbox"), 0);
        QCOMPARE(records.find(r.id)->status, RecordStatus::Submitted);
    }

    void aRefusedDecisionIsSetAsideWithItsError()
    {
        RecordRepository records(m_db.connection());
        const Record r = pulledRecord(5, "{}");
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({r}, 5)));
        ReviewRepository reviews(m_db.connection());
        QVERIFY(reviews.decide(decision(r, ReviewDecision::Approve)));
        OutboxRepository outbox(m_db.connection());
        const OutboxEntry entry = outbox.peek(1).value(0);
        QVERIFY(outbox.setAside(entry.clientSeq, "no such record on this server"));
        QCOMPARE(outbox.pendingCount(), 0);
        const QList<SetAsideReview> aside = outbox.setAsideReviews();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside[0].reviewId, entry.review->id);
        QCOMPARE(aside[0].recordId, r.id);
        QCOMPARE(aside[0].error, QString("no such record on this server"));
        // Only decisions are set aside.
        QVERIFY(records.submit(pulledRecord(0, "{}"), uuid()));
        QVERIFY(!outbox.setAside(outbox.peek(1).value(0).clientSeq, "x"));
        QCOMPARE(outbox.pendingCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReviewStore)
#include "tst_reviewstore.moc"
