// Records and their outbox entries are written together or not at all.
#include "storage/bloboutboxrepository.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Record sampleRecord()
{
    Record r;
    r.id = uuid();
    r.templateId = "sanitation";
    r.category = "sanitation";
    r.villageCode = "411326105200";
    r.createdAtMs = r.updatedAtMs = 1700000000000;
    r.content = QByteArray(R"({"note":"户厕 抽查",  "n": 12})");
    r.authorDeviceId = uuid();
    return r;
}
} // namespace

class TestRecordRepository : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void init() { QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("%1.db").arg(uuid())))); }

    void submitStoresRecordAndQueuesIt()
    {
        RecordRepository records(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        const Record r = sampleRecord();
        QVERIFY2(records.submit(r, uuid()), qPrintable(records.lastError()));
        const auto stored = records.find(r.id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->content, r.content); // byte for byte
        QCOMPARE(stored->status, RecordStatus::Submitted);
        QCOMPARE(stored->syncState, SyncState::Pending);
        QCOMPARE(outbox.pendingCount(), 1);
        const auto queued = outbox.peek(10);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().record.id, r.id);
    }

    // Whether anything matches, as count() > 0 says, for a filter and for a search alone.
    void hasAnyAgreesWithCount()
    {
        RecordRepository records(m_db.connection());
        QVERIFY(!records.hasAny());
        QVERIFY(records.submit(sampleRecord(), uuid()));
        RecordFilter elsewhere;
        elsewhere.villageCode = QStringLiteral("420322100201");
        RecordFilter search, missing;
        search.search = QStringLiteral("户厕 抽查");
        missing.search = QStringLiteral("化粪池");
        for (const RecordFilter &f : {RecordFilter(), elsewhere, search, missing})
            QCOMPARE(records.hasAny(f), records.count(f) > 0);
        QVERIFY(records.hasAny() && records.hasAny(search));
        QVERIFY(!records.hasAny(elsewhere) && !records.hasAny(missing));
    }

    void draftsStayOutOfTheOutbox()
    {
        RecordRepository records(m_db.connection());
        QVERIFY(records.saveDraft(sampleRecord()));
        QCOMPARE(records.count(), 1);
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 0);
    }

    void failedQueueingLeavesNoRecord()
    {
        RecordRepository records(m_db.connection());
        const QString opId = uuid();
        QVERIFY(records.submit(sampleRecord(), opId));
        const Record second = sampleRecord();
        // The same op id again: the outbox insert fails, so the record must not be stored either.
        QVERIFY(!records.submit(second, opId));
        QVERIFY(!records.lastError().isEmpty());
        QVERIFY(!records.find(second.id).has_value());
        QCOMPARE(records.count(), 1);
        QCOMPARE(OutboxRepository(m_db.connection()).pendingCount(), 1);
    }

    // The photos a submitted record refers to are queued with it, once each; a submit that
    // fails queues none of them.
    void submitQueuesItsPhotos()
    {
        RecordRepository records(m_db.connection());
        BlobOutboxRepository photos(m_db.connection());
        const QString a(64, QLatin1Char('a')), b(64, QLatin1Char('b')), c(64, QLatin1Char('c'));
        Record r = sampleRecord();
        r.content = QStringLiteral(R"({"answers":{"photos":["%1","%2"],"more":["%1"]}})")
                        .arg(b, a)
                        .toUtf8();
        QVERIFY(records.saveDraft(r));
        QCOMPARE(photos.pendingCount(), 0); // drafts send nothing
        const QString opId = uuid();
        QVERIFY2(records.submit(r, opId), qPrintable(records.lastError()));
        QStringList pending = photos.pending();
        pending.sort();
        QCOMPARE(pending, QStringList({a, b}));

        Record other = sampleRecord();
        other.content = QStringLiteral(R"({"answers":{"photos":["%1"]}})").arg(c).toUtf8();
        QVERIFY(!records.submit(other, opId)); // the same op id: the whole submit fails
        QCOMPARE(photos.pendingCount(), 2);

        QVERIFY(photos.remove({a}));
        QCOMPARE(photos.pending(), QStringList {b});
        QVERIFY(records.submit(r, uuid())); // submitted again: a is queued again
        QCOMPARE(photos.pendingCount(), 2);
    }

    void acknowledgeDropsOnlyWhatTheServerHolds()
    {
        RecordRepository records(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        const Record a = sampleRecord();
        const Record b = sampleRecord();
        QVERIFY(records.submit(a, uuid()));
        QVERIFY(records.submit(b, uuid()));
        const auto queued = outbox.peek(10);
        QCOMPARE(queued.size(), 2);
        QVERIFY(outbox.acknowledge(queued.at(0).clientSeq));
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(records.find(a.id)->syncState, SyncState::Synced);
        QCOMPARE(records.find(b.id)->syncState, SyncState::Pending);
    }

    void aRecordWithALaterQueuedOpStaysPending()
    {
        RecordRepository records(m_db.connection());
        OutboxRepository outbox(m_db.connection());
        Record r = sampleRecord();
        QVERIFY(records.submit(r, uuid()));
        r.content = "{\"note\":\"second revision\"}";
        QVERIFY(records.submit(r, uuid())); // edited and resubmitted before any push
        const auto queued = outbox.peek(10);
        QCOMPARE(queued.size(), 2);
        QVERIFY(outbox.acknowledge(queued.at(0).clientSeq));
        QCOMPARE(records.find(r.id)->syncState, SyncState::Pending);
        QVERIFY(outbox.acknowledge(queued.at(1).clientSeq));
        QCOMPARE(records.find(r.id)->syncState, SyncState::Synced);
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void pulledPageStoresCursorAndKeepsLocalEdits()
    {
        RecordRepository records(m_db.connection());
        Record mine = sampleRecord();
        QVERIFY(records.submit(mine, uuid()));
        Record remoteCopyOfMine = mine;
        remoteCopyOfMine.content = "{\"note\":\"older\"}";
        Record theirs = sampleRecord();
        theirs.serverSeq = 7;
        PulledPage page;
        page.records = {remoteCopyOfMine, theirs};
        page.nextServerSeq = 7;
        page.epoch = "epoch-1";
        QVERIFY(PulledPageWriter(m_db.connection()).apply(page));
        QCOMPARE(records.find(mine.id)->content, mine.content);
        QCOMPARE(records.find(theirs.id)->syncState, SyncState::Synced);
        QCOMPARE(records.find(theirs.id)->serverSeq, 7);
        SyncMetaRepository meta(m_db.connection());
        QCOMPARE(meta.pullCursor(), 7);
        QCOMPARE(meta.serverEpoch(), QStringLiteral("epoch-1"));
    }

    void contentsNewestFirst()
    {
        {
            RecordRepository records(m_db.connection());
            for (qint64 updatedAtMs : {2000, 3000, 1000}) {
                Record r = sampleRecord();
                r.updatedAtMs = updatedAtMs;
                r.content = QByteArray("{\"n\":") + QByteArray::number(updatedAtMs) + '}';
                QVERIFY2(records.saveDraft(r), qPrintable(records.lastError()));
            }
            const auto contents = records.contentsNewestFirst();
            QVERIFY2(contents.has_value(), qPrintable(records.lastError()));
            QCOMPARE(*contents, QByteArrayList({"{\"n\":3000}", "{\"n\":2000}", "{\"n\":1000}"}));
        }
        // An unreadable store is an error, not a store without records.
        m_db.close();
        RecordRepository closed(m_db.connection());
        QVERIFY(!closed.contentsNewestFirst().has_value());
        QVERIFY(!closed.lastError().isEmpty());
    }

    void deviceIdIsStable()
    {
        SyncMetaRepository meta(m_db.connection());
        const QString id = meta.deviceId();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(SyncMetaRepository(m_db.connection()).deviceId(), id);
    }
};

QTEST_GUILESS_MAIN(TestRecordRepository)
#include "tst_recordrepository.moc"
