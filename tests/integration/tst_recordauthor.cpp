// Who pushed each revision: a real qingshui-server stamps the caller's user name, the
// supervisor's store pulls it and filters by it.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncengine.h"
#include "testlogin.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool syncOnce(const QString &dbPath, const QString &server, QString *error)
{
    SyncEngine engine(dbPath, server);
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.syncNow();
    if (!finished.wait(30000)) {
        *error = QStringLiteral("no answer");
        return false;
    }
    *error = engine.lastError();
    return finished.first().at(0).toBool();
}

} // namespace

class TestRecordAuthor : public QObject {
    Q_OBJECT

    // An inspector's tablet logged in as `user` submits one record and syncs.
    void submitAs(const QString &dir, const QString &user, const QString &address,
                  const QString &recordId, const QString &claimedAuthor)
    {
        const QString path = dir + QLatin1Char('/') + user + QStringLiteral(".db");
        QString error;
        QVERIFY2(logInStore(path, address, user, &error), qPrintable(error));
        {
            Database db;
            QVERIFY(db.open(path));
            Record r;
            r.id = recordId;
            r.templateId = "sanitation_pond";
            r.category = "sanitation";
            r.villageCode = "411326105200";
            r.createdAtMs = r.updatedAtMs = 1750000000000;
            r.content = R"({"answers":{"note":"坑塘巡查"}})";
            r.authorDeviceId = SyncMetaRepository(db.connection()).deviceId();
            r.author = claimedAuthor; // what the tablet says counts for nothing
            RecordRepository records(db.connection());
            QVERIFY2(records.submit(r, uuid()), qPrintable(records.lastError()));
        }
        QVERIFY2(syncOnce(path, address, &error), qPrintable(error));
    }

private slots:
    void serverStampsTheCallerAndTheSupervisorFiltersByIt()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("zhangwei", "inspector", "411326"));
        QVERIFY(server.addUser("lina", "inspector", "411326"));
        QVERIFY(server.addUser("supervisor", "supervisor", "411326"));
        QVERIFY(server.start());

        const QString first = uuid(), second = uuid();
        submitAs(dir.path(), "zhangwei", server.address(), first, QString());
        if (QTest::currentTestFailed())
            return;
        submitAs(dir.path(), "lina", server.address(), second, "zhangwei");
        if (QTest::currentTestFailed())
            return;

        const QString supervisorPath = dir.filePath("supervisor.db");
        QString error;
        QVERIFY2(logInStore(supervisorPath, server.address(), "supervisor", &error),
                 qPrintable(error));
        QVERIFY2(syncOnce(supervisorPath, server.address(), &error), qPrintable(error));

        Database db;
        QVERIFY(db.open(supervisorPath));
        RecordRepository records(db.connection());
        QCOMPARE(records.find(first)->author, QStringLiteral("zhangwei"));
        QCOMPARE(records.find(second)->author, QStringLiteral("lina"));
        QCOMPARE(records.authors(), QStringList({"lina", "zhangwei"}));
        RecordFilter f;
        f.author = "lina";
        QCOMPARE(records.count(f), 1);
        QCOMPARE(records.query(f, 10).first().id, second);
        f.author = "nobody";
        QCOMPARE(records.count(f), 0);

        // An edit by another inspector is stamped with that inspector.
        {
            Database lina;
            QVERIFY(lina.open(dir.filePath("lina.db")));
            RecordRepository linaRecords(lina.connection());
            QVERIFY2(linaRecords.submit(*records.find(first), uuid()),
                     qPrintable(linaRecords.lastError()));
        }
        QVERIFY2(syncOnce(dir.filePath("lina.db"), server.address(), &error), qPrintable(error));
        db.close();
        QVERIFY2(syncOnce(supervisorPath, server.address(), &error), qPrintable(error));
        QVERIFY(db.open(supervisorPath));
        RecordRepository again(db.connection());
        QCOMPARE(again.find(first)->author, QStringLiteral("lina"));
        f.author = "lina";
        QCOMPARE(again.count(f), 2);
    }
};

QTEST_GUILESS_MAIN(TestRecordAuthor)
#include "tst_recordauthor.moc"
