// Basemaps reach the tablet by sync (issue 17), through a real qingshui-server: the package
// its scope is offered comes whole and checked into <data dir>/basemaps; a download cut
// halfway (the link reset by a proxy) resumes from its .part; a package larger than the free
// disk is declined before a byte is written, and a disk that fills up mid-way (a driver
// process under RLIMIT_FSIZE) keeps what it had — each with its code for the settings page,
// the older basemap still current; bytes that do not match the name are thrown away; a
// metered network waits unless allowed; a newer package replaces the older one in one
// transaction and the older file goes after.
#include "basemapfetcher.h"
#include "basemapserver.h"
#include "serverprocess.h"
#include "storage/basemaprepository.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "tcpproxy.h"
#include "testlogin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

namespace {

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

// A package of about `bytes` (a description no tool would write, but as large as a county's
// basemap needs to be for a download to be cut in the middle).
bool writePackage(const QString &path, qint64 bytes, const QString &name)
{
    TestMbtiles tiles;
    tiles.metadata[0].second = name;
    QByteArray filler(bytes / 2, Qt::Uninitialized);
    QRandomGenerator generator(quint32(bytes) ^ qHash(name));
    generator.fillRange(reinterpret_cast<quint32 *>(filler.data()), filler.size() / 4);
    tiles.metadata.append({QStringLiteral("description"), QString::fromLatin1(filler.toHex())});
    return BasemapServer::writeFile(path, tiles);
}

struct Site {
    QTemporaryDir dir;
    QString dbPath;
    std::unique_ptr<ServerProcess> server;
    Database db;
    QString store;
    QString basemaps;

    bool create()
    {
        dbPath = dir.filePath("server.db");
        store = dir.filePath("tablet.db");
        basemaps = dir.filePath("basemaps");
        server = std::make_unique<ServerProcess>(dbPath);
        QString error;
        const bool ok = server->addUser("town-ins", "inspector", "411326100") && server->start()
            && logInStore(store, server->address(), "town-ins", &error) && db.open(store);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return ok;
    }
    // Registers a package of about `bytes` for the county; its SHA-256.
    QString add(qint64 bytes, const QString &name)
    {
        const QString file = dir.filePath(name + ".mbtiles");
        if (!writePackage(file, bytes, name)
            || !BasemapServer::add(*server, dbPath, file, "411326", name)) {
            qWarning("%s", qPrintable(server->adminOutput()));
            return {};
        }
        return BasemapServer::addedSha256(server->adminOutput());
    }
    bool sync()
    {
        SyncTransport transport(server->address());
        const SyncResult result = SyncSession(db.connection(), transport).run();
        if (!result.ok)
            qWarning("%s", qPrintable(result.error));
        return result.ok;
    }
    BasemapFetcher::Outcome fetch(BasemapFetcher::Options options = {}, const QString &address = {})
    {
        options.directory = basemaps;
        if (options.marginBytes == BasemapFetcher::kDefaultMarginBytes)
            options.marginBytes = 0;
        SyncTransport transport(address.isEmpty() ? server->address() : address);
        const QString token = SyncMetaRepository(db.connection())
                                  .value(QLatin1String(SyncMetaRepository::kAuthToken));
        BasemapFetcher fetcher(db.connection(), transport.channel(), token.toUtf8(), options);
        return fetcher.run();
    }
    BasemapRepository repository() { return BasemapRepository(db.connection()); }
    QString fileOf(const QString &sha) const { return BasemapFetcher::pathFor(basemaps, sha); }
    QString blobOf(const QString &sha) const
    {
        return dbPath + ".blobs/" + sha.left(2) + "/" + sha;
    }
};

} // namespace

class TestBasemapSync : public QObject {
    Q_OBJECT

private slots:
    void thePackageOfItsScopeArrivesWholeAndBecomesCurrent()
    {
        Site site;
        QVERIFY(site.create());
        QVERIFY(site.sync());
        QVERIFY(site.repository().all().isEmpty()); // nothing offered yet
        const QString sha = site.add(200 * 1024, "淅川县");
        QVERIFY(!sha.isEmpty());
        QVERIFY(site.sync());
        QCOMPARE(site.repository().toFetch().size(), 1);
        QVERIFY(!site.repository().current());

        const BasemapFetcher::Outcome outcome = site.fetch();
        QCOMPARE(outcome.installed, 1);
        QCOMPARE(outcome.failed, 0);
        QCOMPARE(sha256Of(site.fileOf(sha)), sha);
        QVERIFY(!QFile::exists(site.fileOf(sha) + ".part"));
        const std::optional<StoredBasemap> current = site.repository().current();
        QVERIFY(current);
        QCOMPARE(current->sha256, sha);
        QCOMPARE(current->name, QString("淅川县"));
        QCOMPARE(current->datum, QString("WGS-84"));
        QVERIFY(site.repository().toFetch().isEmpty());
        // Nothing more to do next time.
        QVERIFY(site.sync());
        QCOMPARE(site.fetch().installed, 0);
    }

    void aDownloadCutHalfwayResumesFromWhatArrived()
    {
        Site site;
        QVERIFY(site.create());
        const QString sha = site.add(6 * 1024 * 1024, "淅川县");
        QVERIFY(site.sync());
        const qint64 size = site.repository().toFetch().value(0).sizeBytes;
        QVERIFY(size > 5 * 1024 * 1024);

        TcpProxy proxy("127.0.0.1", quint16(site.server->address().section(':', 1).toUInt()));
        // A mobile link's pace, so that the second half is still on its way when it drops
        // (on loopback gRPC's windows would hold it all already).
        proxy.throttleDown(4 * 1000 * 1000);
        QVERIFY(proxy.start());
        BasemapFetcher::Options options;
        // Half-way the link drops: both sockets reset.
        bool dropped = false;
        options.progress = [&](const QString &, qint64 done, qint64 total) {
            if (!dropped && done >= total / 2) {
                dropped = true;
                proxy.cutNow();
            }
        };
        BasemapFetcher::Outcome outcome = site.fetch(options, proxy.address());
        QCOMPARE(outcome.installed, 0);
        QCOMPARE(outcome.failed, 1);
        const StoredBasemap cut = site.repository().toFetch().value(0);
        QVERIFY2(cut.failure == BasemapFetcher::kUnreachable
                     || cut.failure == QLatin1String("download_cut"),
                 qPrintable(cut.failure));
        const qint64 kept = QFileInfo(site.fileOf(sha) + ".part").size();
        QVERIFY2(kept >= size / 2 && kept < size, qPrintable(QString::number(kept)));
        QVERIFY(!site.repository().current());

        // The next sync's fetch asks only for the rest.
        qint64 firstDone = -1;
        options.progress = [&](const QString &, qint64 done, qint64) {
            if (firstDone < 0)
                firstDone = done;
        };
        outcome = site.fetch(options, proxy.address());
        QCOMPARE(outcome.installed, 1);
        QVERIFY2(firstDone >= kept, qPrintable(QString::number(firstDone)));
        QCOMPARE(sha256Of(site.fileOf(sha)), sha);
        QCOMPARE(site.repository().current()->sha256, sha);
    }

    // A package superseded on the server before its download ended: its part only takes room.
    void thePartOfAPackageSupersededBeforeItCameIsDeleted()
    {
        Site site;
        QVERIFY(site.create());
        const QString first = site.add(3 * 1024 * 1024, "2025");
        QVERIFY(site.sync());
        TcpProxy proxy("127.0.0.1", quint16(site.server->address().section(':', 1).toUInt()));
        proxy.throttleDown(4 * 1000 * 1000);
        QVERIFY(proxy.start());
        BasemapFetcher::Options options;
        bool dropped = false;
        options.progress = [&](const QString &, qint64 done, qint64 total) {
            if (!dropped && done >= total / 3) {
                dropped = true;
                proxy.cutNow();
            }
        };
        QCOMPARE(site.fetch(options, proxy.address()).failed, 1);
        QVERIFY(QFile::exists(site.fileOf(first) + ".part"));

        const QString second = site.add(100 * 1024, "2026");
        QVERIFY(site.sync());
        QCOMPARE(site.repository().all().size(), 1); // the first is forgotten
        QCOMPARE(site.fetch().installed, 1);
        QVERIFY(!QFile::exists(site.fileOf(first) + ".part"));
        QCOMPARE(site.repository().current()->sha256, second);
        QCOMPARE(QDir(site.basemaps).entryList(QDir::Files), QStringList {second + ".mbtiles"});
    }

    void aPackageLargerThanTheFreeDiskIsDeclinedAndTheOlderStays()
    {
        Site site;
        QVERIFY(site.create());
        const QString older = site.add(100 * 1024, "2025");
        QVERIFY(site.sync());
        QCOMPARE(site.fetch().installed, 1);
        const QString newer = site.add(2 * 1024 * 1024, "2026");
        QVERIFY(site.sync());

        BasemapFetcher::Options options;
        options.marginBytes = 1024 * 1024;
        options.freeBytes = [](const QString &) { return qint64(1536 * 1024); };
        const BasemapFetcher::Outcome outcome = site.fetch(options);
        QCOMPARE(outcome.installed, 0);
        QCOMPARE(outcome.failed, 1);
        const StoredBasemap declined = site.repository().toFetch().value(0);
        QCOMPARE(declined.sha256, newer);
        QCOMPARE(declined.failure, QString(BasemapFetcher::kNoRoom));
        QVERIFY(declined.failureArgs.value(0).toLongLong() > 2 * 1024 * 1024); // needed
        QCOMPARE(declined.failureArgs.value(1), QString::number(1536 * 1024)); // free
        QVERIFY(!QFile::exists(site.fileOf(newer) + ".part")); // not a byte written
        QCOMPARE(site.repository().current()->sha256, older);
        QCOMPARE(sha256Of(site.fileOf(older)), older);
    }

    // The disk fills up under the download: a driver process held to a file-size limit.
    void aDiskThatFillsUpKeepsWhatItHadAndResumesOnceThereIsRoom()
    {
        Site site;
        QVERIFY(site.create());
        const QString older = site.add(100 * 1024, "2025");
        QVERIFY(site.sync());
        QCOMPARE(site.fetch().installed, 1);
        const QString newer = site.add(3 * 1024 * 1024, "2026");
        QVERIFY(site.sync());
        site.db.close();

        auto runDriver = [&](qint64 limit, QString *out) {
            QProcess p;
            if (limit > 0) {
                p.setChildProcessModifier([limit] {
                    std::signal(SIGXFSZ, SIG_IGN);
                    const rlimit l {rlim_t(limit), rlim_t(limit)};
                    setrlimit(RLIMIT_FSIZE, &l);
                });
            }
            p.start(QStringLiteral(QS_BASEMAPFETCHDRIVER_PATH),
                    {site.store, site.server->address(), site.basemaps});
            if (!p.waitForFinished(120000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QString out;
        QCOMPARE(runDriver(1024 * 1024, &out), 1);
        QVERIFY2(out.contains("failed " + newer + " basemap_disk_full"), qPrintable(out));
        QVERIFY2(out.contains("installed 0 failed 1"), qPrintable(out));
        const qint64 kept = QFileInfo(site.fileOf(newer) + ".part").size();
        QVERIFY2(kept > 0 && kept <= 1024 * 1024, qPrintable(QString::number(kept)));

        QVERIFY(site.db.open(site.store));
        QCOMPARE(site.repository().current()->sha256, older); // the map keeps its basemap
        QCOMPARE(sha256Of(site.fileOf(older)), older);
        site.db.close();

        QCOMPARE(runDriver(0, &out), 0);
        QVERIFY2(out.contains("installed 1 failed 0"), qPrintable(out));
        QVERIFY(site.db.open(site.store));
        QCOMPARE(site.repository().current()->sha256, newer);
        QCOMPARE(sha256Of(site.fileOf(newer)), newer);
        QVERIFY(!QFile::exists(site.fileOf(older))); // replaced
    }

    void bytesThatDoNotMatchTheNameAreThrownAway()
    {
        Site site;
        QVERIFY(site.create());
        const QString sha = site.add(300 * 1024, "淅川县");
        QVERIFY(site.sync());
        // The server's copy damaged on its disk: the same size, other bytes.
        QFile blob(site.blobOf(sha));
        QVERIFY(blob.open(QIODevice::ReadWrite));
        QVERIFY(blob.seek(blob.size() / 2));
        QVERIFY(blob.write("damaged") == 7);
        blob.close();

        const BasemapFetcher::Outcome outcome = site.fetch();
        QCOMPARE(outcome.failed, 1);
        const StoredBasemap failed = site.repository().all().value(0);
        QCOMPARE(failed.failure, QString(BasemapFetcher::kChecksum));
        QVERIFY(!QFile::exists(site.fileOf(sha)));
        QVERIFY(!QFile::exists(site.fileOf(sha) + ".part"));
        QVERIFY(!site.repository().current());
    }

    // Verified bytes the map cannot open (a package made for a newer app): not installed, not
    // fetched again, and the basemap the map had stays.
    void aPackageTheMapCannotOpenIsNotInstalled()
    {
        Site site;
        QVERIFY(site.create());
        const QString older = site.add(100 * 1024, "2025");
        QVERIFY(site.sync());
        QCOMPARE(site.fetch().installed, 1);
        const QString newer = site.add(120 * 1024, "2026");
        QVERIFY(site.sync());
        BasemapFetcher::Options options;
        int opened = 0;
        options.validate = [&](const QString &path) {
            ++opened;
            return path.contains(newer) ? QStringLiteral("底图的瓦片格式无法显示") : QString();
        };
        BasemapFetcher::Outcome outcome = site.fetch(options);
        QCOMPARE(outcome.failed, 1);
        QCOMPARE(opened, 1);
        const StoredBasemap refused = site.repository().toFetch().value(0);
        QCOMPARE(refused.sha256, newer);
        QCOMPARE(refused.failure, QString(BasemapFetcher::kInvalid));
        QCOMPARE(refused.failureArgs, QStringList {"底图的瓦片格式无法显示"});
        QVERIFY(!QFile::exists(site.fileOf(newer)));
        QCOMPARE(site.repository().current()->sha256, older);
        QVERIFY(QFile::exists(site.fileOf(older)));
        outcome = site.fetch(options); // not downloaded again
        QCOMPARE(outcome.failed, 0);
        QCOMPARE(opened, 1);
    }

    void aMeteredNetworkWaitsUnlessTheUserAllowsIt()
    {
        Site site;
        QVERIFY(site.create());
        const QString sha = site.add(100 * 1024, "淅川县");
        QVERIFY(site.sync());
        BasemapFetcher::Options options;
        options.metered = true;
        BasemapFetcher::Outcome outcome = site.fetch(options);
        QCOMPARE(outcome.installed, 0);
        QCOMPARE(outcome.waitingForUnmetered, 1);
        QCOMPARE(site.repository().toFetch().value(0).failure,
                 QString(BasemapFetcher::kWaitingUnmetered));
        QVERIFY(!QFile::exists(site.fileOf(sha) + ".part"));

        QVERIFY(site.repository().setAllowMetered(true));
        QVERIFY(site.repository().allowMetered());
        options.allowMetered = true;
        outcome = site.fetch(options);
        QCOMPARE(outcome.installed, 1);
        QCOMPARE(site.repository().current()->sha256, sha);
    }

    void aNewerPackageReplacesTheOlderAtomically()
    {
        Site site;
        QVERIFY(site.create());
        const QString older = site.add(100 * 1024, "2025");
        QVERIFY(site.sync());
        QCOMPARE(site.fetch().installed, 1);
        const QString newer = site.add(150 * 1024, "2026");
        QVERIFY(site.sync());
        // Offered, not yet here: the older stays current and on disk meanwhile.
        QCOMPARE(site.repository().current()->sha256, older);
        QCOMPARE(site.repository().toFetch().value(0).sha256, newer);
        QVERIFY(QFile::exists(site.fileOf(older)));

        const BasemapFetcher::Outcome outcome = site.fetch();
        QCOMPARE(outcome.installed, 1);
        QCOMPARE(outcome.deletedFiles, QStringList {site.fileOf(older)});
        QCOMPARE(site.repository().current()->sha256, newer);
        QCOMPARE(site.repository().all().size(), 1); // the older's row went in that transaction
        QVERIFY(!QFile::exists(site.fileOf(older)));
        QCOMPARE(sha256Of(site.fileOf(newer)), newer);
    }
};

QTEST_GUILESS_MAIN(TestBasemapSync)
#include "tst_basemapsync.moc"
