// The local store opens in WAL mode, migrates by user_version and refuses what it cannot read.
#include "storage/database.h"
#include "storage/transaction.h"
#include "storage/walcheckpointer.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestDatabase : public QObject {
    Q_OBJECT

    // 3,000 rows of 1 KB in as many commits: about 3 MB of log, three times SQLite's
    // automatic checkpoint threshold.
    static void writeThreeMegabytes(QSqlDatabase db)
    {
        QSqlQuery q(db);
        QVERIFY(q.exec("CREATE TABLE blob_test (b BLOB)"));
        for (int i = 0; i < 3000; ++i) {
            q.prepare("INSERT INTO blob_test VALUES (?)");
            q.addBindValue(QByteArray(1024, 'q'));
            QVERIFY(q.exec());
        }
    }

private slots:
    void freshStoreIsMigratedToLatestInWal()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath("a.db")), qPrintable(db.error()));
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        for (const char *table :
             {"record", "outbox", "sync_meta", "paired_unit", "township", "village"}) {
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
        }
    }

    void reopeningMakesNoBackupAndKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.db");
        {
            Database db;
            QVERIFY(db.open(path));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec("INSERT INTO sync_meta (key, value) VALUES ('k', 'v')"));
        }
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("SELECT value FROM sync_meta WHERE key = 'k'") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("v"));
        QCOMPARE(QDir(dir.path()).entryList({"*.bak"}).size(), 0);
    }

    void storeFromANewerAppIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.db");
        {
            Database db;
            QVERIFY(db.open(path));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec("PRAGMA user_version = 99"));
        }
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.error().contains("newer"), qPrintable(db.error()));
    }

    void manualCheckpointsLeaveTheWalToTheCheckpointer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("ui.db");
        Database db;
        QVERIFY(db.open(path, Database::ManualCheckpoints));
        writeThreeMegabytes(db.connection());
        if (QTest::currentTestFailed())
            return;
        QSqlQuery q(db.connection());
        // Nothing was copied into the store by the commits themselves...
        QVERIFY2(QFileInfo(path).size() < 512 * 1024,
                 qPrintable(QString::number(QFileInfo(path).size())));
        QVERIFY(QFileInfo(path + "-wal").size() > 2 * 1024 * 1024);
        // ...the checkpointer's thread does it.
        WalCheckpointer checkpointer(path, 50);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 2 * 1024 * 1024, 10000);
        QVERIFY(q.exec("SELECT count(*) FROM blob_test") && q.next());
        QCOMPARE(q.value(0).toInt(), 3000);
    }

    // A pull wakes the checkpointer after each page it stores, so the log is copied back
    // while the next page is written, not at the next tick (here an hour away).
    void wokenCheckpointerCopiesWithoutItsTick()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pull.db");
        Database db;
        QVERIFY(db.open(path, Database::ManualCheckpoints));
        writeThreeMegabytes(db.connection());
        if (QTest::currentTestFailed())
            return;
        QSqlQuery q(db.connection());
        QVERIFY(QFileInfo(path).size() < 512 * 1024);
        WalCheckpointer checkpointer(path, 3600 * 1000);
        checkpointer.wake();
        checkpointer.wake(); // while the first waits: one checkpoint
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 2 * 1024 * 1024, 10000);
        QVERIFY(q.exec("SELECT count(*) FROM blob_test") && q.next());
        QCOMPARE(q.value(0).toInt(), 3000);
    }

    // A sync that writes tens of megabytes between two checkpoints leaves no file that size.
    void theWalShrinksBackAfterABigWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sync.db");
        Database db;
        QVERIFY(db.open(path, Database::ManualCheckpoints));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("CREATE TABLE blob_test (b BLOB)"));
        const QByteArray chunk(4096, 'w');
        const int rows = int(Database::kWalSizeLimitBytes / chunk.size()) * 3 / 2;
        QVERIFY(db.connection().transaction());
        q.prepare("INSERT INTO blob_test VALUES (?)");
        for (int i = 0; i < rows; ++i) {
            q.addBindValue(chunk);
            QVERIFY(q.exec());
        }
        QVERIFY(db.connection().commit());
        QVERIFY(QFileInfo(path + "-wal").size() > Database::kWalSizeLimitBytes);
        {
            WalCheckpointer checkpointer(path, 50);
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > Database::kWalSizeLimitBytes, 10000);
        }
        // Everything is back in the store: the next write starts the log over, and cuts it.
        QVERIFY(q.exec("INSERT INTO blob_test VALUES (x'00')"));
        QVERIFY2(QFileInfo(path + "-wal").size() <= Database::kWalSizeLimitBytes,
                 qPrintable(QString::number(QFileInfo(path + "-wal").size())));
        QVERIFY(q.exec("SELECT count(*) FROM blob_test") && q.next());
        QCOMPARE(q.value(0).toInt(), rows + 1);
    }

    // A write transaction that reads first must not fail when another connection writes in
    // between (the pulled page of a sync beside a save on the UI thread): it holds the write
    // lock from its start, and the other writer waits for it instead.
    void writeTransactionHoldsTheLockFromItsStart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.db");
        Database db;
        QVERIFY(db.open(path));
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "other");
        other.setDatabaseName(path);
        other.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        QVERIFY(other.open());
        {
            Transaction tx(db.connection());
            QVERIFY(tx.isOpen());
            QSqlQuery read(db.connection());
            QVERIFY(read.exec("SELECT count(*) FROM sync_meta") && read.next());
            QSqlQuery otherWrite(other);
            QVERIFY2(!otherWrite.exec("INSERT INTO sync_meta (key, value) VALUES ('b', '2')"),
                     "the other connection wrote inside the transaction");
            QSqlQuery write(db.connection());
            QVERIFY2(write.exec("INSERT INTO sync_meta (key, value) VALUES ('a', '1')"),
                     qPrintable(write.lastError().text()));
            QVERIFY(tx.commit());
        }
        QSqlQuery otherWrite(other);
        QVERIFY2(otherWrite.exec("INSERT INTO sync_meta (key, value) VALUES ('b', '2')"),
                 qPrintable(otherWrite.lastError().text()));
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase("other");
    }

    void corruptFileIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("garbage.db");
        const QByteArray garbage(8192, 'x');
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY(!db.error().isEmpty());
        db.close();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
