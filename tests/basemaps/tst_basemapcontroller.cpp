// The settings page's 底图 (BasemapController, singleton Basemaps) on a real store: a file
// imported by hand becomes the current basemap and replaces the one imported before; a
// corrupt file, one with no datum, one with an unknown datum and one larger than the free
// disk are refused with the user's words and leave the current basemap and the folder as
// they were; a package offered by a real server is fetched after a sync with its progress,
// shown as 使用中, and one that does not fit the disk says so with the sizes.
#include "basemapserver.h"
#include "controllers/basemapcontroller.h"
#include "serverprocess.h"
#include "storage/basemaprepository.h"
#include "storage/database.h"
#include "storage/referencedatarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <sys/resource.h>

namespace {

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestBasemapController : public QObject {
    Q_OBJECT

private slots:
    void aFileImportedByHandBecomesCurrent()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("tablet.db")));
        BasemapController::Options options;
        options.databasePath = db.path();
        options.directory = dir.filePath("basemaps");
        BasemapController basemaps(db.connection(), options, nullptr);
        QVERIFY(!basemaps.current().valid);
        QVERIFY2(basemaps.current().error.contains("还没有底图"),
                 qPrintable(basemaps.current().error));

        const QString first = dir.filePath("xichuan.mbtiles");
        QVERIFY(BasemapServer::writeFile(first));
        QVERIFY2(basemaps.importFile(QUrl::fromLocalFile(first)), qPrintable(basemaps.lastError()));
        QVERIFY(basemaps.current().valid);
        QCOMPARE(basemaps.current().datum, QString("WGS-84"));
        QCOMPARE(basemaps.packages().size(), 1);
        QCOMPARE(basemaps.packages()[0].scopeText, QString("手动导入"));
        QCOMPARE(basemaps.packages()[0].stateText, QString("使用中"));
        QVERIFY(basemaps.packages()[0].current);
        const QString firstPath = basemaps.current().path;
        QVERIFY(firstPath.startsWith(options.directory));

        // A second import replaces the first, file and all.
        TestMbtiles gcj;
        gcj.metadata[0].second = "淅川 GCJ";
        for (auto &kv : gcj.metadata) {
            if (kv.first == "datum")
                kv.second = "GCJ-02";
        }
        const QString second = dir.filePath("gcj.mbtiles");
        QVERIFY(BasemapServer::writeFile(second, gcj));
        QSignalSpy currentChanged(&basemaps, &BasemapController::currentChanged);
        QVERIFY(basemaps.importFile(QUrl::fromLocalFile(second)));
        QCOMPARE(currentChanged.size(), 1);
        QCOMPARE(basemaps.current().datum, QString("GCJ-02"));
        QCOMPARE(basemaps.current().name, QString("淅川 GCJ"));
        QVERIFY(!QFile::exists(firstPath));
        QCOMPARE(filesIn(options.directory).size(), 1);
        QCOMPARE(basemaps.packages().size(), 1);
    }

    void badFilesAreRefusedInTheUsersWordsAndNothingChanges()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("tablet.db")));
        BasemapController::Options options;
        options.databasePath = db.path();
        options.directory = dir.filePath("basemaps");
        qint64 free = qint64(1) << 40;
        options.freeBytes = [&free](const QString &) { return free; };
        options.marginBytes = 0;
        BasemapController basemaps(db.connection(), options, nullptr);
        const QString good = dir.filePath("good.mbtiles");
        QVERIFY(BasemapServer::writeFile(good));
        QVERIFY(basemaps.importFile(QUrl::fromLocalFile(good)));
        const BasemapInfo before = basemaps.current();
        const QStringList filesBefore = filesIn(options.directory);

        QFile junk(dir.filePath("junk.mbtiles"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        QFile whole(good);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile cut(dir.filePath("cut.mbtiles"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(whole.readAll().left(int(whole.size() / 2)));
        cut.close();
        TestMbtiles noDatum;
        noDatum.metadata.removeIf([](const auto &kv) { return kv.first == "datum"; });
        QVERIFY(BasemapServer::writeFile(dir.filePath("nodatum.mbtiles"), noDatum));
        TestMbtiles baidu;
        for (auto &kv : baidu.metadata) {
            if (kv.first == "datum")
                kv.second = "BD-09";
        }
        QVERIFY(BasemapServer::writeFile(dir.filePath("baidu.mbtiles"), baidu));

        for (const QString &name :
             {QString("junk.mbtiles"), QString("cut.mbtiles"), QString("nodatum.mbtiles"),
              QString("baidu.mbtiles"), QString("missing.mbtiles")}) {
            QVERIFY2(!basemaps.importFile(QUrl::fromLocalFile(dir.filePath(name))),
                     qPrintable(name));
            // Named, in Chinese, and not a developer's code.
            QVERIFY2(basemaps.lastError().contains(name), qPrintable(basemaps.lastError()));
            QVERIFY2(!basemaps.lastError().contains("mbtiles_"), qPrintable(basemaps.lastError()));
            QCOMPARE(basemaps.current().path, before.path);
            QVERIFY(basemaps.current().valid);
            QCOMPARE(filesIn(options.directory), filesBefore);
        }

        // Larger than the free disk: refused before a byte is copied.
        free = 1024;
        TestMbtiles other;
        other.metadata[0].second = "another";
        QVERIFY(BasemapServer::writeFile(dir.filePath("other.mbtiles"), other));
        QVERIFY(!basemaps.importFile(QUrl::fromLocalFile(dir.filePath("other.mbtiles"))));
        QVERIFY2(basemaps.lastError().contains("存储空间不足"), qPrintable(basemaps.lastError()));
        QCOMPARE(basemaps.current().path, before.path);
        QCOMPARE(filesIn(options.directory), filesBefore);
    }

    // The disk fills up during the copy: a driver process held to a file-size limit. Nothing
    // half-copied stays, the current basemap is the one imported before, and once there is
    // room the same file imports.
    void aDiskThatFillsUpDuringAnImportLosesNothing()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath("tablet.db");
        const QString folder = dir.filePath("basemaps");
        const QString small = dir.filePath("small.mbtiles");
        QVERIFY(BasemapServer::writeFile(small));
        TestMbtiles big;
        big.metadata[0].second = "big";
        // As large as a county's basemap needs to be to outgrow the limit.
        big.metadata.append({"description", QString(3 * 1024 * 1024, QChar('x'))});
        const QString large = dir.filePath("large.mbtiles");
        QVERIFY(BasemapServer::writeFile(large, big));
        auto runDriver = [&](const QString &file, qint64 limit, QString *out) {
            QProcess p;
            if (limit > 0) {
                p.setChildProcessModifier([limit] {
                    std::signal(SIGXFSZ, SIG_IGN);
                    const rlimit l {rlim_t(limit), rlim_t(limit)};
                    setrlimit(RLIMIT_FSIZE, &l);
                });
            }
            p.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
            p.start(QStringLiteral(QS_BASEMAPIMPORTDRIVER_PATH), {store, folder, file});
            if (!p.waitForFinished(60000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QString out;
        QCOMPARE(runDriver(small, 0, &out), 0); // the store made, a first basemap in place
        const QString currentPath = QRegularExpression("current (\\S+)").match(out).captured(1);
        QVERIFY2(QFile::exists(currentPath), qPrintable(out));
        const QStringList before = filesIn(folder);

        QCOMPARE(runDriver(large, 1024 * 1024, &out), 1);
        QVERIFY2(out.contains("refused") && out.contains("large.mbtiles")
                     && out.contains("current " + currentPath),
                 qPrintable(out));
        QCOMPARE(filesIn(folder), before); // no half-copied file

        QCOMPARE(runDriver(large, 0, &out), 0);
        QVERIFY2(out.contains("imported big"), qPrintable(out));
        QVERIFY(!QFile::exists(currentPath)); // the earlier import replaced
    }

    // After a sync the controller fetches what the server offers, on its own thread.
    void anOfferedPackageIsFetchedAfterASyncAndShownWithItsState()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        ServerProcess server(serverDb);
        QVERIFY(server.addUser("town-ins", "inspector", "411326100"));
        QVERIFY(server.start());
        const QString store = dir.filePath("tablet.db");
        QString error;
        QVERIFY2(logInStore(store, server.address(), "town-ins", &error), qPrintable(error));
        Database db;
        QVERIFY(db.open(store));
        QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty()); // as the app does

        BasemapController::Options options;
        options.databasePath = store;
        options.serverAddress = server.address(); // as --server: logInStore names none
        options.directory = dir.filePath("basemaps");
        std::atomic<qint64> free {10 * 1024}; // read on the fetcher's thread
        options.freeBytes = [&free](const QString &) { return free.load(); };
        options.marginBytes = 1024;
        BasemapController basemaps(db.connection(), options, nullptr);

        const QString file = dir.filePath("county.mbtiles");
        QVERIFY(BasemapServer::writeFile(file));
        QVERIFY(BasemapServer::add(server, serverDb, file, "411326", "淅川县"));
        SyncTransport transport(server.address());
        QVERIFY(SyncSession(db.connection(), transport).run().ok);
        basemaps.refresh();
        QCOMPARE(basemaps.packages().size(), 1);
        QCOMPARE(basemaps.packages()[0].scopeText, QString("淅川县"));
        QVERIFY(!basemaps.packages()[0].installed);

        // Too little room: declined, said with the sizes.
        QSignalSpy changed(&basemaps, &BasemapController::changed);
        basemaps.fetch();
        QVERIFY(basemaps.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!basemaps.busy(), 60000);
        QVERIFY2(basemaps.packages()[0].stateText.contains("存储空间不足"),
                 qPrintable(basemaps.packages()[0].stateText));
        QVERIFY(!basemaps.packages()[0].error.isEmpty());
        QVERIFY(!basemaps.current().valid);

        // Room made: it comes, and the map shows it.
        free = qint64(1) << 40;
        QSignalSpy currentChanged(&basemaps, &BasemapController::currentChanged);
        basemaps.fetch();
        QTRY_VERIFY_WITH_TIMEOUT(!basemaps.busy(), 60000);
        QCOMPARE(currentChanged.size(), 1);
        QVERIFY(basemaps.current().valid);
        QCOMPARE(basemaps.packages()[0].stateText, QString("使用中"));
        QCOMPARE(basemaps.packages()[0].progress, 1.0);
        QVERIFY(basemaps.packages()[0].error.isEmpty());
    }
};

QTEST_MAIN(TestBasemapController)
#include "tst_basemapcontroller.moc"
