// A kiosk whose store will not open (garbage bytes, a truncated real store) keeps the bad file
// aside as store.db.corrupt-<time> and starts on a fresh one: ServiceHost starts, the feed is
// empty, and the real executable's self-test passes. An inspector still fails loudly.
#include "controllers/publicfeed.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The files a bad store was moved to, beside it.
QStringList setAside(const QString &dbPath)
{
    const QFileInfo info(dbPath);
    // (its -wal and -shm, when the failed open made them, and its search index's files are
    // moved beside it)
    QStringList out = QDir(info.absolutePath())
                          .entryList({info.fileName() + ".corrupt-*"}, QDir::Files, QDir::Name);
    out.removeIf([](const QString &name) {
        return name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-search");
    });
    return out;
}

ServiceHost::Options kioskOn(const QString &dbPath, const QString &mode = "kiosk")
{
    return {mode, dbPath, QString(), QString(), false, QStringLiteral("zh_CN")};
}

// A real store with a few pages, cut in half.
bool writeTruncatedStore(const QString &path)
{
    {
        Database db;
        if (!db.open(path))
            return false;
    }
    QFile::remove(path + "-wal");
    QFile::remove(path + "-shm");
    const QByteArray whole = readAll(path);
    return whole.size() > 8192 && write(path, whole.left(whole.size() / 3));
}

} // namespace

class TestKioskCorruptStore : public QObject {
    Q_OBJECT

private slots:
    void garbageIsKeptAsideAndTheKioskStartsEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("store.db");
        const QByteArray garbage(40000, '\x5a');
        QVERIFY(write(path, garbage));
        ServiceHost host;
        QVERIFY2(host.start(kioskOn(path)), qPrintable(host.error()));
        QCOMPARE(host.services()->publicFeed->count(), 0);
        QVERIFY(host.services()->units); // bundled reference data loaded
        const QStringList aside = setAside(path);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir.filePath(aside.first())), garbage);
    }

    void truncatedStoreIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("store.db");
        QVERIFY(writeTruncatedStore(path));
        const QByteArray cut = readAll(path);
        ServiceHost host;
        QVERIFY2(host.start(kioskOn(path)), qPrintable(host.error()));
        const QStringList aside = setAside(path);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir.filePath(aside.first())), cut);
    }

    void aFeedThatCannotReadItsStoreSaysWhy()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath("store.db")), qPrintable(db.error()));
        PublicFeed feed(db.connection(), nullptr);
        db.connection().close(); // the store closed under the feed: empty, and a warning
        QTest::ignoreMessage(QtWarningMsg,
                             "the public feed shows nothing: cannot read the public "
                             "records: the store is not open");
        QCOMPARE(feed.count(), 0);
    }

    void otherModesStillFail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("store.db");
        QVERIFY(write(path, QByteArray(40000, '\x5a')));
        ServiceHost host;
        QVERIFY(!host.start(kioskOn(path, "inspector")));
        QVERIFY(!host.error().isEmpty());
        QVERIFY(setAside(path).isEmpty());
        QCOMPARE(readAll(path), QByteArray(40000, '\x5a'));
    }

    void theRealExecutableSelfTestsOnABadStore_data()
    {
        QTest::addColumn<bool>("truncated");
        QTest::newRow("garbage") << false;
        QTest::newRow("truncated store") << true;
    }
    void theRealExecutableSelfTestsOnABadStore()
    {
        QFETCH(bool, truncated);
        QTemporaryDir dir;
        const QString path = dir.filePath("store.db");
        QVERIFY(truncated ? writeTruncatedStore(path) : write(path, "not a database at all"));
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QINGSHUI_APP_PATH, {"--mode", "kiosk", "--db", path, "--self-test"});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(setAside(path).size(), 1);
    }
};

QTEST_MAIN(TestKioskCorruptStore)
#include "tst_kioskcorruptstore.moc"
