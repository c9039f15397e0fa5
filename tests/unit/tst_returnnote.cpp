// The return an inspector has to answer (ReturnNoteRepository): shown for the record's
// current revision while it is returned or being edited, gone once it is resubmitted or a
// later decision stands. Records and decisions arrive through the pull, as on a tablet.
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/returnnote.h"
#include "storage/reviewrepository.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Record pulledRecord(qint64 serverSeq, const QString &id = uuid())
{
    Record r;
    r.id = id;
    r.templateId = "sanitation.refuse";
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.status = RecordStatus::Submitted;
    r.createdAtMs = r.updatedAtMs = 1700000000000 + serverSeq;
    r.content = R"({"answers":{"D1":true,"D2":false}})";
    r.authorDeviceId = "tablet";
    r.serverSeq = serverSeq;
    return r;
}

ReviewEvent pulledDecision(const Record &r, ReviewDecision d, qint64 serverSeq)
{
    ReviewEvent e;
    e.id = uuid();
    e.recordId = r.id;
    e.recordServerSeq = r.serverSeq;
    e.decision = d;
    e.createdAtMs = 1700000100000 + serverSeq;
    e.reviewer = "supervisor";
    e.serverSeq = serverSeq;
    return e;
}

ReviewEvent pulledReturn(const Record &r, qint64 serverSeq)
{
    ReviewEvent e = pulledDecision(r, ReviewDecision::Return, serverSeq);
    e.comment = "请补充源头分类的说明";
    e.questionComments << QuestionComment {"D2", "分类桶是否到户？"};
    return e;
}

PulledPage pageOf(const QList<Record> &records, const QList<ReviewEvent> &reviews, qint64 cursor)
{
    PulledPage page;
    page.records = records;
    page.reviews = reviews;
    page.nextServerSeq = cursor;
    page.epoch = "e1";
    return page;
}
} // namespace

class TestReturnNote : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

    // The record, returned on its current revision, as the pull stores it.
    Record pullReturned(ReviewEvent *returned = nullptr)
    {
        RecordRepository records(m_db.connection());
        const Record r = pulledRecord(5);
        const ReviewEvent back = pulledReturn(r, 6);
        PulledPageWriter pages(m_db.connection());
        if (!pages.apply(pageOf({r}, {back}, 6)))
            qFatal("cannot store the pulled page: %s", qPrintable(pages.lastError()));
        if (returned)
            *returned = back;
        return *records.find(r.id);
    }

private slots:
    void init() { QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("%1.db").arg(uuid())))); }

    void noReviewNoNote()
    {
        RecordRepository records(m_db.connection());
        const Record r = pulledRecord(5);
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({r}, {}, 5)));
        ReturnNoteRepository notes(m_db.connection());
        QVERIFY(!notes.returnNoteFor(r.id));
        QCOMPARE(notes.lastError(), QString());
        QVERIFY(!notes.returnNoteFor("no-such-record"));
    }

    void aReturnOnTheCurrentRevisionIsTheNote()
    {
        ReviewEvent sent;
        const Record r = pullReturned(&sent);
        QCOMPARE(r.status, RecordStatus::Returned);
        const auto note = ReturnNoteRepository(m_db.connection()).returnNoteFor(r.id);
        QVERIFY(note);
        QCOMPARE(note->id, sent.id);
        QCOMPARE(note->decision, ReviewDecision::Return);
        QCOMPARE(note->comment, sent.comment);
        QCOMPARE(note->reviewer, "supervisor");
        QCOMPARE(note->createdAtMs, sent.createdAtMs);
        QCOMPARE(note->questionComments.size(), 1);
        QCOMPARE(note->questionComments[0].questionId, "D2");
        QCOMPARE(note->questionComments[0].comment, "分类桶是否到户？");
    }

    void theNoteStaysWhileTheInspectorEdits()
    {
        Record r = pullReturned();
        r.content = R"({"answers":{"D1":true,"D2":true}})";
        QVERIFY(RecordRepository(m_db.connection()).saveDraft(r));
        QVERIFY(ReturnNoteRepository(m_db.connection()).returnNoteFor(r.id));
        // It is a draft again, but of a record the server holds: not the device's to delete.
        RecordRepository records(m_db.connection());
        QVERIFY(!records.discardDraft(r.id));
        QCOMPARE(records.find(r.id)->content, r.content);
    }

    void aResubmissionAnswersTheReturn()
    {
        Record r = pullReturned();
        RecordRepository records(m_db.connection());
        r.content = R"({"answers":{"D1":true,"D2":true}})";
        QVERIFY(records.saveDraft(r));
        QVERIFY(records.submit(r, uuid()));
        ReturnNoteRepository notes(m_db.connection());
        QVERIFY(!notes.returnNoteFor(r.id));

        // The server numbers the new revision; until someone decides on it, no note either.
        OutboxRepository outbox(m_db.connection());
        QVERIFY(outbox.acknowledge(outbox.peek(10).last().clientSeq));
        QVERIFY(!notes.returnNoteFor(r.id));
        Record numbered = *records.find(r.id);
        numbered.serverSeq = 12;
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({numbered}, {}, 12)));
        QVERIFY(!notes.returnNoteFor(r.id));

        // Approved: the old return is history, not a note.
        QVERIFY(
            PulledPageWriter(m_db.connection())
                .apply(pageOf({}, {pulledDecision(numbered, ReviewDecision::Approve, 13)}, 13)));
        QCOMPARE(records.find(r.id)->status, RecordStatus::Approved);
        QVERIFY(!notes.returnNoteFor(r.id));
        QCOMPARE(ReviewRepository(m_db.connection()).reviewsOf(r.id).size(), 2);
    }

    void aSecondReturnOfTheNewRevisionIsTheNewNote()
    {
        Record r = pullReturned();
        RecordRepository records(m_db.connection());
        QVERIFY(records.submit(r, uuid()));
        OutboxRepository outbox(m_db.connection());
        QVERIFY(outbox.acknowledge(outbox.peek(10).last().clientSeq));
        Record numbered = *records.find(r.id);
        numbered.serverSeq = 12;
        ReviewEvent again = pulledReturn(numbered, 13);
        again.comment = "照片仍不清楚";
        QVERIFY(PulledPageWriter(m_db.connection()).apply(pageOf({numbered}, {again}, 13)));
        const auto note = ReturnNoteRepository(m_db.connection()).returnNoteFor(r.id);
        QVERIFY(note);
        QCOMPARE(note->id, again.id);
        QCOMPARE(note->comment, "照片仍不清楚");
    }

    void aLaterDecisionOnTheSameRevisionStands()
    {
        const Record r = pullReturned();
        RecordRepository records(m_db.connection());
        QVERIFY(PulledPageWriter(m_db.connection())
                    .apply(pageOf({}, {pulledDecision(r, ReviewDecision::Approve, 7)}, 7)));
        QCOMPARE(records.find(r.id)->status, RecordStatus::Approved);
        QVERIFY(!ReturnNoteRepository(m_db.connection()).returnNoteFor(r.id));
    }
};

QTEST_GUILESS_MAIN(TestReturnNote)
#include "tst_returnnote.moc"
