// A long pull keeps the store's write-ahead log bounded: past 256 MB the page writer copies
// the log back between two of its transactions, so the next page starts the log over and
// SQLite truncates the file (no WalCheckpointer runs here, as none keeps up with a pull
// that never pauses).
#include "storage/database.h"
#include "storage/pulledpagewriter.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

class TestPullLog : public QObject {
    Q_OBJECT

    // Pages of 1,000 records numbered from `firstSeq` on, each in its own transaction, updated
    // in server order as real pulls are.
    static bool pull(PulledPageWriter &pages, qint64 firstSeq, int pageCount)
    {
        for (int p = 0; p < pageCount; ++p) {
            PulledPage page;
            for (int i = 0; i < 1000; ++i) {
                const qint64 seq = firstSeq + p * 1000 + i;
                Record r;
                r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                r.templateId = QStringLiteral("sanitation.toilet");
                r.category = QStringLiteral("sanitation");
                r.villageCode = QStringLiteral("411326105200");
                r.status = RecordStatus::Submitted;
                r.createdAtMs = r.updatedAtMs = 1700000000000 + seq;
                r.content = QByteArray(R"({"answers":{"note":")") + QByteArray(600, 'x') + "\"}}";
                r.authorDeviceId = QStringLiteral("device");
                r.serverSeq = seq;
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

    static qint64 logSize(const QString &path)
    {
        return QFileInfo(path + QLatin1String("-wal")).size();
    }

private slots:
    void logStartsOverDuringALongPull()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        Database db;
        QVERIFY(db.open(path, Database::ManualCheckpoints));
        PulledPageWriter pages(db.connection());
        // Page by page until the log has been cut back once: past PulledPageWriter's 256 MB
        // it is copied back, the next page starts it over and its commit truncates the file.
        // Without the checkpoint the file only grows.
        qint64 largest = 0;
        bool cutBack = false;
        int pulled = 0;
        while (!cutBack && pulled < 200) {
            QVERIFY(pull(pages, 1 + pulled * 1000, 1));
            ++pulled;
            const qint64 size = logSize(path);
            cutBack = size < largest;
            largest = std::max(largest, size);
        }
        QVERIFY2(
            cutBack,
            qPrintable(QStringLiteral("log %1 bytes after %2 pages").arg(largest).arg(pulled)));
        QVERIFY2(largest < 300 * 1024 * 1024, qPrintable(QString::number(largest)));
        QVERIFY(logSize(path) <= Database::kWalSizeLimitBytes + 16 * 1024 * 1024);

        // Nothing was lost on the way.
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), max(server_seq) FROM record")) && q.next());
        QCOMPARE(q.value(0).toInt(), pulled * 1000);
        QCOMPARE(q.value(1).toLongLong(), pulled * 1000);
    }
};

QTEST_GUILESS_MAIN(TestPullLog)
#include "tst_pulllog.moc"
