// Full-text search on a real store: found by substring in Chinese and English, exact before
// and after the index catches up, nothing stale after an edit or a discard.
#include "searchindexcheck.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/searchindex.h"
#include "storage/searchindexer.h"

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

    void discardedDraftLeavesTheIndex()
    {
        RecordRepository records(m_db.connection());
        QCOMPARE(found(QStringLiteral("垃圾已清运")), ids({m_pond}));
        QVERIFY(records.discardDraft(m_pond));
        QCOMPARE(found(QStringLiteral("垃圾已清运")), QStringList());
        QCOMPARE(found(QStringLiteral("垃圾")), QStringList());
        QSqlQuery q(m_db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM record_fts WHERE record_fts MATCH "
                                      "'\"垃圾已清运\"'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
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
        // After catching up, the index holds exactly one entry per search text, the same text.
        indexAll();
        const SearchIndexCheck index = checkSearchIndex(m_db.connection());
        QVERIFY(index.texts > 0);
        QCOMPARE(index.entries, index.texts);
        QCOMPARE(index.entriesMatchingTheirText, index.texts);
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
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
