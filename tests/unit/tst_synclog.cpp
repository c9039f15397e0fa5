// The sync log (schema 11): newest first, trimmed to the last 50 in the append's own
// transaction, errors kept as a code and arguments, the last success remembered apart.
#include "storage/database.h"
#include "storage/synclogrepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

SyncLogEntry attempt(qint64 startedAtMs, SyncLogEntry::Outcome outcome)
{
    SyncLogEntry e;
    e.startedAtMs = startedAtMs;
    e.durationMs = 250;
    e.outcome = outcome;
    e.server = QStringLiteral("qingshui.example.org:50051");
    return e;
}

int rows(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM sync_log")) && q.next() ? q.value(0).toInt()
                                                                               : -1;
}

} // namespace

class TestSyncLog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    int m_n = 0;

private slots:
    void init() { QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)))); }

    void keepsEverythingOfAnAttempt()
    {
        SyncLogRepository log(m_db.connection());
        SyncLogEntry failed = attempt(1700000000000, SyncLogEntry::Failed);
        failed.pushed = 3;
        failed.pulled = 7;
        failed.photosSent = 2;
        failed.photosReceived = 1;
        failed.errorCode = QStringLiteral("out_of_scope");
        failed.errorArgs = {QStringLiteral("淅川县 仓房镇"), QStringLiteral("a \"quoted\", arg")};
        failed.errorDetail = QStringLiteral("record outside the caller's scope");
        QVERIFY2(log.append(failed), qPrintable(log.lastError()));

        const QList<SyncLogEntry> entries = log.latest();
        QCOMPARE(entries.size(), 1);
        const SyncLogEntry &e = entries.first();
        QVERIFY(e.id > 0);
        QCOMPARE(e.startedAtMs, failed.startedAtMs);
        QCOMPARE(e.durationMs, qint64(250));
        QCOMPARE(e.outcome, SyncLogEntry::Failed);
        QCOMPARE(e.server, failed.server);
        QCOMPARE(e.pushed, 3);
        QCOMPARE(e.pulled, 7);
        QCOMPARE(e.photosSent, 2);
        QCOMPARE(e.photosReceived, 1);
        QCOMPARE(e.errorCode, failed.errorCode);
        QCOMPARE(e.errorArgs, failed.errorArgs);
        QCOMPARE(e.errorDetail, failed.errorDetail);
        QCOMPARE(log.lastSuccessMs(), qint64(0)); // never succeeded
    }

    void keepsTheNewestFiftyNewestFirst()
    {
        SyncLogRepository log(m_db.connection());
        for (int i = 0; i < 60; ++i)
            QVERIFY(
                log.append(attempt(1700000000000 + i * 1000,
                                   i % 3 == 0 ? SyncLogEntry::Succeeded : SyncLogEntry::Offline)));
        QCOMPARE(rows(m_db.connection()), SyncLogRepository::kKept);
        const QList<SyncLogEntry> entries = log.latest();
        QCOMPARE(entries.size(), 50);
        QCOMPARE(entries.first().startedAtMs, 1700000000000 + 59 * 1000);
        QCOMPARE(entries.last().startedAtMs, 1700000000000 + 10 * 1000);
        QCOMPARE(log.latest(5).size(), 5);
        // The 58th attempt (i = 57) was the last success; it ended 250 ms after it started.
        QCOMPARE(log.lastSuccessMs(), 1700000000000 + 57 * 1000 + 250);
    }

    void theLastSuccessOutlivesFiftyFailures()
    {
        SyncLogRepository log(m_db.connection());
        QVERIFY(log.append(attempt(1700000000000, SyncLogEntry::Succeeded)));
        for (int i = 1; i <= 55; ++i)
            QVERIFY(log.append(attempt(1700000000000 + i, SyncLogEntry::Failed)));
        for (const SyncLogEntry &e : log.latest())
            QCOMPARE(e.outcome, SyncLogEntry::Failed);
        QCOMPARE(log.lastSuccessMs(), 1700000000000 + 250);
    }

    // The insert and the trim are one transaction: when the trim fails, the new row is not
    // kept either (and the old ones stay).
    void aFailedTrimStoresNothing()
    {
        SyncLogRepository log(m_db.connection());
        for (int i = 0; i < 50; ++i)
            QVERIFY(log.append(attempt(1700000000000 + i, SyncLogEntry::Offline)));
        QSqlQuery q(m_db.connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER no_trim BEFORE DELETE ON sync_log "
                                      "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")));
        QVERIFY(!log.append(attempt(1800000000000, SyncLogEntry::Succeeded)));
        QCOMPARE(rows(m_db.connection()), 50);
        QCOMPARE(log.latest(1).first().startedAtMs, 1700000000000 + 49);
        QCOMPARE(log.lastSuccessMs(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSyncLog)
#include "tst_synclog.moc"
