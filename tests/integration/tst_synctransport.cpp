// The transport's pull against a real qingshui-server: pages read ahead are handed out only
// to the request they were read for, and pages larger than gRPC's default 4 MB arrive.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include "qingshui/v1/sync.pb.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr int kRecords = 6000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qingshui::v1::PullRequest pullFrom(qint64 cursor, int pageSize)
{
    qingshui::v1::PullRequest request;
    request.set_since_server_seq(cursor);
    request.set_page_size(pageSize);
    return request;
}

} // namespace

class TestSyncTransport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QByteArray m_token;

private slots:
    // A server holding kRecords records of about 1.1 KB each, pushed by a real device store.
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->start());
        Database device;
        QVERIFY(device.open(m_dir.filePath("device.db")));
        RecordRepository records(device.connection());
        const QString deviceId = SyncMetaRepository(device.connection()).deviceId();
        for (int i = 0; i < kRecords; ++i) {
            Record r;
            r.id = uuid();
            r.templateId = "sanitation.toilet";
            r.category = "sanitation";
            r.villageCode = "411326105200";
            r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
            r.content = "{\"note\":\"" + QByteArray(1100, 'a' + i % 26) + "\"}";
            r.authorDeviceId = deviceId;
            QVERIFY2(records.submit(r, uuid()), qPrintable(records.lastError()));
        }
        SyncTransport transport(m_server->address());
        QVERIFY(m_server->addUser("inspector", "inspector", "411326"));
        QString error;
        QVERIFY2(logInDevice(device.connection(), transport, "inspector", ServerProcess::kPassword,
                             "t", &error),
                 qPrintable(error));
        m_token = transport.token();
        SyncResult pushed;
        QVERIFY2(SyncSession(device.connection(), transport).pushOutbox(&pushed),
                 qPrintable(pushed.error));
        QCOMPARE(pushed.pushed, kRecords);
    }

    void pagesFollowEachOtherWhenReadAhead()
    {
        SyncTransport transport(m_server->address());
        transport.setToken(m_token);
        qingshui::v1::PullResponse first;
        QVERIFY2(transport.pull(pullFrom(0, 1000), &first), qPrintable(transport.lastError()));
        QCOMPARE(first.changes_size(), 1000);
        QVERIFY(first.has_more());
        // The next page was read ahead; asked for, it continues exactly where the first ended.
        qint64 cursor = first.next_server_seq();
        int seen = first.changes_size();
        for (;;) {
            qingshui::v1::PullResponse page;
            QVERIFY2(transport.pull(pullFrom(cursor, 1000), &page),
                     qPrintable(transport.lastError()));
            for (const auto &change : page.changes()) {
                QVERIFY(change.server_seq() > cursor);
                cursor = change.server_seq();
            }
            QCOMPARE(page.next_server_seq(), cursor);
            seen += page.changes_size();
            if (!page.has_more())
                break;
        }
        QCOMPARE(seen, kRecords);
    }

    void aDifferentRequestIsAskedAfresh()
    {
        SyncTransport transport(m_server->address());
        transport.setToken(m_token);
        qingshui::v1::PullResponse first;
        QVERIFY(transport.pull(pullFrom(0, 1000), &first));
        // Not the request read ahead (the page from first.next_server_seq()): the same
        // first page again, then a smaller page from the cursor.
        qingshui::v1::PullResponse again;
        QVERIFY(transport.pull(pullFrom(0, 1000), &again));
        QCOMPARE(again.changes_size(), 1000);
        QCOMPARE(again.changes(0).server_seq(), first.changes(0).server_seq());
        QCOMPARE(again.next_server_seq(), first.next_server_seq());
        qingshui::v1::PullResponse smaller;
        QVERIFY(transport.pull(pullFrom(first.next_server_seq(), 10), &smaller));
        QCOMPARE(smaller.changes_size(), 10);
        QVERIFY(smaller.changes(0).server_seq() > first.next_server_seq());
    }

    void pagesBeyondFourMegabytesArrive()
    {
        SyncTransport transport(m_server->address());
        transport.setToken(m_token);
        qingshui::v1::PullResponse page;
        QVERIFY2(transport.pull(pullFrom(0, 5000), &page), qPrintable(transport.lastError()));
        QCOMPARE(page.changes_size(), 5000);
        QVERIFY(page.ByteSizeLong() > 4u * 1024 * 1024);
        qingshui::v1::PullResponse rest;
        QVERIFY(transport.pull(pullFrom(page.next_server_seq(), 5000), &rest));
        QCOMPARE(rest.changes_size(), kRecords - 5000);
        QVERIFY(!rest.has_more());
    }

    void aTransportGoneWithAPageInFlightIsFine()
    {
        // Destroyed right after a page that has more: the read-ahead is waited for, not left
        // running against a channel that is gone.
        for (int i = 0; i < 5; ++i) {
            SyncTransport transport(m_server->address());
            transport.setToken(m_token);
            qingshui::v1::PullResponse first;
            QVERIFY(transport.pull(pullFrom(0, 100), &first));
            QVERIFY(first.has_more());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncTransport)
#include "tst_synctransport.moc"
