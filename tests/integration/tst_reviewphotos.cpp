// A supervisor's photos arrive by sync: through a real qingshui-server process, inspector
// stores that push records with their photos (their real upload), and the supervisor's real
// pull and PhotoFetcher. After the pull the review queue's photos come in the background,
// newest record first, byte for byte; inspector and kiosk stores fetch none. A photo the
// tablet has not uploaded yet is no failure and comes after a later pull. A record view's
// request stops the background download under way, which then resumes from its .part. The
// budget evicts decided records' photos first and never a pinned one. A photo whose bytes do
// not match its name is thrown away while the others arrive. A full disk keeps the partial
// and loses nothing (a driver process under RLIMIT_FSIZE). A store enrolled with a TLS server
// fetches from the server it was enrolled with, trusting only the certificate it learnt, and
// from the next one when it changes server while the app runs.
#include "deviceenrolment.h"
#include "domain/photoreferences.h"
#include "joinserver.h"
#include "media/photostore.h"
#include "photofetcher.h"
#include "serverprocess.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/photocacherepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "syncdevice.h"
#include "tcpproxy.h"
#include "testcertificate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/resource.h>

namespace {

constexpr auto kXichuanVillage = "411326105200"; // 淅川县
constexpr qint64 kMiB = 1024 * 1024;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i + 4 <= size; i += 4) {
        const quint32 v = QRandomGenerator::global()->generate();
        std::memcpy(bytes.data() + i, &v, 4);
    }
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every .jpg under a photo folder: what the device holds.
QStringList photosIn(const QString &root)
{
    QStringList out;
    QDirIterator it(root, {"*.jpg"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QFileInfo(it.next()).completeBaseName();
    out.sort();
    return out;
}

// The round that began with the n-th pull has settled: nothing under way, every photo of it
// arrived or failed, or it stopped on a failure every photo would meet.
bool settled(const PhotoFetcher &fetcher, int round)
{
    const PhotoFetchStatus &s = fetcher.status();
    return s.round >= round && !s.busy
        && (s.fetched + s.failed + s.notOnServer == s.wanted || s.stopped);
}

} // namespace

class TestReviewPhotos : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    // Each device in a folder of its own: its photo folder is beside its store.
    bool openDevice(SyncDevice *device, const QString &user)
    {
        QString error;
        const bool ok = device->open(m_dir.filePath(user + "-" + uuid() + "/store.db"),
                                     m_server->address(), user, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }

    PhotoFetcherOptions optionsFor(SyncDevice &device, const QString &address = {})
    {
        PhotoFetcherOptions options;
        options.databasePath = device.db.path();
        options.serverAddress = address.isEmpty() ? m_server->address() : address;
        options.photoDirectory = device.photoRoot();
        return options;
    }

    // A toilet inspection with these photos, saved at atMs on the tablet.
    QString submit(SyncDevice &tablet, const QStringList &photos, qint64 atMs)
    {
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = kXichuanVillage;
        r.createdAtMs = r.updatedAtMs = atMs;
        r.content
            = QJsonDocument(
                  QJsonObject {{"answers",
                                QJsonObject {{"A1", true},
                                             {"A2_photos", QJsonArray::fromStringList(photos)}}}})
                  .toJson(QJsonDocument::Compact);
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        return tablet.records().submit(r, uuid()) ? r.id : QString();
    }

    // The tablet takes a photo (its own folder) and names it by its bytes.
    QString takePhoto(SyncDevice &tablet, const QByteArray &bytes)
    {
        return tablet.putPhoto(bytes) ? shaOf(bytes) : QString();
    }

    QString serverBlobPath(const QString &sha) const
    {
        return m_dir.filePath("server.db.blobs/" + sha.left(2) + "/" + sha);
    }

    // Runs photofetchdriver on the store; under a file-size limit when limit > 0.
    int runDriver(const QString &storePath, qint64 limit, QString *out)
    {
        QProcess p;
        if (limit > 0) {
            p.setChildProcessModifier([limit] {
                std::signal(SIGXFSZ, SIG_IGN);
                const rlimit l {rlim_t(limit), rlim_t(limit)};
                setrlimit(RLIMIT_FSIZE, &l);
            });
        }
        p.start(QStringLiteral(QS_PHOTOFETCHDRIVER_PATH), {storePath, m_server->address()});
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase() { qRegisterMetaType<PhotoFetchFailure>(); }

    // A server of its own for each test: a supervisor pulls only that test's records.
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server.reset();
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir.path()));
        m_server = std::make_unique<ServerProcess>(m_dir.filePath("server.db"));
        QVERIFY(m_server->addUser("inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("inspector2", "inspector", "411326"));
        QVERIFY(m_server->addUser("supervisor", "supervisor", "411326"));
        QVERIFY(m_server->addUser("kiosk", "kiosk"));
        QVERIFY(m_server->start());
    }

    void theQueuesPhotosArriveAfterThePullNewestFirst()
    {
        SyncDevice tablet, supervisor, otherTablet, kiosk;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        QVERIFY(openDevice(&otherTablet, "inspector2"));
        kiosk.readOnly = true;
        QVERIFY(openDevice(&kiosk, "kiosk"));
        QList<QByteArray> bytes;
        QStringList photos;
        for (int i = 0; i < 3; ++i) {
            bytes << randomBytes(300 * 1024 + i);
            photos << takePhoto(tablet, bytes.last());
            QVERIFY(!submit(tablet, {photos.last()}, 1764500000000 + i * 60000).isEmpty());
        }
        QVERIFY(tablet.sync().ok);

        // The sync stores the records and ends: the photos are not part of it.
        const SyncResult pulled = supervisor.sync();
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QCOMPARE(supervisor.records().count(), 3);
        QCOMPARE(photosIn(supervisor.photoRoot()), QStringList());

        PhotoFetcher fetcher(optionsFor(supervisor));
        QSignalSpy arrived(&fetcher, &PhotoFetcher::photoArrived);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1), 60000);
        QCOMPARE(fetcher.wanted(), 3);
        QCOMPARE(fetcher.fetched(), 3);
        QCOMPARE(fetcher.failed(), 0);
        QCOMPARE(arrived.size(), 3);
        // Newest record first.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(arrived.at(i).at(0).toString(), photos.at(2 - i));
        const PhotoStore store(supervisor.photoRoot());
        for (int i = 0; i < 3; ++i)
            QVERIFY(fileBytes(store.pathFor(photos.at(i))) == bytes.at(i));
        PhotoCacheRepository cache(supervisor.db.connection());
        QCOMPARE(cache.all().size(), 3);
        QCOMPARE(cache.usedBytes(), bytes[0].size() + bytes[1].size() + bytes[2].size());
        QCOMPARE(fetcher.usedBytes(), cache.usedBytes());

        // A pull with nothing new: nothing more to fetch.
        QVERIFY(supervisor.sync().ok);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 2), 60000);
        QCOMPARE(fetcher.wanted(), 0);

        // Another inspector and a kiosk pull, and fetch nothing of the queue.
        QVERIFY(otherTablet.sync().ok);
        QVERIFY(kiosk.sync().ok);
        for (SyncDevice *device : {&otherTablet, &kiosk}) {
            PhotoFetcher other(optionsFor(*device));
            other.refill();
            QTRY_VERIFY_WITH_TIMEOUT(settled(other, 1), 60000);
            QCOMPARE(other.wanted(), 0);
            QCOMPARE(photosIn(device->photoRoot()), QStringList());
        }
    }

    void aPhotoNotUploadedYetIsNoFailureAndComesAfterALaterPull()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        const QByteArray bytes = randomBytes(200 * 1024);
        const QString photo = shaOf(bytes); // not in the tablet's folder yet
        QVERIFY(!submit(tablet, {photo}, 1764600000000).isEmpty());
        const SyncResult sent = tablet.sync();
        QCOMPARE(sent.pushed, 1); // the record went; its photo could not
        QCOMPARE(sent.photosFailed, 1);

        QVERIFY(supervisor.sync().ok);
        PhotoFetcher fetcher(optionsFor(supervisor));
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1), 60000);
        QCOMPARE(fetcher.wanted(), 1);
        QCOMPARE(fetcher.notOnServer(), 1);
        QCOMPARE(fetcher.failed(), 0); // not an error of the sync
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).value<PhotoFetchFailure>(), PhotoFetchFailure::NotOnServer);
        QCOMPARE(fetcher.failureOf(photo), PhotoFetchFailure::NotOnServer);

        // The tablet finds its photo and sends it; the supervisor's next pull brings it.
        QVERIFY(tablet.putPhoto(bytes));
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 2), 60000);
        QCOMPARE(fetcher.fetched(), 1);
        QVERIFY(fileBytes(PhotoStore(supervisor.photoRoot()).pathFor(photo)) == bytes);
        QCOMPARE(fetcher.failureOf(photo), PhotoFetchFailure::None);
    }

    void aRecordViewGoesFirstAndTheBackgroundResumesFromItsPart()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        const QByteArray bigBytes = randomBytes(12 * kMiB);
        const QByteArray smallBytes = randomBytes(256 * 1024);
        const QString small = takePhoto(tablet, smallBytes);
        const QString big = takePhoto(tablet, bigBytes);
        QVERIFY(!submit(tablet, {small}, 1764700000000).isEmpty());
        QVERIFY(!submit(tablet, {big}, 1764700060000).isEmpty()); // newer: fetched first
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);

        // A slow link (4 MB/s) between the supervisor's photo fetch and the server.
        TcpProxy proxy("127.0.0.1", quint16(m_server->address().section(':', 1).toUInt()));
        QVERIFY(proxy.start());
        proxy.throttleDown(4 * 1000 * 1000);
        PhotoFetcher fetcher(optionsFor(supervisor, proxy.address()));
        QStringList order;
        qint64 firstBigProgress = -1, bigProgressAfterSmall = -1;
        connect(&fetcher, &PhotoFetcher::photoArrived, this,
                [&](const QString &sha) { order << sha; });
        connect(&fetcher, &PhotoFetcher::photoProgress, this,
                [&](const QString &sha, qint64 done, qint64) {
                    if (sha != big)
                        return;
                    if (firstBigProgress < 0) {
                        firstBigProgress = done;
                        fetcher.fetchNow({small}); // the supervisor opens the older record
                    } else if (order.contains(small) && bigProgressAfterSmall < 0) {
                        bigProgressAfterSmall = done;
                    }
                });
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1) && order.size() == 2, 120000);
        QCOMPARE(order, (QStringList {small, big}));
        QVERIFY(firstBigProgress > 0 && firstBigProgress < bigBytes.size());
        // Resumed: a fresh start would report its first chunk (1 MB) again.
        QVERIFY2(bigProgressAfterSmall > 1 * kMiB,
                 qPrintable(QString::number(bigProgressAfterSmall)));
        const PhotoStore store(supervisor.photoRoot());
        QVERIFY(fileBytes(store.pathFor(big)) == bigBytes);
        QVERIFY(fileBytes(store.pathFor(small)) == smallBytes);
        QVERIFY(!QFile::exists(store.pathFor(big) + ".part"));
    }

    void theBudgetEvictsDecidedPhotosFirstAndNeverAPinnedOne()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        QStringList photos, records;
        for (int i = 0; i < 3; ++i) {
            photos << takePhoto(tablet, randomBytes(2 * kMiB));
            records << submit(tablet, {photos.last()}, 1764800000000 + i * 60000);
        }
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        PhotoCacheRepository cache(supervisor.db.connection());
        QVERIFY(cache.setBudgetBytes(5 * kMiB)); // two of the three fit
        const PhotoStore store(supervisor.photoRoot());
        auto here = [&](int i) { return store.contains(photos.at(i)); };

        PhotoFetcher fetcher(optionsFor(supervisor));
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1), 60000);
        // The newest two; the third would only push out another waiting record's photo.
        QVERIFY(here(2) && here(1) && !here(0));
        QCOMPARE(fetcher.failed(), 1);
        QCOMPARE(fetcher.status().lastFailure, PhotoFetchFailure::OverBudget);
        QCOMPARE(fetcher.budgetBytes(), 5 * kMiB);
        QVERIFY(!QFile::exists(store.pathFor(photos.at(0)) + ".part"));

        // The newest record is approved: its photo is the first to make room.
        ReviewEvent approval;
        approval.id = uuid();
        approval.recordId = records.at(2);
        approval.recordServerSeq = supervisor.records().find(records.at(2))->serverSeq;
        approval.decision = ReviewDecision::Approve;
        approval.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(ReviewRepository(supervisor.db.connection()).decide(approval));
        QVERIFY(supervisor.sync().ok);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 2), 60000);
        QCOMPARE(fetcher.fetched(), 1);
        QVERIFY(here(0) && here(1) && !here(2));
        QCOMPARE(cache.usedBytes(), 4 * kMiB);

        // A record view shows record 1 (pinned) and asks for the approved one again: the
        // waiting record 0's photo makes room, the pinned one stays.
        fetcher.pin("view", {photos.at(1)});
        QSignalSpy arrived(&fetcher, &PhotoFetcher::photoArrived);
        fetcher.fetchNow({photos.at(2)});
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 60000);
        QVERIFY(here(1) && here(2) && !here(0));

        // With both on screen, nothing can make room: the third is refused, nothing lost.
        fetcher.pin("view", {photos.at(1), photos.at(2)});
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.fetchNow({photos.at(0)});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QCOMPARE(failed.at(0).at(1).value<PhotoFetchFailure>(), PhotoFetchFailure::OverBudget);
        QVERIFY(here(1) && here(2) && !here(0));
        QVERIFY(!QFile::exists(store.pathFor(photos.at(0)) + ".part"));
        fetcher.unpin("view");
    }

    void aPhotoThatFailsItsChecksumIsThrownAwayWhileOthersArrive()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        const QByteArray goodBytes = randomBytes(300 * 1024);
        const QByteArray badBytes = randomBytes(300 * 1024);
        const QString good = takePhoto(tablet, goodBytes);
        const QString bad = takePhoto(tablet, badBytes);
        QVERIFY(!submit(tablet, {bad, good}, 1764900000000).isEmpty());
        QVERIFY(tablet.sync().ok);
        // The server's disk rots one blob: same size, other bytes.
        QFile blob(serverBlobPath(bad));
        QVERIFY(blob.open(QIODevice::ReadWrite));
        QVERIFY(blob.seek(1000));
        QVERIFY(blob.write(QByteArray(64, 'x')) == 64);
        blob.close();

        QVERIFY(supervisor.sync().ok);
        PhotoFetcher fetcher(optionsFor(supervisor));
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1), 60000);
        QCOMPARE(fetcher.fetched(), 1);
        QCOMPARE(fetcher.failed(), 1);
        QCOMPARE(fetcher.status().lastFailure, PhotoFetchFailure::ChecksumMismatch);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), bad);
        const PhotoStore store(supervisor.photoRoot());
        QVERIFY(fileBytes(store.pathFor(good)) == goodBytes);
        QVERIFY(!QFile::exists(store.pathFor(bad))); // not stored,
        QVERIFY(!QFile::exists(store.pathFor(bad) + ".part")); // nothing of it kept
        QCOMPARE(PhotoCacheRepository(supervisor.db.connection()).all().size(), 1);

        // Repaired on the server: the next pull's round brings it.
        QVERIFY(blob.open(QIODevice::WriteOnly));
        QVERIFY(blob.write(badBytes) == badBytes.size());
        blob.close();
        QVERIFY(supervisor.sync().ok);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 2), 60000);
        QCOMPARE(fetcher.fetched(), 1);
        QVERIFY(fileBytes(store.pathFor(bad)) == badBytes);
    }

    void anEnrolledStoreFetchesFromItsServerOverTls()
    {
        TestCertificate certificate;
        QString error;
        QVERIFY(QDir().mkpath(m_dir.filePath("tls")));
        QVERIFY2(certificate.make(m_dir.filePath("tls"), "server",
                                  QLatin1String(TestCertificate::kDefaultNames), &error),
                 qPrintable(error));
        ServerProcess tls(m_dir.filePath("tls.db"));
        QVERIFY(tls.addUser("inspector", "inspector", "411326"));
        QVERIFY(tls.addUser("supervisor", "supervisor", "411326"));
        QVERIFY(tls.start({"--tls-cert", certificate.certPath, "--tls-key", certificate.keyPath}));
        const QByteArray pem = fileBytes(certificate.certPath);
        QVERIFY(!pem.isEmpty());

        // Both stores are joined to the server as the app's advanced way does it (address and
        // CA file): the server, its trust and the token are in the store.
        Database tablet, supervisor;
        QVERIFY(tablet.open(m_dir.filePath("tls-tablet/store.db")));
        QVERIFY(supervisor.open(m_dir.filePath("tls-supervisor/store.db")));
        for (auto [db, user] : {std::pair {&tablet, "inspector"}, {&supervisor, "supervisor"}}) {
            const EnrolmentResult joined = connectDevice(db->connection(), tls.address(), pem, user,
                                                         ServerProcess::kPassword, "test");
            QVERIFY2(joined.ok(), qPrintable(joined.detail));
        }
        auto transportOf = [](Database &db) {
            const SyncMetaRepository meta(db.connection());
            return std::make_unique<SyncTransport>(
                meta.value(QLatin1String(SyncMetaRepository::kServerAddress)), 10000,
                meta.value(QLatin1String(SyncMetaRepository::kServerTrustPem)).toUtf8(),
                meta.value(QLatin1String(SyncMetaRepository::kServerTlsName)));
        };
        const auto tabletTransport = transportOf(tablet);
        const auto supervisorTransport = transportOf(supervisor);
        QVERIFY(tabletTransport->usesTls() && supervisorTransport->usesTls());

        const QByteArray bytes = randomBytes(300 * 1024);
        const QString photo = shaOf(bytes);
        const QString tabletPhoto
            = PhotoStore(PhotoStore::rootBeside(tablet.path())).pathFor(photo);
        QVERIFY(QDir().mkpath(QFileInfo(tabletPhoto).path()));
        QFile file(tabletPhoto);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
        file.close();
        Record r;
        r.id = uuid();
        r.templateId = "sanitation.toilet";
        r.category = "sanitation";
        r.villageCode = kXichuanVillage;
        r.createdAtMs = r.updatedAtMs = 1765100000000;
        r.content
            = QStringLiteral(R"({"answers":{"A1":true,"A2_photos":["%1"]}})").arg(photo).toUtf8();
        r.authorDeviceId = SyncMetaRepository(tablet.connection()).deviceId();
        QVERIFY(RecordRepository(tablet.connection()).submit(r, uuid()));
        QVERIFY(SyncSession(tablet.connection(), *tabletTransport).run().ok);
        QVERIFY(SyncSession(supervisor.connection(), *supervisorTransport).run().ok);

        // No address given: the fetch uses the one the store was enrolled with, and its trust.
        PhotoFetcherOptions options;
        options.databasePath = supervisor.path();
        options.photoDirectory = PhotoStore::rootBeside(supervisor.path());
        PhotoFetcher fetcher(options);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 1), 60000);
        QCOMPARE(fetcher.fetched(), 1);
        QVERIFY(fileBytes(PhotoStore(options.photoDirectory).pathFor(photo)) == bytes);

        // 更换服务器 while the app runs: the supervisor forgets the TLS server and joins
        // another one (plaintext loopback here). The same fetcher fetches the new server's
        // photos from the new server, with the new token; none goes to the old one.
        QVERIFY(EnrolmentRepository(supervisor.connection()).forgetServer());
        const JoinOutcome moved = joinWithAddress(supervisor.connection(), m_server->address(), {},
                                                  "supervisor", ServerProcess::kPassword, "test");
        QVERIFY2(moved.ok(), qPrintable(moved.result.detail));
        SyncDevice inspector;
        QVERIFY(openDevice(&inspector, "inspector"));
        const QByteArray newBytes = randomBytes(200 * 1024);
        const QString newPhoto = takePhoto(inspector, newBytes);
        QVERIFY(!submit(inspector, {newPhoto}, 1765200000000).isEmpty());
        QVERIFY(inspector.sync().ok);
        const auto movedTransport = transportOf(supervisor);
        QVERIFY(!movedTransport->usesTls());
        QVERIFY(SyncSession(supervisor.connection(), *movedTransport).run().ok);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(settled(fetcher, 2), 60000);
        QCOMPARE(fetcher.status().failed, 0);
        QVERIFY(fileBytes(PhotoStore(options.photoDirectory).pathFor(newPhoto)) == newBytes);
    }

    void aFullDiskKeepsThePartialAndLosesNothing()
    {
        SyncDevice tablet, supervisor;
        QVERIFY(openDevice(&tablet, "inspector"));
        QVERIFY(openDevice(&supervisor, "supervisor"));
        const QByteArray bytes = randomBytes(6 * kMiB);
        const QString photo = takePhoto(tablet, bytes);
        const QString withPhoto = submit(tablet, {photo}, 1765000000000);
        const QString other = submit(tablet, {}, 1764990000000);
        QVERIFY(tablet.sync().ok);
        QVERIFY(supervisor.sync().ok);
        // A decision waits in the supervisor's outbox while the disk fills.
        ReviewEvent approval;
        approval.id = uuid();
        approval.recordId = other;
        approval.recordServerSeq = supervisor.records().find(other)->serverSeq;
        approval.decision = ReviewDecision::Approve;
        approval.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(ReviewRepository(supervisor.db.connection()).decide(approval));
        const int records = supervisor.records().count();
        const QString storePath = supervisor.db.path();
        supervisor.db.close(); // the driver is the supervisor's app now

        // No file may grow past 4 MiB: the photo stops there.
        const QString part = PhotoStore(supervisor.photoRoot()).pathFor(photo) + ".part";
        QString out;
        QCOMPARE(runDriver(storePath, 4 * kMiB, &out), 1);
        QVERIFY2(out.contains("本机存储空间已满"), qPrintable(out));
        QVERIFY2(out.contains("failed " + photo), qPrintable(out));
        QCOMPARE(QFileInfo(part).size(), 4 * kMiB); // kept for resuming

        // The store opens; every record and the decision are there.
        QVERIFY(supervisor.db.open(storePath));
        QCOMPARE(supervisor.records().count(), records);
        QCOMPARE(OutboxRepository(supervisor.db.connection()).pendingCount(), 1);
        QVERIFY(!PhotoStore(supervisor.photoRoot()).contains(photo));
        QVERIFY(supervisor.records().find(withPhoto));
        supervisor.db.close();

        // With room again it resumes from the 4 MiB it kept.
        QCOMPARE(runDriver(storePath, 0, &out), 0);
        QVERIFY2(out.contains("fetched 1 failed 0"), qPrintable(out));
        const QRegularExpression first("first-progress " + photo + " (\\d+)");
        const auto m = first.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(1).toLongLong() > 4 * kMiB, qPrintable(out));
        QVERIFY(fileBytes(PhotoStore(supervisor.photoRoot()).pathFor(photo)) == bytes);
        QVERIFY(!QFile::exists(part));
    }
};

QTEST_GUILESS_MAIN(TestReviewPhotos)
#include "tst_reviewphotos.moc"
