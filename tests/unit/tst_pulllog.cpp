// A long pull keeps the store's write-ahead log bounded: the page writer checkpoints as the
// pull passes every 20,000 server numbers, so the log starts over instead of growing with
// every page (no WalCheckpointer runs here, as none keeps up with a pull that never pauses).
#include "storage/database.h"
#include "storage/pulledpagewriter.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

class TestPullLog : public QObject {
    Q_OBJECT

    // Pages of 1,000 records numbered from `firstSeq` on, each in its own transaction.
    static bool pull(PulledPageWriter &pages, qint64 firstSeq, int pageCount)
    {
        for (int p = 0; p < pageCount; ++p) {
            PulledPage page;
            for (int i = 0; i < 1000; ++i) {
                Record r;
                r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                r.templateId = QStringLiteral("sanitation.toilet");
                r.category = QStringLiteral("sanitation");
                r.villageCode = QStringLiteral("411326105200");
                r.status = RecordStatus::Submitted;
                r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
                r.content = QByteArray(R"({"answers":{"note":")") + QByteArray(600, 'x') + "\"}}";
                r.authorDeviceId = QStringLiteral("device");
                r.serverSeq = firstSeq + p * 1000 + i;
                page.records << r;
            }
            page.nextServerSeq = firstSeq + p * 1000 + 999;
            page.epoch = QStringLiteral("test");
            if (!pages.apply(page)) {
                qWarning() << pages.lastError();
                return false;
            }
        }
        return true;
    }

private slots:
    void logStartsOverDuringALongPull()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        Database db;
        QVERIFY(db.open(path, Database::ManualCheckpoints));
        PulledPageWriter pages(db.connection());
        QVERIFY(pull(pages, 1, 19)); // server numbers 1 – 19,000: no checkpoint yet
        const qint64 before = QFileInfo(path + QLatin1String("-wal")).size();
        QVERIFY(before > 0);
        // Twice as many pages again: past 20,000 the log is copied back and reused, so the
        // file does not grow by another 38 pages' worth.
        QVERIFY(pull(pages, 19001, 38));
        const qint64 after = QFileInfo(path + QLatin1String("-wal")).size();
        QVERIFY2(after < 2 * before,
                 qPrintable(QStringLiteral("log %1 → %2 bytes").arg(before).arg(after)));
    }
};

QTEST_GUILESS_MAIN(TestPullLog)
#include "tst_pulllog.moc"
