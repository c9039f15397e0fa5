// Full-text search on a real store: found by substring in Chinese and English, exact before
// and after the index catches up, nothing stale after an edit or a discard; the index in a
// file of its own, filled beside a writer, and built again when it is not the store's.
#include "searchindexcheck.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/searchindex.h"
#include "storage/searchindexer.h"
#include "storage/searchindexfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Record make(const QString &note, const QString &village = QStringLiteral("411326105200"))
{
    Record r;
    r.id = uuid();
    r.templateId = QStringLiteral("sanitation_pond");
    r.category = QStringLiteral("sanitation");
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = 1750000000000;
    r.content = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", note}}}}).toJson();
    r.authorDeviceId = uuid();
    return r;
}

} // namespace

class TestSearchIndex : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    QString m_pond, m_toilet, m_english;

    QStringList found(const QString &text)
    {
        RecordFilter f;
        f.search = text;
        QStringList ids;
        for (const Record &r : RecordRepository(m_db.connection()).query(f, 5000))
            ids << r.id;
        ids.sort();
        return ids;
    }
    QStringList ids(QStringList list)
    {
        list.sort();
        return list;
    }
    void indexAll()
    {
        QString error;
        while (SearchIndex::indexPending(m_db.connection(), 2, &error) > 0) { }
        QCOMPARE(error, QString());
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 0);
    }
    // Every search below runs twice: straight after the writes (read from the pending rows)
    // and after the index caught up.
    void checkBoth(const std::function<void()> &checks)
    {
        QVERIFY(SearchIndex::pendingCount(m_db.connection()) > 0);
        checks();
        if (QTest::currentTestFailed())
            return;
        indexAll();
        checks();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(m_dir.filePath("s.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        RecordRepository records(m_db.connection());
        const Record pond = make(QStringLiteral("坑塘水面有漂浮物，已通知清理"));
        const Record toilet = make(QStringLiteral("户厕改造完成，粪污无害化处理"));
        const Record english = make(QStringLiteral("Floating Debris near the INTAKE"));
        QVERIFY(records.saveDraft(pond));
        QVERIFY(records.submit(toilet, uuid()));
        QVERIFY(records.submit(english, uuid()));
        m_pond = pond.id;
        m_toilet = toilet.id;
        m_english = english.id;
    }

    void chineseSubstringsOfEveryLength()
    {
        checkBoth([&] {
            QCOMPARE(found(QStringLiteral("塘")), ids({m_pond})); // one character
            QCOMPARE(found(QStringLiteral("改造")), ids({m_toilet})); // two
            QCOMPARE(found(QStringLiteral("漂浮物")), ids({m_pond})); // three
            QCOMPARE(found(QStringLiteral("粪污无害化处理")), ids({m_toilet}));
            QCOMPARE(found(QStringLiteral("，")), ids({m_pond, m_toilet}));
            QCOMPARE(found(QStringLiteral("漂浮的")), QStringList());
            QCOMPARE(found(QStringLiteral("完成，粪")), ids({m_toilet})); // across punctuation
        });
    }

    void englishIgnoresCase()
    {
        // Every record's search text begins with its village names; these are English notes.
        QVERIFY(SearchIndex::pendingCount(m_db.connection()) == 0);
        RecordRepository records(m_db.connection());
        auto english = records.find(m_english);
        QVERIFY(english);
        english->content
            = QJsonDocument(
                  QJsonObject {
                      {"answers",
                       QJsonObject {{"note", "Floating Debris near the INTAKE, 100%_done"}}}})
                  .toJson();
        QVERIFY(records.submit(*english, uuid()));
        checkBoth([&] {
            QCOMPARE(found(QStringLiteral("floating debris")), ids({m_english}));
            QCOMPARE(found(QStringLiteral("intake")), ids({m_english}));
            QCOMPARE(found(QStringLiteral("iNt")), ids({m_english}));
            QCOMPARE(found(QStringLiteral("De")), ids({m_english}));
            QCOMPARE(found(QStringLiteral("d")), ids({m_english}));
            // LIKE's wildcards and FTS5's quotes are taken literally.
            QCOMPARE(found(QStringLiteral("100%_")), ids({m_english}));
            QCOMPARE(found(QStringLiteral("1%0")), QStringList());
            QCOMPARE(found(QStringLiteral("\"near")), QStringList());
            QCOMPARE(found(QStringLiteral("near the")), ids({m_english}));
        });
    }

    // The index knows which trigrams a text has, not where: a text holding every trigram of a
    // search but not the search in one piece is not found.
    void trigramsApartAreNoMatch()
    {
        indexAll();
        Record r = make(QStringLiteral("管段ABC与DEF之间渗漏"));
        QVERIFY(RecordRepository(m_db.connection()).submit(r, uuid()));
        checkBoth([&] {
            QCOMPARE(found(QStringLiteral("abcdef")), QStringList());
            QCOMPARE(found(QStringLiteral("ABC与DEF")), ids({r.id}));
            QCOMPARE(found(QStringLiteral("c与d")), ids({r.id}));
        });
    }

    void placeNamesAreSearchedToo()
    {
        // 淅川县 丹阳镇 九重村 (411326105200): the village names lead every search text.
        RecordRepository records(m_db.connection());
        const int inVillage = records.count();
        RecordFilter f;
        f.search = QStringLiteral("九重村");
        QVERIFY(inVillage >= 3);
        QCOMPARE(records.count(f), inVillage);
    }

    void editedRecordsAreIndexedAgainNothingStale()
    {
        RecordRepository records(m_db.connection());
        auto pond = records.find(m_pond);
        QVERIFY(pond);
        pond->content
            = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", "塘边垃圾已清运"}}}})
                  .toJson();
        QVERIFY(records.saveDraft(*pond));
        checkBoth([&] {
            QCOMPARE(found(QStringLiteral("漂浮物")), QStringList());
            QCOMPARE(found(QStringLiteral("漂")), QStringList());
            QCOMPARE(found(QStringLiteral("垃圾已清运")), ids({m_pond}));
            QCOMPARE(found(QStringLiteral("垃圾")), ids({m_pond}));
            QCOMPARE(found(QStringLiteral("塘")), ids({m_pond}));
        });
        // Stored again with the same text: nothing to index.
        QVERIFY(records.saveDraft(*pond));
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 0);
    }

    void discardedDraftIsNeverFoundItsEntryIsStale()
    {
        indexAll();
        RecordRepository records(m_db.connection());
        QCOMPARE(found(QStringLiteral("垃圾已清运")), ids({m_pond}));
        const qint64 staleBefore = SearchIndex::staleEntries(m_db.connection());
        QVERIFY(records.discardDraft(m_pond));
        QCOMPARE(found(QStringLiteral("垃圾已清运")), QStringList());
        QCOMPARE(found(QStringLiteral("垃圾")), QStringList());
        // The index only adds: the entry stays, joined to no text, and is counted.
        QSqlQuery q(m_db.connection());
        q.prepare(
            QStringLiteral("SELECT count(*) FROM search.record_fts WHERE record_fts MATCH ?"));
        q.addBindValue(SearchIndex::indexQuery(QStringLiteral("垃圾已清运")));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(SearchIndex::staleEntries(m_db.connection()), staleBefore + 1);
    }

    void textEditedBeforeItsFirstIndexingIsIndexedOnceAsEdited()
    {
        indexAll();
        RecordRepository records(m_db.connection());
        Record r = make(QStringLiteral("沟渠淤积待清"));
        QVERIFY(records.saveDraft(r));
        r.content = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", "沟渠已疏通"}}}})
                        .toJson();
        QVERIFY(records.saveDraft(r));
        // One text waits (above the high-water mark), not one per write.
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 1);
        checkBoth([&] {
            QCOMPARE(found(QStringLiteral("淤积待清")), QStringList());
            QCOMPARE(found(QStringLiteral("已疏通")), ids({r.id}));
        });
        QVERIFY(records.discardDraft(r.id));
        QCOMPARE(found(QStringLiteral("已疏通")), QStringList());
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 0);
    }

    void indexMatchesTheTextItIndexed()
    {
        // After catching up, every search text is in the index under its own row id.
        indexAll();
        const SearchIndexCheck index = checkSearchIndex(m_db.connection());
        QVERIFY(index.texts > 0);
        QCOMPARE(index.indexed, index.texts);
        QCOMPARE(index.foundByTheirText, index.texts);
    }

    // A search pages through its matches by their own copy of the sort key: the pages must
    // be the plain list's order (newest first, then id), with and without other filters.
    void searchPagesInTheListsOrder()
    {
        indexAll();
        RecordRepository records(m_db.connection());
        QStringList expected, expectedSubmitted;
        for (int i = 0; i < 9; ++i) {
            Record r = make(QStringLiteral("翻页检查 第%1条").arg(i));
            r.updatedAtMs = 1760000000000 + (i % 3) * 1000; // ties, broken by id
            if (i % 2)
                QVERIFY(records.submit(r, uuid()));
            else
                QVERIFY(records.saveDraft(r));
        }
        auto pages = [&](RecordFilter f) {
            QStringList ids;
            for (int offset = 0;; offset += 2) {
                const QList<Record> page = records.query(f, 2, offset);
                for (const Record &r : page)
                    ids << r.id;
                if (page.size() < 2)
                    return ids;
            }
        };
        RecordFilter all, submitted;
        submitted.statuses = {ListStatus::Pending};
        const QStringList whole = pages(all), wholeSubmitted = pages(submitted);
        auto matching = [&](const QStringList &ids) {
            QStringList out;
            for (const QString &id : ids) {
                if (records.find(id)->content.contains("翻页检查"))
                    out << id;
            }
            return out;
        };
        expected = matching(whole);
        expectedSubmitted = matching(wholeSubmitted);
        QCOMPARE(expected.size(), 9);
        QCOMPARE(expectedSubmitted.size(), 4);
        RecordFilter search = all, searchSubmitted = submitted;
        search.search = searchSubmitted.search = QStringLiteral("翻页检查");
        checkBoth([&] {
            QCOMPARE(pages(search), expected);
            QCOMPARE(pages(searchSubmitted), expectedSubmitted);
            QCOMPARE(records.count(search), 9);
            QCOMPARE(records.count(searchSubmitted), 4);
        });
    }

    void backgroundIndexerCatchesUp()
    {
        RecordRepository records(m_db.connection());
        QStringList stored;
        for (int i = 0; i < 1200; ++i) {
            Record r = make(QStringLiteral("第%1号 排污口 巡查").arg(i));
            QVERIFY(records.submit(r, uuid()));
            stored << r.id;
        }
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 1200);
        QCOMPARE(found(QStringLiteral("第1199号")).size(), 1); // found before it is indexed
        {
            SearchIndexer indexer(m_db.path(), 10);
            // Waits for the other thread's work; no time is asserted.
            QTRY_COMPARE_WITH_TIMEOUT(SearchIndex::pendingCount(m_db.connection()), 0, 60000);
        }
        QCOMPARE(found(QStringLiteral("排污口")), ids(stored));
        QCOMPARE(found(QStringLiteral("第1199号")).size(), 1);
    }

    // A pull wakes the indexer after each page it stores, so the index follows the pull
    // instead of waiting for the next tick (here an hour away).
    void wokenIndexerCatchesUpWithoutItsTick()
    {
        RecordRepository records(m_db.connection());
        SearchIndexer indexer(m_db.path(), 3600 * 1000);
        for (int i = 0; i < 3; ++i)
            QVERIFY(records.submit(make(QStringLiteral("唤醒 第%1页").arg(i)), uuid()));
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 3);
        indexer.wake();
        indexer.wake(); // while the first waits: one catch-up
        QTRY_COMPARE_WITH_TIMEOUT(SearchIndex::pendingCount(m_db.connection()), 0, 60000);
        QCOMPARE(found(QStringLiteral("唤醒")).size(), 3);
    }

    // The index has a file and a write lock of its own: it is filled while another connection
    // (a pull, page after page) holds the store's.
    void indexesWhileAnotherConnectionHoldsTheStoresWriteLock()
    {
        indexAll();
        Record r = make(QStringLiteral("并发索引 排口巡查"));
        QVERIFY(RecordRepository(m_db.connection()).submit(r, uuid()));
        Database writer;
        // As the sync thread opens it: the store only.
        QVERIFY(writer.open(m_db.path(), Database::AutomaticCheckpoints, Database::StoreOnly));
        QSqlQuery hold(writer.connection());
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QString error;
        const int n = SearchIndex::indexPending(m_db.connection(), 10, &error);
        QCOMPARE(error, QString());
        QCOMPARE(n, 1);
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        QCOMPARE(SearchIndex::pendingCount(m_db.connection()), 0);
        QCOMPARE(found(QStringLiteral("并发索引")), ids({r.id}));
    }

    // An index file beside a store it was not built for is emptied and built again: trusted,
    // its entries would find that store's records by another store's texts.
    void indexFileOfAnotherStoreIsBuiltAgain()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.db")),
                      b = dir.filePath(QStringLiteral("b.db"));
        for (const QString &path : {a, b}) {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
            const QString note
                = path == a ? QStringLiteral("甲库 化粪池满溢") : QStringLiteral("乙库 垃圾清运");
            QVERIFY(RecordRepository(db.connection()).submit(make(note), uuid()));
            QString error;
            while (SearchIndex::indexPending(db.connection(), 10, &error) > 0) { }
            QCOMPARE(error, QString());
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(SearchIndexFile::pathFor(b) + QLatin1String(suffix));
        QVERIFY(QFile::copy(SearchIndexFile::pathFor(a), SearchIndexFile::pathFor(b)));
        Database db;
        QVERIFY(db.open(b));
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 1);
        RecordFilter f;
        f.search = QStringLiteral("化粪池满溢");
        QCOMPARE(RecordRepository(db.connection()).count(f), 0);
        f.search = QStringLiteral("垃圾清运");
        QCOMPARE(RecordRepository(db.connection()).count(f), 1);
    }

    // A store copied back from a backup hands out row ids again that its index already holds
    // for other texts: an index ahead of the store is built again.
    void restoredStoreGetsItsIndexBuiltAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.db"));
        const QString backup = dir.filePath(QStringLiteral("d.backup"));
        auto searchIn = [](Database &db, const QString &text) {
            RecordFilter f;
            f.search = text;
            return RecordRepository(db.connection()).count(f);
        };
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
            QVERIFY(RecordRepository(db.connection())
                        .submit(make(QStringLiteral("备份前 第一条")), uuid()));
        }
        QVERIFY(QFile::copy(path, backup));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(RecordRepository(db.connection())
                        .submit(make(QStringLiteral("备份后 旧文本")), uuid()));
            QString error;
            while (SearchIndex::indexPending(db.connection(), 10, &error) > 0) { }
            QCOMPARE(searchIn(db, QStringLiteral("旧文本")), 1);
        }
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(backup, path));
        Database db;
        QVERIFY(db.open(path));
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 1);
        // Stored under the row id the index held for 旧文本.
        QVERIFY(RecordRepository(db.connection())
                    .submit(make(QStringLiteral("恢复后 新文本")), uuid()));
        QString error;
        while (SearchIndex::indexPending(db.connection(), 10, &error) > 0) { }
        QCOMPARE(error, QString());
        QCOMPARE(searchIn(db, QStringLiteral("旧文本")), 0);
        QCOMPARE(searchIn(db, QStringLiteral("恢复后 新文本")), 1);
    }

    // A file of an older layout (user_version 1: FTS5's default 1 MB hash) is built again in
    // this one; searches stay exact meanwhile.
    void indexFileOfAnOlderLayoutIsBuiltAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.db"));
        auto hashSize = [](Database &db) {
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral(
                       "SELECT v FROM search.record_fts_config WHERE k = 'hashsize'"))
                    && q.next()
                ? q.value(0).toInt()
                : 0;
        };
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
            QVERIFY(RecordRepository(db.connection())
                        .submit(make(QStringLiteral("旧版索引 排水沟")), uuid()));
            QString error;
            while (SearchIndex::indexPending(db.connection(), 10, &error) > 0) { }
            QCOMPARE(SearchIndex::pendingCount(db.connection()), 0);
            QCOMPARE(hashSize(db), 16 * 1024 * 1024);
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(
                QStringLiteral("DELETE FROM search.record_fts_config WHERE k = 'hashsize'")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA search.user_version = 1")));
        }
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 1);
        QCOMPARE(hashSize(db), 16 * 1024 * 1024);
        RecordFilter f;
        f.search = QStringLiteral("排水沟");
        QCOMPARE(RecordRepository(db.connection()).count(f), 1);
        QString error;
        QCOMPARE(SearchIndex::indexPending(db.connection(), 10, &error), 1);
        QCOMPARE(RecordRepository(db.connection()).count(f), 1);
    }

    void unreadableIndexFileIsReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.db"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
            QVERIFY(RecordRepository(db.connection())
                        .submit(make(QStringLiteral("损坏索引 检查井")), uuid()));
        }
        QFile junk(SearchIndexFile::pathFor(path));
        QVERIFY(junk.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(junk.write(QByteArray(8192, 'x')) == 8192);
        junk.close();
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(SearchIndex::pendingCount(db.connection()), 1);
        QString error;
        QCOMPARE(SearchIndex::indexPending(db.connection(), 10, &error), 1);
        RecordFilter f;
        f.search = QStringLiteral("检查井");
        QCOMPARE(RecordRepository(db.connection()).count(f), 1);
    }

    // Every edit leaves the entry of the text before it: once such entries outnumber both the
    // live ones and kStaleEntriesBeforeClearing, the indexer empties the index and builds it
    // again.
    void mostlyStaleIndexIsBuiltAgain()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("e.db"))));
        QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
        RecordRepository records(db.connection());
        Record r = make(QStringLiteral("反复修改 第0稿"));
        QString error;
        for (int edit = 0; edit <= SearchIndex::kStaleEntriesBeforeClearing; ++edit) {
            r.content
                = QJsonDocument(
                      QJsonObject {
                          {"answers",
                           QJsonObject {{"note", QStringLiteral("反复修改 第%1稿").arg(edit)}}}})
                      .toJson();
            QVERIFY(records.saveDraft(r));
            QCOMPARE(SearchIndex::indexPending(db.connection(), 10, &error), 1);
        }
        QCOMPARE(SearchIndex::staleEntries(db.connection()),
                 SearchIndex::kStaleEntriesBeforeClearing);
        QVERIFY(SearchIndex::clearIfMostlyStale(db.connection(), &error)); // not yet
        QCOMPARE(SearchIndex::staleEntries(db.connection()),
                 SearchIndex::kStaleEntriesBeforeClearing);
        r.content
            = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", "反复修改 定稿"}}}})
                  .toJson();
        QVERIFY(records.saveDraft(r));
        {
            SearchIndexer indexer(db.path(), 10);
            QTRY_VERIFY_WITH_TIMEOUT(SearchIndex::staleEntries(db.connection()) == 0
                                         && SearchIndex::pendingCount(db.connection()) == 0,
                                     60000);
        }
        const SearchIndexCheck index = checkSearchIndex(db.connection());
        QCOMPARE(index.foundByTheirText, index.texts);
        RecordFilter f;
        f.search = QStringLiteral("反复修改 定稿");
        QCOMPARE(records.count(f), 1);
        f.search = QStringLiteral("第1000稿");
        QCOMPARE(records.count(f), 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
