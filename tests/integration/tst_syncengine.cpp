// The sync engine as the app runs it: its worker thread, its scheduler and a real
// qingshui-server process on loopback. Intervals are made small so that the scheduler's
// timers fire within a test; nothing here measures or asserts how long anything took.
#include "media/photostore.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncdevice.h"
#include "syncengine.h"
#include "syncreport.h"
#include "syncsession.h"
#include "testlogin.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

constexpr int kWait = 30000; // how long a wait may take before the test gives up

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A loopback port nothing listens on (yet).
QString freeAddress()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

// Queues `n` submitted records in the store at `path`; their content may name a photo.
// "" when done, else what went wrong.
QString queueRecords(const QString &path, int n, const QString &villageCode = "411326105200",
                     const QString &photo = {})
{
    Database db;
    if (!db.open(path))
        return db.error();
    RecordRepository records(db.connection());
    SyncMetaRepository meta(db.connection());
    const QString device = meta.deviceId();
    // A token from an earlier login, so that a sync goes as far as the network; tests with
    // a server log the store in for real (enrol).
    if (meta.value(SyncMetaRepository::kAuthToken).isEmpty())
        meta.setValue(SyncMetaRepository::kAuthToken, QStringLiteral("token-from-before"));
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = villageCode;
        r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
        r.content = photo.isEmpty()
            ? QByteArray(R"({"answers":{"note":"户厕抽查"}})")
            : QStringLiteral(R"({"answers":{"photos":["%1"]}})").arg(photo).toUtf8();
        r.authorDeviceId = device;
        if (!records.submit(r, uuid()))
            return records.lastError();
    }
    return {};
}

// The server gets the tablet's inspector, and the store at `path` logs in as it.
bool enrol(ServerProcess &server, const QString &path)
{
    QString error;
    return server.addUser(QStringLiteral("inspector"), QStringLiteral("inspector"),
                          QStringLiteral("411326"))
        && logInStore(path, server.address(), QStringLiteral("inspector"), &error);
}

int queuedIn(const QString &path)
{
    Database db;
    return db.open(path) ? OutboxRepository(db.connection()).pendingCount() : -1;
}

// Options for a test: no system network information (the probing path is the one that can
// be driven here), and timers that fire within a test.
SyncEngineOptions testOptions(const QString &dbPath, const QString &server)
{
    SyncEngineOptions o;
    o.databasePath = dbPath;
    o.serverAddress = server;
    o.useNetworkInformation = false;
    o.intervals.periodicMs = 0;
    o.intervals.probeMs = 0;
    o.backoff = {60000, 600000, 0.2}; // no retry fires within a test unless asked for
    return o;
}

struct Step {
    SyncEngine::Stage stage;
    int done;
    int total;
};

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private slots:
    void progressIsReportedBatchByBatch()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY(enrol(server, dir.filePath("device.db")));
        const QString store = dir.filePath("device.db");
        const int n = 2 * SyncSession::kPushBatch + 137; // three push batches
        QCOMPARE(queueRecords(store, n), QString());

        SyncEngine engine(testOptions(store, server.address()));
        QList<Step> steps;
        connect(&engine, &SyncEngine::progressChanged, this, [&] {
            steps << Step {engine.stage(), engine.recordsDone(), engine.recordsTotal()};
        });
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toInt(), n);

        // Pushing: the total queued at the start, and every acknowledged batch on the way.
        QList<int> pushed;
        QList<int> pulled;
        bool pulling = false;
        for (const Step &s : std::as_const(steps)) {
            if (s.stage == SyncEngine::Pushing && s.total > 0) {
                QVERIFY2(!pulling, "a push step after the pull began");
                QCOMPARE(s.total, n);
                pushed << s.done;
            } else if (s.stage == SyncEngine::Pulling) {
                pulling = true;
                QCOMPARE(s.total, 0); // a pull does not know how many follow
                pulled << s.done;
            }
        }
        const QList<int> batches = {0, SyncSession::kPushBatch, 2 * SyncSession::kPushBatch, n};
        QCOMPARE(pushed, batches);
        // The server sends the device's own records back: page after page, all of them.
        QVERIFY(pulled.size() >= n / SyncSession::kPullPage);
        QVERIFY(std::is_sorted(pulled.begin(), pulled.end()));
        QCOMPARE(pulled.last(), n);
        // Done: no progress shown, nothing pending.
        QCOMPARE(engine.stage(), SyncEngine::NotSyncing);
        QCOMPARE(engine.recordsTotal(), 0);
        QCOMPARE(engine.state(), SyncEngine::Idle);
        QCOMPARE(engine.pendingCount(), 0);
        QVERIFY(engine.lastSuccess().isValid());
        QVERIFY(engine.lastError().isEmpty());
    }

    void oneSyncAtATime()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY(enrol(server, dir.filePath("device.db")));
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 3000), QString());

        SyncEngine engine(testOptions(store, server.address()));
        QStringList events;
        connect(&engine, &SyncEngine::syncStarted, this, [&] { events << "start"; });
        connect(&engine, &SyncEngine::finished, this, [&] { events << "end"; });
        QSignalSpy finished(&engine, &SyncEngine::finished);
        // Three requests at once: one sync now, the other two make one more right after it.
        engine.syncNow();
        engine.syncNow();
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        if (finished.size() < 2)
            QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(engine.state(), SyncEngine::Idle);
        QCOMPARE(events, QStringList({"start", "end", "start", "end"}));
        QCOMPARE(finished.at(0).at(1).toInt(), 3000); // the first pushed everything
        QCOMPARE(finished.at(1).at(1).toInt(), 0); // the second found nothing left
        // No third sync is queued on the sync thread: a count asked for now runs there next
        // and still finds the record queued meanwhile (a sync would have pushed it first).
        QCOMPARE(queueRecords(store, 1), QString());
        QSignalSpy counted(&engine, &SyncEngine::pendingCountChanged);
        engine.refreshPending();
        QVERIFY(counted.wait(kWait));
        QCOMPARE(engine.pendingCount(), 1);
        QCOMPARE(finished.size(), 2);
        QCOMPARE(queuedIn(store), 1);
    }

    void noServerIsOfflineForGood()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 2), QString());
        SyncEngine engine(testOptions(store, QString()));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.requestSync();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.state(), SyncEngine::Offline);
        QCOMPARE(engine.lastErrorCode(), QString(SyncErrorCode::kNoServer));
        QCOMPARE(engine.pendingCount(), 2);
        // Nothing to retry: only a server could change it.
        QVERIFY(!engine.nextAttempt().isValid());
        QCOMPARE(engine.consecutiveFailures(), 0);
    }

    void aDeadAddressIsOfflineWithARetryScheduled()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 5), QString());
        SyncEngineOptions options = testOptions(store, freeAddress());
        options.intervals.probeMs = 60000;
        SyncEngine engine(options);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(engine.state(), SyncEngine::Offline);
        QCOMPARE(engine.lastErrorCode(), QString(SyncErrorCode::kUnreachable));
        QCOMPARE(engine.pendingCount(), 5);
        QCOMPARE(queuedIn(store), 5);
        // Backoff: one failure, the first wait (60 s ± 20 %) chosen, an attempt planned, and
        // with no network backend to ask, the server's address probed meanwhile.
        QCOMPARE(engine.consecutiveFailures(), 1);
        const int delay = engine.scheduler().retryDelayMs();
        QVERIFY2(delay >= 48000 && delay <= 72000, qPrintable(QString::number(delay)));
        QVERIFY(engine.nextAttempt().isValid());
        QVERIFY(engine.scheduler().isProbing());
        // A request after a submit waits for the retry; the user's "sync now" does not.
        engine.requestSync();
        QCOMPARE(engine.state(), SyncEngine::Offline);
        engine.syncNow();
        QCOMPARE(engine.state(), SyncEngine::Syncing);
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.consecutiveFailures(), 2);
        const int second = engine.scheduler().retryDelayMs();
        QVERIFY2(second >= 96000 && second <= 144000, qPrintable(QString::number(second)));
    }

    void theServerComingUpIsFoundByTheProbe()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 7), QString());
        const QString address = freeAddress();
        SyncEngineOptions options = testOptions(store, address);
        options.intervals.probeMs = 100; // the retry (60 s) cannot be what finds it
        SyncEngine engine(options);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.state(), SyncEngine::Offline);

        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start(address));
        QVERIFY(enrol(server, dir.filePath("device.db")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), kWait);
        QCOMPARE(engine.state(), SyncEngine::Idle);
        QCOMPARE(finished.last().at(1).toInt(), 7);
        QCOMPARE(engine.consecutiveFailures(), 0);
        QVERIFY(!engine.scheduler().isProbing());
        QCOMPARE(queuedIn(store), 0);
    }

    void anAddressWithNoServerBehindItStopsTheProbing()
    {
        // Takes connections and hangs up at once: the probe gets through, gRPC never does.
        QTcpServer hangUp;
        QVERIFY(hangUp.listen(QHostAddress::LocalHost, 0));
        connect(&hangUp, &QTcpServer::newConnection, this, [&hangUp] {
            while (QTcpSocket *s = hangUp.nextPendingConnection())
                s->abort();
        });
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 1), QString());
        SyncEngineOptions options
            = testOptions(store, QStringLiteral("127.0.0.1:%1").arg(hangUp.serverPort()));
        options.intervals.probeMs = 50;
        SyncEngine engine(options);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.state(), SyncEngine::Offline);
        QVERIFY(engine.scheduler().isProbing());
        // The probe gets through and tries: still nobody. Probing cannot tell, so it stops and
        // the backoff (60 s here) decides; no sync every 50 ms.
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(engine.state(), SyncEngine::Offline);
        QCOMPARE(engine.consecutiveFailures(), 2);
        QVERIFY(!engine.scheduler().isProbing());
        QVERIFY(engine.nextAttempt().isValid());
    }

    void theServerComingUpIsFoundByTheRetry()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 3), QString());
        const QString address = freeAddress();
        SyncEngineOptions options = testOptions(store, address);
        options.backoff = {200, 800, 0.2}; // no probes: only the backoff brings it back
        SyncEngine engine(options);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.state(), SyncEngine::Offline);
        QVERIFY(!engine.scheduler().isProbing());

        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start(address));
        QVERIFY(enrol(server, dir.filePath("device.db")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), kWait);
        QCOMPARE(engine.state(), SyncEngine::Idle);
        QCOMPARE(engine.consecutiveFailures(), 0);
        QCOMPARE(engine.scheduler().retryDelayMs(), 0);
        QCOMPARE(queuedIn(store), 0);
    }

    void aServerThatRefusesIsAnErrorNotOffline()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY(enrol(server, dir.filePath("device.db")));
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 1, "4113"),
                 QString()); // the server wants 12-digit village codes
        SyncEngine engine(testOptions(store, server.address()));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.state(), SyncEngine::Error);
        // The server's refusal, kept as its code for the app to word (and the gRPC status in
        // the English detail).
        QCOMPARE(engine.lastErrorCode(), QStringLiteral("request_invalid"));
        QCOMPARE(engine.lastErrorArgs(), QStringList {"ops[0].upsert_record.village_code"});
        QVERIFY2(engine.lastError().contains("gRPC 3"), qPrintable(engine.lastError()));
        QCOMPARE(engine.consecutiveFailures(), 1);
        QVERIFY(engine.nextAttempt().isValid());
        QVERIFY(!engine.scheduler().isProbing()); // the server answered: nothing to probe
        QCOMPARE(engine.pendingCount(), 1);
    }

    void periodicSyncFires()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY(enrol(server, dir.filePath("device.db")));
        const QString store = dir.filePath("device.db");
        QCOMPARE(queueRecords(store, 1), QString());
        SyncEngineOptions options = testOptions(store, server.address());
        options.intervals.periodicMs = 100;
        SyncEngine engine(options);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.requestSync();
        QVERIFY(finished.wait(kWait));
        QVERIFY(engine.nextAttempt().isValid());
        // Nobody asks again: the schedule does, twice.
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, kWait);
        for (const QList<QVariant> &f : std::as_const(finished))
            QCOMPARE(f.at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(1).toInt(), 1);
        QCOMPARE(finished.at(2).at(1).toInt(), 0);
    }

    // Templates a sync brings are announced, so that the running app lists them (no restart);
    // a sync that brings none says nothing.
    void newTemplatesAreAnnounced()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        const QString store = dir.filePath("device.db");
        QVERIFY(enrol(server, store));
        SyncEngine engine(testOptions(store, server.address()));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        QSignalSpy catalog(&engine, &SyncEngine::catalogChanged);
        engine.requestSync(); // a fresh store: the server's eleven templates arrive
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(catalog.size(), 1);
        {
            Database db;
            QVERIFY(db.open(store));
            QCOMPARE(TemplateRepository(db.connection()).latestAll().size(), 11);
        }
        engine.requestSync();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(catalog.size(), 1);
    }

    void pendingPhotoBytesAreThePhotosNotYetOnTheServer()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("device.db");
        const QString photos = dir.filePath("photos");
        // A photo file named by its SHA-256, as the camera stores it.
        auto writePhoto = [&](const QByteArray &bytes, const QString &name = {}) {
            const QString sha = name.isEmpty() ? shaOf(bytes) : name;
            const QString path = PhotoStore(photos).pathFor(sha);
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return QString();
            return sha;
        };
        const QString sha = writePhoto(QByteArray(12345, 'j'));
        QVERIFY(!sha.isEmpty());
        // Two records name the same photo, one names a photo the device does not have.
        QCOMPARE(queueRecords(store, 2, "411326105200", sha), QString());
        QCOMPARE(queueRecords(store, 1, "411326105200", QStringLiteral("0e").repeated(32)),
                 QString());

        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.start());
        QVERIFY(enrol(server, dir.filePath("device.db")));
        SyncEngineOptions options = testOptions(store, server.address());
        options.photoDirectory = photos;
        SyncEngine engine(options);
        QSignalSpy counted(&engine, &SyncEngine::pendingCountChanged);
        // At start only the records are counted.
        engine.refreshPendingRecords();
        QVERIFY(counted.wait(kWait));
        QCOMPARE(engine.pendingCount(), 3);
        QCOMPARE(engine.pendingPhotoBytes(), qint64(0));
        engine.refreshPending();
        QVERIFY(counted.wait(kWait));
        QCOMPARE(engine.pendingCount(), 3);
        QCOMPARE(engine.pendingPhotoBytes(), qint64(12345));
        // A records-only count keeps the photo bytes counted before.
        QCOMPARE(queueRecords(store, 1), QString());
        engine.refreshPendingRecords();
        QVERIFY(counted.wait(kWait));
        QCOMPARE(engine.pendingCount(), 4);
        QCOMPARE(engine.pendingPhotoBytes(), qint64(12345));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.pendingCount(), 0);
        QCOMPARE(engine.pendingPhotoBytes(), qint64(0));

        // A photo the server refuses (its file no longer matches its name) still waits after
        // its record went: the chip must not read "all sent" while it is on the tablet only.
        const QString corrupt = QStringLiteral("5f").repeated(32);
        QCOMPARE(writePhoto(QByteArray(777, 'k'), corrupt), corrupt);
        QCOMPARE(queueRecords(store, 1, "411326105200", corrupt), QString());
        engine.syncNow();
        QVERIFY(finished.wait(kWait));
        QCOMPARE(engine.pendingCount(), 0);
        QCOMPARE(engine.pendingPhotoBytes(), qint64(777));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
