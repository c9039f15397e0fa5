// A sync with nothing to do is one round trip (issue 18), through a real qingshui-server on
// both backends: the pull carries the catalogue's questions (template versions, reference
// version, basemaps) and the page that ends it answers them, so an idle tablet or kiosk makes
// one call and writes nothing to its store; a changed template, reference version or basemap
// comes in that same call. Old tablets' separate calls answer as before, and a new tablet
// against a server that does not answer (--pull-without-catalog, as before issue 18) falls
// back to them.
#include "basemapserver.h"
#include "callsduring.h"
#include "serverprocess.h"
#include "storage/basemaprepository.h"
#include "storage/database.h"
#include "storage/referencedatarepository.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include "qingshui/v1/catalog.pb.h"
#include "qingshui/v1/sync.pb.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

namespace v1 = qingshui::v1;

namespace {

// The methods a piece of work called, in order, from the server's call log, space separated.
QString callsOf(ServerProcess &server, SyncTransport &transport, const std::function<void()> &work)
{
    return methodsCalledDuring(server, transport, work).join(' ');
}

// Another connection to a store: PRAGMA data_version, read twice on the same connection,
// differs when some other connection committed a change in between.
class CommitWatch {
public:
    explicit CommitWatch(const QString &store) { m_ok = m_db.open(store); }
    qint64 dataVersion()
    {
        QSqlQuery q(m_db.connection());
        return m_ok && q.exec("PRAGMA data_version") && q.next() ? q.value(0).toLongLong() : -1;
    }

private:
    Database m_db;
    bool m_ok = false;
};

struct Site {
    QTemporaryDir dir;
    QString dbPath;
    std::unique_ptr<ServerProcess> server;

    bool create(const QStringList &serverArgs = {})
    {
        dbPath = dir.filePath("server.db");
        server = std::make_unique<ServerProcess>(dbPath);
        return server->addUser("town-ins", "inspector", "411326100")
            && server->addUser("kiosk", "kiosk", "411326") && server->start(serverArgs);
    }
    // A store logged in as `user`, opened, and synced once (it brings the whole catalogue).
    bool device(const QString &user, Database *db, QString *error)
    {
        const QString store = dir.filePath(user + ".db");
        return logInStore(store, server->address(), user, error) && db->open(store);
    }
    // Version 2 of a bundled template, added as an administrator does.
    bool addTemplateVersion()
    {
        QFile v1(QStringLiteral(QS_TEMPLATES_DIR "/village_visit.json"));
        if (!v1.open(QIODevice::ReadOnly))
            return false;
        QJsonObject t = QJsonDocument::fromJson(v1.readAll()).object();
        t["version"] = 2;
        const QString path = dir.filePath("village_visit_v2.json");
        QFile v2(path);
        if (!v2.open(QIODevice::WriteOnly))
            return false;
        v2.write(QJsonDocument(t).toJson());
        v2.close();
        return server->runAdmin({"template", "add", path, "--db", dbPath});
    }
    // The reference regions with one village more: version 2.
    bool loadReferenceVersion()
    {
        const QString folder = dir.filePath("reference-2027");
        if (!QDir().mkpath(folder))
            return false;
        for (const char *name : {"units.csv", "townships.csv", "villages.csv"}) {
            if (!QFile::copy(QString(QS_REFERENCE_DIR "/") + name, folder + "/" + name))
                return false;
        }
        QFile villages(folder + "/villages.csv");
        if (!villages.open(QIODevice::Append))
            return false;
        villages.write("411326105299,新建移民新村村民委员会,411326105,丹阳镇,411326,淅川县\n");
        villages.close();
        return server->runAdmin({"reference", "load", folder, "--db", dbPath});
    }
};

const QString kPull = QStringLiteral("/qingshui.v1.Sync/Pull");
const QString kTemplates = QStringLiteral("/qingshui.v1.Catalog/ListTemplates");
const QString kReference = QStringLiteral("/qingshui.v1.Catalog/ReferenceData");

} // namespace

class TestOneTripSync : public QObject {
    Q_OBJECT

private slots:
    void aSyncWithNothingToDoIsOneCallAndWritesNothing()
    {
        Site site;
        QVERIFY(site.create());
        Database db;
        QString error;
        QVERIFY2(site.device("town-ins", &db, &error), qPrintable(error));
        SyncTransport transport(site.server->address());
        SyncResult result;
        // The first sync brings the catalogue, in its pull.
        QString calls = callsOf(*site.server, transport,
                                [&] { result = SyncSession(db.connection(), transport).run(); });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, kPull);
        QVERIFY(result.templatesAdded > 0);
        QVERIFY(TemplateRepository(db.connection()).latest("village_visit.pairing").has_value());
        QCOMPARE(ReferenceDataRepository(db.connection()).version(), 1);

        CommitWatch watch(db.connection().databaseName());
        const qint64 before = watch.dataVersion();
        QVERIFY(before >= 0);
        calls = callsOf(*site.server, transport,
                        [&] { result = SyncSession(db.connection(), transport).run(); });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, kPull);
        QCOMPARE(result.pulled, 0);
        QCOMPARE(result.templatesAdded, 0);
        QCOMPARE(result.referenceVersion, 0);
        QCOMPARE(watch.dataVersion(), before); // no commit touched the store
    }

    void aChangedCatalogueComesInThatSameCall()
    {
        Site site;
        QVERIFY(site.create());
        Database db;
        QString error;
        QVERIFY2(site.device("town-ins", &db, &error), qPrintable(error));
        SyncTransport transport(site.server->address());
        QVERIFY(SyncSession(db.connection(), transport).run().ok);

        QVERIFY2(site.addTemplateVersion(), qPrintable(site.server->adminOutput()));
        QVERIFY2(site.loadReferenceVersion(), qPrintable(site.server->adminOutput()));
        const QString file = site.dir.filePath("town.mbtiles");
        QVERIFY(BasemapServer::writeFile(file));
        QVERIFY2(BasemapServer::add(*site.server, site.dbPath, file, "411326100"),
                 qPrintable(site.server->adminOutput()));

        CommitWatch watch(db.connection().databaseName());
        const qint64 beforeChange = watch.dataVersion();
        QVERIFY(beforeChange >= 0);
        SyncResult result;
        const QString calls = callsOf(*site.server, transport, [&] {
            result = SyncSession(db.connection(), transport).run();
        });
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(watch.dataVersion() != beforeChange); // the watch sees what is stored
        QCOMPARE(calls, kPull);
        QCOMPARE(result.templatesAdded, 1);
        QCOMPARE(TemplateRepository(db.connection()).latest("village_visit.pairing")->version, 2);
        QCOMPARE(result.referenceVersion, 2);
        QVERIFY(ReferenceDataRepository(db.connection()).village("411326105299").has_value());
        QCOMPARE(result.basemapsToFetch, 1);
        QCOMPARE(BasemapRepository(db.connection()).toFetch().size(), 1);

        // Offered still, unchanged: one call, nothing written.
        const qint64 before = watch.dataVersion();
        const QString again = callsOf(*site.server, transport, [&] {
            result = SyncSession(db.connection(), transport).run();
        });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(again, kPull);
        QCOMPARE(result.basemapsToFetch, 1);
        QCOMPARE(watch.dataVersion(), before);
    }

    // A kiosk (read-only) gains the same: one call, nothing written.
    void aKioskWithNothingNewMakesOneCall()
    {
        Site site;
        QVERIFY(site.create());
        Database db;
        QString error;
        QVERIFY2(site.device("kiosk", &db, &error), qPrintable(error));
        SyncTransport transport(site.server->address());
        auto sync = [&] {
            SyncSession session(db.connection(), transport);
            session.setReadOnly(true);
            return session.run();
        };
        QVERIFY(sync().ok);
        CommitWatch watch(db.connection().databaseName());
        const qint64 before = watch.dataVersion();
        QVERIFY(before >= 0);
        SyncResult result;
        const QString calls = callsOf(*site.server, transport, [&] { result = sync(); });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, kPull);
        QCOMPARE(watch.dataVersion(), before);
    }

    // Old tablets keep their calls: a pull that asks nothing gets no catalogue, and
    // ListTemplates and ReferenceData answer what the pull would have.
    void oldTabletsCallsAnswerAsBefore()
    {
        Site site;
        QVERIFY(site.create());
        const QString file = site.dir.filePath("town.mbtiles");
        QVERIFY(BasemapServer::writeFile(file));
        QVERIFY(BasemapServer::add(*site.server, site.dbPath, file, "411326100"));
        Database db;
        QString error;
        QVERIFY2(site.device("town-ins", &db, &error), qPrintable(error));
        SyncTransport transport(site.server->address());
        transport.setToken(
            SyncMetaRepository(db.connection()).value(SyncMetaRepository::kAuthToken).toUtf8());

        v1::PullRequest oldPull;
        oldPull.set_page_size(1000);
        v1::PullResponse oldPage;
        QVERIFY2(transport.pull(oldPull, &oldPage), qPrintable(transport.lastError()));
        QVERIFY(!oldPage.has_more());
        QVERIFY(!oldPage.has_catalog());

        v1::ListTemplatesRequest templates;
        v1::ListTemplatesResponse templatesAnswer;
        QVERIFY(transport.listTemplates(templates, &templatesAnswer));
        QVERIFY(templatesAnswer.definitions_size() > 0);
        v1::ReferenceDataRequest reference;
        reference.set_wants_basemaps(true);
        v1::ReferenceDataResponse referenceAnswer;
        QVERIFY(transport.referenceData(reference, &referenceAnswer));
        QCOMPARE(referenceAnswer.basemaps_size(), 1);
        QVERIFY(referenceAnswer.villages_size() > 0);

        v1::PullRequest newPull = oldPull;
        *newPull.mutable_catalog()->mutable_templates() = templates;
        *newPull.mutable_catalog()->mutable_reference() = reference;
        v1::PullResponse newPage;
        QVERIFY(transport.pull(newPull, &newPage));
        QVERIFY(newPage.has_catalog());
        QCOMPARE(newPage.catalog().templates().SerializeAsString(),
                 templatesAnswer.SerializeAsString());
        QCOMPARE(newPage.catalog().reference().SerializeAsString(),
                 referenceAnswer.SerializeAsString());
        newPage.clear_catalog();
        QCOMPARE(newPage.SerializeAsString(), oldPage.SerializeAsString());

        // The old session's steps, one call each, bring what they always did.
        SyncSession old(db.connection(), transport);
        SyncResult result;
        const QString calls = callsOf(*site.server, transport, [&] {
            QVERIFY(old.pullChanges(&result) && old.fetchTemplates(&result)
                    && old.fetchReferenceData(&result));
        });
        QCOMPARE(calls, QStringList({kPull, kTemplates, kReference}).join(' '));
        QVERIFY(result.templatesAdded > 0);
        QCOMPARE(result.basemapsToFetch, 1);
    }

    // A server that does not answer the questions (as before issue 18): the new session asks
    // with the separate calls and brings the same.
    void aNewTabletFallsBackAgainstAnOldServer()
    {
        Site site;
        QVERIFY(site.create({"--pull-without-catalog"}));
        QVERIFY2(site.loadReferenceVersion(), qPrintable(site.server->adminOutput()));
        const QString file = site.dir.filePath("town.mbtiles");
        QVERIFY(BasemapServer::writeFile(file));
        QVERIFY(BasemapServer::add(*site.server, site.dbPath, file, "411326100"));
        Database db;
        QString error;
        QVERIFY2(site.device("town-ins", &db, &error), qPrintable(error));
        SyncTransport transport(site.server->address());
        SyncResult result;
        QString calls = callsOf(*site.server, transport,
                                [&] { result = SyncSession(db.connection(), transport).run(); });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, QStringList({kPull, kTemplates, kReference}).join(' '));
        QVERIFY(result.templatesAdded > 0);
        QCOMPARE(result.referenceVersion, 2);
        QCOMPARE(result.basemapsToFetch, 1);

        calls = callsOf(*site.server, transport,
                        [&] { result = SyncSession(db.connection(), transport).run(); });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, QStringList({kPull, kTemplates, kReference}).join(' '));
        QCOMPARE(result.templatesAdded, 0);
        QCOMPARE(result.referenceVersion, 0);
    }
};

QTEST_GUILESS_MAIN(TestOneTripSync)
#include "tst_onetripsync.moc"
