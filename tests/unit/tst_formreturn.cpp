// A returned record in the inspector's form: the supervisor's comment, reviewer, time and
// question comments are shown; the record is editable, stays the server's (no discarding),
// and resubmitting queues a new revision and answers the return. The services run logged in
// to a real qingshui-server: the record goes out and its return comes back by their own
// sync, decided at a supervisor's desk of its own (ReturnSyncSeed).
#include "controllers/formcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "returnsyncseed.h"
#include "serverprocess.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/reviewrepository.h"
#include "testlogin.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestFormReturn : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ServiceHost> m_host;
    FormController *form() { return m_host->services()->form; }
    QSqlDatabase db() { return m_host->database()->connection(); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY2(m_server->addUser("wangfang", "inspector", "420322") && m_server->start(),
                 qPrintable(m_server->adminOutput()));
    }
    void init()
    {
        const QString path
            = m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction()));
        QString error;
        QVERIFY2(logInStore(path, m_server->address(), "wangfang", &error), qPrintable(error));
        m_host = std::make_unique<ServiceHost>();
        QVERIFY2(m_host->start({"inspector", path, m_server->address(), {}, false, "zh_CN"}),
                 qPrintable(m_host->error()));
    }
    void cleanup() { m_host.reset(); }

    void aRecordWithoutReturnShowsNone()
    {
        QVERIFY(form()->startNew("sanitation.refuse", "420322100200"));
        QVERIFY(!form()->returned());
        QCOMPARE(form()->returnComment(), QString());
        QVERIFY(form()->questionComments().isEmpty());
    }

    void theReturnIsShownAndAnsweredByResubmitting()
    {
        ReturnSyncSeed seed(m_host.get(), m_server.get(), m_dir.path());
        const QString id = seed.returnedRecord();
        QVERIFY(!id.isEmpty());
        QSignalSpy noteChanged(form(), &FormController::returnNoteChanged);
        QVERIFY(form()->open(id));
        QCOMPARE(noteChanged.size(), 1);
        QVERIFY(form()->returned());
        QCOMPARE(form()->returnComment(), "请核实源头分类情况并补充说明");
        QCOMPARE(form()->returnReviewer(), "zhaomin");
        QCOMPARE(form()->returnedAt().toMSecsSinceEpoch(), ReturnSyncSeed::kReturnedAtMs);
        QCOMPARE(form()->questionComments(), (QVariantMap {{"D2", "分类桶是否已发放到户？"}}));
        QVERIFY(form()->editable());
        QVERIFY(!form()->discardable());

        // Editing makes it a draft of the returned revision: the note stays, it cannot go.
        QVERIFY(form()->setAnswer("D2", true));
        QCOMPARE(RecordRepository(db()).find(id)->status, RecordStatus::Draft);
        QVERIFY(form()->returned());
        QVERIFY(!form()->discard());
        QVERIFY(RecordRepository(db()).find(id));

        // Resubmitted out of the server's reach: it waits in the outbox.
        seed.serverDown();
        const int queuedBefore = OutboxRepository(db()).pendingCount();
        QCOMPARE(form()->submit(), QString());
        const auto stored = RecordRepository(db()).find(id);
        QCOMPARE(stored->status, RecordStatus::Submitted);
        QCOMPARE(stored->syncState, SyncState::Pending);
        QVERIFY(stored->content.contains(R"("D2":true)"));
        QCOMPARE(OutboxRepository(db()).pendingCount(), queuedBefore + 1);
        QCOMPARE(OutboxRepository(db()).peek(10).last().record.id, id);
        QVERIFY(!form()->returned());
        QVERIFY(form()->questionComments().isEmpty());
        QVERIFY(!form()->editable());

        // Sent once the server is back, which numbers the new revision; the supervisor
        // approves it, and the sync brings that back: no return to answer.
        QVERIFY(seed.acceptAndApprove(id));
        QVERIFY(form()->open(id));
        QVERIFY(!form()->returned());
        QCOMPARE(RecordRepository(db()).find(id)->status, RecordStatus::Approved);
        QCOMPARE(ReviewRepository(db()).reviewsOf(id).size(), 2);
    }
};

QTEST_MAIN(TestFormReturn)
#include "tst_formreturn.moc"
