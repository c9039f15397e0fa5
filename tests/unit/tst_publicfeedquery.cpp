// The kiosk feed's read of its store: every public copy, newest first, with its village's name;
// an unreadable store is an error, not an empty feed.
#include "storage/database.h"
#include "storage/publicfeedquery.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A public copy as a kiosk's pull stores it.
Record publicCopy(const QString &id, const QString &villageCode, qint64 updatedAtMs)
{
    Record r;
    r.id = id;
    r.templateId = QStringLiteral("sanitation.pond");
    r.category = QStringLiteral("sanitation");
    r.villageCode = villageCode;
    r.status = RecordStatus::Approved;
    r.syncState = SyncState::Synced;
    r.createdAtMs = updatedAtMs - 1000;
    r.updatedAtMs = updatedAtMs;
    r.content = QByteArray(R"({"answers":{"C2":true}})") + id.toUtf8();
    r.authorDeviceId = QStringLiteral("server");
    return r;
}
} // namespace

class TestPublicFeedQuery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    qint64 m_seq = 0;

    // Stores public copies as a kiosk's pull does; the error, or empty.
    QString store(const QList<Record> &records)
    {
        PulledPage page;
        page.records = records;
        for (Record &r : page.records)
            r.serverSeq = ++m_seq;
        page.nextServerSeq = m_seq;
        PulledPageWriter pages(m_db.connection());
        return pages.apply(page) ? QString() : pages.lastError();
    }

private slots:
    void init()
    {
        QVERIFY2(m_db.open(m_dir.filePath(uuid() + QStringLiteral(".db"))),
                 qPrintable(m_db.error()));
        ReferenceDataRepository reference(m_db.connection());
        QVERIFY2(reference.loadIfEmpty(), qPrintable(reference.lastError()));
    }

    void cleanup() { m_db.close(); }

    void anEmptyStoreHasNoRows()
    {
        PublicFeedQuery query(m_db.connection());
        const auto rows = query.newestFirst();
        QVERIFY2(rows.has_value(), qPrintable(query.lastError()));
        QVERIFY(rows->isEmpty());
    }

    void newestFirstThenById()
    {
        ReferenceDataRepository reference(m_db.connection());
        const QString xichuan = reference.firstVillageOf(QStringLiteral("411326"));
        const QString wudangshan = reference.firstVillageOf(QStringLiteral("420381450"));
        QVERIFY(!xichuan.isEmpty() && !wudangshan.isEmpty());
        QCOMPARE(store({publicCopy(QStringLiteral("c-old"), xichuan, 1000),
                        publicCopy(QStringLiteral("b-new"), wudangshan, 3000),
                        publicCopy(QStringLiteral("d-middle"), xichuan, 2000),
                        publicCopy(QStringLiteral("a-new"), xichuan, 3000)}),
                 QString());

        PublicFeedQuery query(m_db.connection());
        const auto rows = query.newestFirst();
        QVERIFY2(rows.has_value(), qPrintable(query.lastError()));
        QStringList ids;
        for (const PublicFeedRow &row : *rows)
            ids << row.recordId;
        QCOMPARE(ids, QStringList({"a-new", "b-new", "d-middle", "c-old"}));

        const PublicFeedRow &first = rows->at(0);
        QCOMPARE(first.templateId, QStringLiteral("sanitation.pond"));
        QCOMPARE(first.category, QStringLiteral("sanitation"));
        QCOMPARE(first.unitCode, QStringLiteral("411326"));
        QCOMPARE(first.updatedAtMs, qint64(3000));
        QCOMPARE(first.content, QByteArray(R"({"answers":{"C2":true}})") + "a-new");
        QCOMPARE(first.villageName, reference.village(xichuan)->name);
        // 武当山特区 is its own unit, as record.unit_code has it.
        QCOMPARE(rows->at(1).unitCode, QStringLiteral("420381450"));
        QCOMPARE(rows->at(1).villageName, reference.village(wudangshan)->name);
    }

    void aVillageMissingFromTheReferenceDataHasNoName()
    {
        QCOMPARE(store({publicCopy(QStringLiteral("unknown"), QStringLiteral("411326999999"), 1)}),
                 QString());
        const auto rows = PublicFeedQuery(m_db.connection()).newestFirst();
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().unitCode, QStringLiteral("411326"));
        QVERIFY(rows->first().villageName.isEmpty());
    }

    void aClosedStoreIsAnError()
    {
        QCOMPARE(store({publicCopy(QStringLiteral("a"), QStringLiteral("411326999999"), 1)}),
                 QString());
        m_db.close();
        PublicFeedQuery query(m_db.connection());
        QVERIFY(!query.newestFirst().has_value());
        QCOMPARE(query.lastError(),
                 QStringLiteral("cannot read the public records: the store is not open"));
    }
};

QTEST_GUILESS_MAIN(TestPublicFeedQuery)
#include "tst_publicfeedquery.moc"
