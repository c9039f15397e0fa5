// Every older store in tests/data migrates to the newest schema and keeps all its data.
#include "searchindexcheck.h"
#include "storage/bloboutboxrepository.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/problemrepository.h"
#include "storage/recordrepository.h"
#include "storage/searchindex.h"
#include "storage/syncmetarepository.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Copies a fixture so the committed file is never touched.
QString copyOf(const QString &fixture, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QFileInfo(fixture).fileName());
    QFile::remove(path);
    QFile::copy(fixture, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

QMap<QString, QByteArray> contentById(QSqlDatabase db)
{
    QMap<QString, QByteArray> out;
    QSqlQuery q(db);
    q.exec("SELECT id, content FROM record");
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toByteArray());
    return out;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void everyEarlierSchemaMigrates_data()
    {
        QTest::addColumn<QString>("fixture");
        const QDir data(QStringLiteral(QS_TEST_DATA_DIR));
        const QStringList fixtures = data.entryList({"store-schema*.db"}, QDir::Files, QDir::Name);
        QVERIFY(!fixtures.isEmpty());
        for (const QString &f : fixtures)
            QTest::newRow(qPrintable(f)) << data.filePath(f);
    }

    void everyEarlierSchemaMigrates()
    {
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        const QString path = copyOf(fixture, dir);
        QMap<QString, QByteArray> before;
        int outboxBefore = 0;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase("QSQLITE", "raw");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            before = contentById(raw);
            QSqlQuery q(raw);
            QVERIFY(q.exec("SELECT count(*) FROM outbox") && q.next());
            outboxBefore = q.value(0).toInt();
            raw.close();
        }
        QSqlDatabase::removeDatabase("raw");
        QVERIFY(!before.isEmpty());

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("PRAGMA integrity_check") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QCOMPARE(contentById(db.connection()), before); // every record, byte for byte
        QCOMPARE(OutboxRepository(db.connection()).pendingCount(), outboxBefore);
        // The old file was kept before its schema was touched.
        QVERIFY(!QDir(dir.path()).entryList({"*.bak"}).isEmpty());
    }

    void schemaOneGainsFiltersAndSearch()
    {
        QTemporaryDir dir;
        const QString path = copyOf(QStringLiteral(QS_TEST_DATA_DIR "/store-schema1.db"), dir);
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        RecordRepository records(db.connection());
        QCOMPARE(records.count(), 5);
        RecordFilter xichuan;
        xichuan.unitCode = "411326";
        QCOMPARE(records.count(xichuan), 3);
        RecordFilter yunxi;
        yunxi.unitCode = "420322";
        QCOMPARE(records.count(yunxi), 2);
        RecordFilter synced;
        synced.statuses = {ListStatus::Synced};
        QCOMPARE(records.count(synced), 1);
        RecordFilter pending;
        pending.statuses = {ListStatus::Pending};
        QCOMPARE(records.count(pending), 2);
        RecordFilter search;
        search.search = QStringLiteral("粪污"); // the first release's free note is searchable
        QCOMPARE(records.count(search), 1);
        QCOMPARE(SyncMetaRepository(db.connection()).pullCursor(), 41);
    }

    // Stores from before schema 6 sent records to servers that took no photos: the photos
    // of this device's own submitted records are queued; drafts, other devices' records and
    // content that is no JSON are left alone.
    void schemaSixQueuesThisDevicesPhotos()
    {
        QTemporaryDir dir;
        const QString path = copyOf(QStringLiteral(QS_TEST_DATA_DIR "/store-schema2.db"), dir);
        const QString mine(64, QLatin1Char('1')), draft(64, QLatin1Char('2')),
            theirs(64, QLatin1Char('3')), both(64, QLatin1Char('4')), broken(64, QLatin1Char('5'));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase("QSQLITE", "raw6");
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec("INSERT OR REPLACE INTO sync_meta (key, value) "
                           "VALUES ('device_id', 'this-device')"));
            auto add = [&](const QString &id, int status, const QString &device,
                           const QByteArray &content) {
                q.prepare("INSERT INTO record (id, template_id, template_version, category, "
                          "village_code, status, created_at_ms, updated_at_ms, content, "
                          "author_device_id, sync_state) VALUES (?,'t',1,'c','411326105200',?,"
                          "1,1,?,?,2)");
                q.addBindValue(id);
                q.addBindValue(status);
                q.addBindValue(content); // bound as a BLOB, as the app binds content
                q.addBindValue(device);
                return q.exec();
            };
            const auto json = [](const QString &a, const QString &b) {
                return QStringLiteral(R"({"answers":{"p":["%1"],"q":{"r":["%2"]}}})")
                    .arg(a, b)
                    .toUtf8();
            };
            QVERIFY(add("m1", 2, "this-device", json(mine, both)));
            QVERIFY(add("m2", 4, "this-device", json(both, "not a photo")));
            QVERIFY(add("d1", 1, "this-device", json(draft, draft)));
            QVERIFY(add("t1", 2, "other-device", json(theirs, theirs)));
            QVERIFY(add("x1", 2, "this-device", QByteArray("{not json \"") + broken.toLatin1()));
            raw.close();
        }
        QSqlDatabase::removeDatabase("raw6");

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QStringList queued = BlobOutboxRepository(db.connection()).pending();
        queued.sort();
        QCOMPARE(queued, QStringList({mine, both}));
    }

    // Schema 7 rebuilt the search table and dropped the township column: search, the
    // township filter and new saves still work on what schema 4 stored.
    void schemaFourKeepsSearchAndPlaces()
    {
        QTemporaryDir dir;
        const QString path = copyOf(QStringLiteral(QS_TEST_DATA_DIR "/store-schema4.db"), dir);
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        RecordRepository records(db.connection());
        RecordFilter search;
        search.search = QStringLiteral("粪污");
        QCOMPARE(records.count(search), 1);
        search.search = QStringLiteral("唐王桥"); // a village name stored with the text
        QCOMPARE(records.count(search), 1);
        RecordFilter danyang;
        danyang.townshipCode = QStringLiteral("411326105");
        QCOMPARE(records.count(danyang), 2);
        RecordFilter synced;
        synced.statuses = {ListStatus::Synced};
        QCOMPARE(records.count(synced), 1);

        Record r;
        r.id = QStringLiteral("0b6f1c2e-5f0a-4c59-9d1e-2f4b7a9c0d11");
        r.templateId = QStringLiteral("village_visit");
        r.category = QStringLiteral("village_visit");
        r.villageCode = QStringLiteral("411326105200");
        r.createdAtMs = r.updatedAtMs = 1760000000000;
        r.content = QByteArray(R"({"answers":{"note":"新的一条"}})");
        r.authorDeviceId = SyncMetaRepository(db.connection()).deviceId();
        QVERIFY2(records.saveDraft(r), qPrintable(records.lastError()));
        search.search = QStringLiteral("新的一条");
        QCOMPARE(records.count(search), 1);
        QCOMPARE(records.count(danyang), 3);
    }

    // Schema 10 rebuilt record_search with ids that only grow and a high-water mark for the
    // index. A schema 9 store keeps what it had indexed, and what waited still waits: texts
    // never indexed, and one changed after it was indexed.
    // Schema 16 rebuilds the outbox (a ledger op names no record): the queued ops keep their
    // numbers, and the next one is numbered after every number ever handed out (the schema 1
    // store handed out 3 and holds 1 and 2): the server takes client_seq as strictly
    // increasing per device.
    void schemaSixteenKeepsTheOutboxNumbers()
    {
        QTemporaryDir dir;
        const QString path = copyOf(QStringLiteral(QS_TEST_DATA_DIR "/store-schema1.db"), dir);
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        OutboxRepository outbox(db.connection());
        const QList<OutboxEntry> before = outbox.peek(10);
        QCOMPARE(before.size(), 2);
        QCOMPARE(before.at(0).clientSeq, 1);
        QCOMPARE(before.at(1).clientSeq, 2);
        QVERIFY(!before.at(0).record.id.isEmpty());

        ProblemEvent raise;
        raise.problemId = QStringLiteral("7d0c6f1e-5a43-4c1b-9d0e-2f1f4f1b2a01");
        raise.villageCode = QStringLiteral("411326105200");
        raise.category = QStringLiteral("sanitation.toilet");
        raise.comment = QStringLiteral("厕所粪污外溢");
        ProblemRepository problems(db.connection());
        QVERIFY2(problems.record(raise), qPrintable(problems.lastError()));
        const QList<OutboxEntry> after = outbox.peek(10);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after.at(2).clientSeq, 4);
        QVERIFY(after.at(2).problem);
    }

    void schemaNineSearchesBeforeAndAfterItsIndexIsBuiltAgain()
    {
        QTemporaryDir dir;
        const QString path = copyOf(QStringLiteral(QS_TEST_DATA_DIR "/store-schema9.db"), dir);
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        RecordRepository records(db.connection());
        auto count = [&](const char *text) {
            RecordFilter f;
            f.search = QString::fromUtf8(text);
            return records.count(f);
        };
        auto checks = [&] {
            QCOMPARE(count("粪污清运"), 1); // indexed in schema 9
            QCOMPARE(count("管网已检修"), 1); // changed after it was indexed there
            QCOMPARE(count("侧柏"), 1); // two characters: always read directly
            QCOMPARE(count("YX-CG-017"), 1); // never indexed there
            QCOMPARE(count("红庙村"), 1);
        };
        // Schema 18 left the store's own index behind: every text waits for the new file's.
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 5);
        checks();
        QString error;
        while (SearchIndex::indexPending(db.connection(), 2, &error) > 0) { }
        QCOMPARE(error, QString());
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 0);
        checks();
        const SearchIndexCheck index = checkSearchIndex(db.connection());
        QCOMPARE(index.texts, 5);
        QCOMPARE(index.indexed, 5);
        QCOMPARE(index.foundByTheirText, 5);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
