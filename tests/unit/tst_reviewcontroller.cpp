// What the review pages get from ReviewController, on a real store.
#include "controllers/reviewcontroller.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUuid>
#include <QtTest>

namespace {
Record pulled(const QString &id, qint64 seq, const QByteArray &content)
{
    Record r;
    r.id = id;
    r.templateId = "sanitation.toilet";
    r.templateVersion = 1;
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.status = RecordStatus::Submitted;
    r.content = content;
    r.authorDeviceId = "tablet";
    r.serverSeq = seq;
    return r;
}

bool storePulled(QSqlDatabase db, const Record &r)
{
    PulledPage page;
    page.records << r;
    page.nextServerSeq = r.serverSeq;
    page.epoch = "e1";
    return PulledPageWriter(db).apply(page);
}
} // namespace

class TestReviewController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void init()
    {
        QVERIFY(m_db.open(m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces))));
        // The versions the records below were filled with.
        QFile f(QStringLiteral(QS_TEMPLATES_DIR "/sanitation_toilet.v1.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QFile pond(QStringLiteral(QS_TEMPLATES_DIR "/sanitation_pond.v2.json"));
        QVERIFY(pond.open(QIODevice::ReadOnly));
        QVERIFY(
            TemplateRepository(m_db.connection()).storeDefinitions({f.readAll(), pond.readAll()}));
    }

    // A changed choice shows as its labels (坝 → 堰), as the record view shows it, never as
    // the values stored.
    void changedChoicesShowTheirLabels()
    {
        ReviewController review(m_db.connection());
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Record r = pulled(id, 5, R"({"answers":{"C7":"dam"}})");
        r.templateId = "sanitation.pond";
        r.templateVersion = 2; // the version sanitation_pond.v2.json holds
        QVERIFY(storePulled(m_db.connection(), r));
        QVERIFY(review.decide(id, "return", "水体类型有误"));
        r.serverSeq = 9;
        r.content = R"({"answers":{"C7":"weir"}})";
        QVERIFY(storePulled(m_db.connection(), r));
        const QList<AnswerChangeLine> answers = review.diffAgainstReturned(id).answers;
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].label, QString("水体类型"));
        QCOMPARE(answers[0].before.toString(), QString("坝"));
        QCOMPARE(answers[0].after.toString(), QString("堰"));
    }

    void returnThenDiffAgainstTheReturnedRevision()
    {
        ReviewController review(m_db.connection());
        QSignalSpy decided(&review, &ReviewController::decided);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(storePulled(m_db.connection(),
                            pulled(id, 5, R"({"answers":{"A6_checked":40,"A2_photos":["p1"]}})")));
        QVERIFY(!review.diffAgainstReturned(id).valid); // never returned
        QVERIFY(!review.decide(id, "return", "")); // a return needs a comment
        QCOMPARE(review.lastError(), QString("退回须写明意见")); // the supervisor's words
        QVERIFY(review.decide(id, "return", "", {{"A6_checked", "数量与台账不符"}}));
        QCOMPARE(decided.count(), 1);
        QVERIFY(review.lastError().isEmpty());
        QCOMPARE(RecordRepository(m_db.connection()).find(id)->status, RecordStatus::Returned);
        QVERIFY(!review.diffAgainstReturned(id).valid); // not back yet

        // The fix arrives as revision 9.
        QVERIFY(storePulled(m_db.connection(),
                            pulled(id, 9, R"({"answers":{"A6_checked":41,"A2_photos":["p2"]}})")));
        const QList<RecordRevision> revisions = review.revisions(id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions[0].serverSeq, 5);
        QCOMPARE(revisions[0].answers["A6_checked"].toInt(), 40);
        QCOMPARE(revisions[1].serverSeq, 9);
        const RevisionDiff diff = review.diffAgainstReturned(id);
        QVERIFY(diff.valid);
        QCOMPARE(diff.returnedSeq, 5);
        QCOMPARE(diff.currentSeq, 9);
        QCOMPARE(diff.fromSeq, 5);
        QCOMPARE(diff.toSeq, 9);
        QCOMPARE(diff.answers.size(), 1);
        QCOMPARE(diff.answers[0].questionId, QString("A6_checked"));
        QCOMPARE(diff.answers[0].label, QString("已检查户数"));
        // A number bare, as it was typed (the record view adds the unit).
        QCOMPARE(diff.answers[0].before.toString(), QString("40"));
        QCOMPARE(diff.answers[0].after.toString(), QString("41"));
        QCOMPARE(diff.photos.size(), 1);
        QCOMPARE(diff.photos[0].added, QStringList {"p2"});
        QCOMPARE(diff.photos[0].removed, QStringList {"p1"});
        QVERIFY(diff.gps.isEmpty());
    }

    void approveManyAndPublish()
    {
        ReviewController review(m_db.connection());
        const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(storePulled(m_db.connection(), pulled(a, 5, "{}")));
        QVERIFY(storePulled(m_db.connection(), pulled(b, 6, "{}")));
        QVERIFY(!review.publish(a, {})); // not approved yet
        QVERIFY(!review.approveMany({a, "no-such-record"})); // all or none
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 0);
        QVERIFY(review.approveMany({a, b}));
        QCOMPARE(RecordRepository(m_db.connection()).find(b)->status, RecordStatus::Approved);
        QVERIFY(review.publish(a, {}));
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 3);
        QVERIFY(!review.decide(a, "maybe", "x"));
        QVERIFY(review.setAside().isEmpty());

        // Refused by the server for good: listed by the form's title and the village.
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        OutboxRepository outbox(m_db.connection());
        QVERIFY2(outbox.setAside(outbox.peek(1).first().clientSeq, "revision unknown"),
                 qPrintable(outbox.lastError()));
        const SetAsideDecision refused = review.setAside().value(0);
        QCOMPARE(review.setAside().size(), 1);
        QCOMPARE(refused.recordId, a);
        QCOMPARE(refused.error, QString("revision unknown"));
        const QString title = refused.title;
        const QString village
            = ReferenceDataRepository(m_db.connection()).village("411326105200")->name;
        QVERIFY(village.startsWith("九重村"));
        QCOMPARE(title, "厕所革命 · " + village);

        // Stored with the server's refusal code, it reads in the language of the moment, not
        // in the one it was refused in.
        QVERIFY(outbox.setAside(outbox.peek(1).first().clientSeq,
                                "gRPC 9: revision 5 of the record unknown", "revision_unknown",
                                {b, "5"}));
        // The second one set aside (the first keeps its old words: no code).
        const auto wordsOfSecond = [&] {
            QStringList words;
            for (const SetAsideDecision &entry : review.setAside())
                words << entry.error;
            words.removeOne("revision unknown");
            return words.value(0);
        };
        const QString zh = wordsOfSecond();
        const QString shortId = b.left(8) + QChar(0x2026); // ids are shown shortened
        QCOMPARE(zh, QString("服务器上没有记录 %1 的第 5 号版本").arg(shortId));
        QTranslator english;
        QVERIFY(english.load(":/i18n/qingshui_en.qm"));
        QCoreApplication::installTranslator(&english);
        const QString en = wordsOfSecond();
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(en, QString("The server has no revision 5 of record %1").arg(shortId));
    }
};

QTEST_GUILESS_MAIN(TestReviewController)
#include "tst_reviewcontroller.moc"
