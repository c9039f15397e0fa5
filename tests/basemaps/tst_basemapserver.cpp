// Basemap packages on the server (issue 17), on both backends, through a real
// qingshui-server: `basemap add` refuses what the tablets could not open (not SQLite, not an
// MBTiles, cut short, no datum, an unknown datum, a bad scope) with the file's message and
// registers nothing; a newer package supersedes the older one of its scope; the reference
// data's reply lists the packages whose scope meets the caller's, only to a device that asks
// (old tablets sync as before), at no extra call; the blob downloads to devices in scope and
// is refused, word for word as a missing blob, to others, to kiosks, and once removed.
#include "basemapserver.h"
#include "blobdownloader.h"
#include "serverprocess.h"
#include "storage/basemaprepository.h"
#include "storage/database.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"
#include "testtoken.h"

#include "qingshui/v1/catalog.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace v1 = qingshui::v1;

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

// The calls of the server's call log (one JSON line each) to this method.
int callsTo(const QByteArray &output, const QString &method)
{
    int n = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith('{')
            && QJsonDocument::fromJson(line).object().value("method").toString() == method)
            ++n;
    }
    return n;
}
// A device id (a UUID) per account, the same at every login.
std::string deviceOf(const QString &user)
{
    return QUuid::createUuidV5(QUuid(), user).toString(QUuid::WithoutBraces).toStdString();
}

int allCalls(const QByteArray &output)
{
    int n = 0;
    for (const QByteArray &line : output.split('\n'))
        n += line.startsWith('{') ? 1 : 0;
    return n;
}

// Xichuan county (411326), one of its townships (411326100), another county (420322).
struct Site {
    QTemporaryDir dir;
    QString dbPath;
    std::unique_ptr<ServerProcess> server;

    bool create()
    {
        dbPath = dir.filePath("server.db");
        server = std::make_unique<ServerProcess>(dbPath);
        return server->addUser("county-sup", "supervisor", "411326")
            && server->addUser("town-ins", "inspector", "411326100")
            && server->addUser("other-ins", "inspector", "420322")
            && server->addUser("kiosk", "kiosk") && server->start();
    }
    bool add(const QString &file, const QString &scope, const QString &name = {})
    {
        return BasemapServer::add(*server, dbPath, file, scope, name);
    }
    QString blobPath(const QString &sha) const
    {
        return dbPath + ".blobs/" + sha.left(2) + "/" + sha;
    }
};

} // namespace

class TestBasemapServer : public QObject {
    Q_OBJECT

private slots:
    void badFilesAreRefusedWithTheirMessageAndNothingIsRegistered()
    {
        Site site;
        QVERIFY(site.create());
        const QString good = site.dir.filePath("good.mbtiles");
        QVERIFY(BasemapServer::writeFile(good));

        QFile junk(site.dir.filePath("junk.mbtiles"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(64 * 1024, 'x'));
        junk.close();

        // An SQLite file that is no MBTiles.
        const QString notMbtiles = site.dir.filePath("records.mbtiles");
        {
            Database other;
            QVERIFY(other.open(notMbtiles));
        }

        // A download cut halfway, registered as it is.
        QFile whole(good);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QFile cut(site.dir.filePath("cut.mbtiles"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();

        TestMbtiles noDatum;
        noDatum.metadata.removeIf([](const auto &kv) { return kv.first == "datum"; });
        QVERIFY(BasemapServer::writeFile(site.dir.filePath("nodatum.mbtiles"), noDatum));
        TestMbtiles baidu;
        for (auto &kv : baidu.metadata) {
            if (kv.first == "datum")
                kv.second = "BD-09";
        }
        QVERIFY(BasemapServer::writeFile(site.dir.filePath("baidu.mbtiles"), baidu));

        const QList<QPair<QString, QString>> refused {
            {"junk.mbtiles", "mbtiles_not_sqlite"},
            {"records.mbtiles", "mbtiles_not_mbtiles"},
            {"cut.mbtiles", "mbtiles_"},
            {"nodatum.mbtiles", "mbtiles_no_datum"},
            {"baidu.mbtiles", "mbtiles_unknown_datum"},
            {"missing.mbtiles", "no such file"},
        };
        for (const auto &[file, message] : refused) {
            QVERIFY2(!site.add(site.dir.filePath(file), "411326"), qPrintable(file));
            QVERIFY2(site.server->adminOutput().contains(message),
                     qPrintable(file + ": " + site.server->adminOutput()));
        }
        // A scope that is no county or township.
        QVERIFY(!site.add(good, "41"));
        QVERIFY2(site.server->adminOutput().contains("county"),
                 qPrintable(site.server->adminOutput()));

        QVERIFY(BasemapServer::run(*site.server, site.dbPath, {"list"}));
        QCOMPARE(site.server->adminOutput(), QString());
        // None of their bytes became a blob.
        for (const auto &[file, message] : refused) {
            const QString sha = sha256Of(site.dir.filePath(file));
            QVERIFY(sha.isEmpty() || !QFile::exists(site.blobPath(sha)));
        }
    }

    void aNewerPackageSupersedesTheOlderOfItsScope()
    {
        Site site;
        QVERIFY(site.create());
        const QString first = site.dir.filePath("first.mbtiles");
        const QString second = site.dir.filePath("second.mbtiles");
        QVERIFY(BasemapServer::writeFile(first));
        TestMbtiles gcj;
        for (auto &kv : gcj.metadata) {
            if (kv.first == "datum")
                kv.second = "gcj02"; // as chinaDatumFromName reads it; stored by its name
        }
        QVERIFY(BasemapServer::writeFile(second, gcj));

        QVERIFY2(site.add(first, "411326", "淅川县 2025"), qPrintable(site.server->adminOutput()));
        const qint64 firstId = BasemapServer::addedId(site.server->adminOutput());
        const QString firstSha = BasemapServer::addedSha256(site.server->adminOutput());
        QCOMPARE(firstSha, sha256Of(first));
        QVERIFY(QFile::exists(site.blobPath(firstSha)));
        QVERIFY2(site.add(second, "411326"), qPrintable(site.server->adminOutput()));
        const qint64 secondId = BasemapServer::addedId(site.server->adminOutput());
        QVERIFY(secondId > firstId);
        QVERIFY2(site.server->adminOutput().contains("GCJ-02"),
                 qPrintable(site.server->adminOutput()));

        QVERIFY(BasemapServer::run(*site.server, site.dbPath, {"list"}));
        const QStringList lines = site.server->adminOutput().split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains("淅川县 2025") && lines[0].contains("superseded"),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains("test basemap") && lines[1].contains("current"),
                 qPrintable(lines[1]));

        // Only the current one is offered.
        const QString store = site.dir.filePath("county.db");
        QString error;
        QVERIFY2(logInStore(store, site.server->address(), "county-sup", &error),
                 qPrintable(error));
        Database db;
        QVERIFY(db.open(store));
        SyncTransport transport(site.server->address());
        const SyncResult result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<StoredBasemap> offered = BasemapRepository(db.connection()).toFetch();
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered[0].serverId, secondId);
        QCOMPARE(offered[0].datum, QString("GCJ-02"));
        QCOMPARE(result.basemapsToFetch, 1);

        // Removing by hand: nothing current is left, and a second remove is refused.
        QVERIFY(
            BasemapServer::run(*site.server, site.dbPath, {"remove", QString::number(secondId)}));
        QVERIFY(
            !BasemapServer::run(*site.server, site.dbPath, {"remove", QString::number(secondId)}));
        QVERIFY(BasemapServer::run(*site.server, site.dbPath, {"list"}));
        QVERIFY(!site.server->adminOutput().contains("current"));
    }

    void packagesReachTheDevicesWhoseScopeMeetsTheirs()
    {
        Site site;
        QVERIFY(site.create());
        const QString county = site.dir.filePath("county.mbtiles");
        const QString town = site.dir.filePath("town.mbtiles");
        QVERIFY(BasemapServer::writeFile(county));
        TestMbtiles small;
        small.metadata[0].second = "上集镇";
        QVERIFY(BasemapServer::writeFile(town, small));
        QVERIFY(site.add(county, "411326", "淅川县"));
        const QString countySha = BasemapServer::addedSha256(site.server->adminOutput());
        QVERIFY(site.add(town, "411326100", "上集镇"));
        const QString townSha = BasemapServer::addedSha256(site.server->adminOutput());

        auto channel = grpc::CreateChannel(site.server->address().toStdString(),
                                           grpc::InsecureChannelCredentials());
        auto offeredTo = [&](const QString &user, bool asks, QStringList *shas) {
            QByteArray token;
            QString error;
            if (!logInForToken(channel, user, deviceOf(user), &token, &error))
                return false;
            v1::ReferenceDataRequest request;
            request.set_known_version(1); // the server's: no regions, only the basemaps
            request.set_wants_basemaps(asks);
            v1::ReferenceDataResponse response;
            grpc::ClientContext context;
            context.AddMetadata("authorization", "Bearer " + token.toStdString());
            const grpc::Status status
                = v1::Catalog::NewStub(channel)->ReferenceData(&context, request, &response);
            if (!status.ok())
                qWarning("ReferenceData: %s", status.error_message().c_str());
            if (!status.ok())
                return false;
            for (const auto &p : response.basemaps())
                *shas << QString::fromStdString(p.sha256());
            return true;
        };
        QStringList shas;
        // The county's supervisor: the county's and its township's, newest first.
        QVERIFY(offeredTo("county-sup", true, &shas));
        QCOMPARE(shas, (QStringList {townSha, countySha}));
        // The township's inspector: its own and its county's.
        shas.clear();
        QVERIFY(offeredTo("town-ins", true, &shas));
        QCOMPARE(shas, (QStringList {townSha, countySha}));
        // Another county, a kiosk: none. A device that does not ask (an old tablet): none.
        shas.clear();
        QVERIFY(offeredTo("other-ins", true, &shas));
        QVERIFY(shas.isEmpty());
        QVERIFY(offeredTo("kiosk", true, &shas));
        QVERIFY(shas.isEmpty());
        QVERIFY(offeredTo("town-ins", false, &shas));
        QVERIFY(shas.isEmpty());

        // Downloads: in scope byte for byte; out of scope and kiosks as for a missing blob.
        for (const QString &user : {QString("county-sup"), QString("town-ins")}) {
            QByteArray token;
            QString error;
            QVERIFY(logInForToken(channel, user, deviceOf(user), &token, &error));
            BlobDownloader downloader(channel, token);
            const QString target = site.dir.filePath(user + ".mbtiles");
            QVERIFY2(downloader.download(townSha, target), qPrintable(downloader.lastError()));
            QCOMPARE(sha256Of(target), townSha);
        }
        for (const QString &user : {QString("other-ins"), QString("kiosk")}) {
            QByteArray token;
            QString error;
            QVERIFY(logInForToken(channel, user, deviceOf(user), &token, &error));
            BlobDownloader downloader(channel, token);
            QVERIFY(!downloader.download(countySha, site.dir.filePath(user + ".mbtiles")));
            QCOMPARE(downloader.lastRefusal().code, QString("blob_not_available"));
            QCOMPARE(downloader.lastCode(), int(grpc::StatusCode::NOT_FOUND));
        }
        // Removed: no longer offered, no longer downloadable.
        QVERIFY(BasemapServer::run(*site.server, site.dbPath, {"remove", "1"}));
        shas.clear();
        QVERIFY(offeredTo("county-sup", true, &shas));
        QCOMPARE(shas, QStringList {townSha});
        QByteArray token;
        QString error;
        QVERIFY(logInForToken(channel, "county-sup", deviceOf("county-sup"), &token, &error));
        BlobDownloader downloader(channel, token);
        QVERIFY(!downloader.download(countySha, site.dir.filePath("again.mbtiles")));
        QCOMPARE(downloader.lastRefusal().code, QString("blob_not_available"));
    }

    // Issue 18 counts calls: a sync that changes nothing makes as many with packages offered
    // (and installed) as without any.
    void aNoOpSyncMakesNoMoreCallsForBasemaps()
    {
        Site site;
        QVERIFY(site.create());
        const QString store = site.dir.filePath("tablet.db");
        QString error;
        QVERIFY2(logInStore(store, site.server->address(), "town-ins", &error), qPrintable(error));
        Database db;
        QVERIFY(db.open(store));
        SyncTransport transport(site.server->address());
        // The packages come with the pull's page (issue 18; ReferenceData for older servers).
        const QString pull = "/qingshui.v1.Sync/Pull";
        int calls = 0;
        auto syncAndCount = [&](int pullCalls) {
            const int before = allCalls(site.server->standardOutput());
            const SyncResult result = SyncSession(db.connection(), transport).run();
            QVERIFY2(result.ok, qPrintable(result.error));
            // The pull is this sync's last call: once it is logged, all of them are.
            QTRY_COMPARE_WITH_TIMEOUT(callsTo(site.server->standardOutput(100), pull), pullCalls,
                                      10000);
            calls = allCalls(site.server->standardOutput()) - before;
        };
        syncAndCount(1); // the first sync brings what the store lacked
        syncAndCount(2);
        const int withoutBasemaps = calls;
        QVERIFY(withoutBasemaps > 0);

        const QString file = site.dir.filePath("town.mbtiles");
        QVERIFY(BasemapServer::writeFile(file));
        QVERIFY(site.add(file, "411326100"));
        syncAndCount(3);
        QCOMPARE(calls, withoutBasemaps); // it learns of the package in the same calls
        QCOMPARE(BasemapRepository(db.connection()).toFetch().size(), 1);
        syncAndCount(4);
        QCOMPARE(calls, withoutBasemaps);
    }
};

QTEST_GUILESS_MAIN(TestBasemapServer)
#include "tst_basemapserver.moc"
