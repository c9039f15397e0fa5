// Checklists and regions as data, over the wire: an administrator adds a new version of a
// template, or of the reference regions, to a real qingshui-server; the next sync brings it
// to the tablet (old template versions stay); broken input never reaches anyone.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestCatalogSync : public QObject {
    Q_OBJECT

private slots:
    void aNewTemplateVersionReachesTheTablet()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        QVERIFY(server.runAdmin({"template", "list", "--db", dir.filePath("server.db")}));
        // The bundled ones: eleven checklists and five versions they replaced (appearance v1,
        // pond v1 and v2, sewage v1, toilet v1).
        QCOMPARE(server.adminOutput().count('\n'), 16);

        const QString store = dir.filePath("tablet.db");
        QString error;
        QVERIFY2(logInStore(store, server.address(), "xc-inspector", &error), qPrintable(error));
        Database db;
        QVERIFY(db.open(store));
        TemplateRepository templates(db.connection());
        // The tablet starts with what the app bundles, here none; a sync brings all sixteen.
        SyncTransport transport(server.address());
        SyncResult result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.templatesAdded, 16);
        QCOMPARE(templates.latest("village_visit.pairing")->version, 1);

        // The county adds a question: version 2.
        QFile v1(QStringLiteral(QS_TEMPLATES_DIR "/village_visit.json"));
        QVERIFY(v1.open(QIODevice::ReadOnly));
        QJsonObject t = QJsonDocument::fromJson(v1.readAll()).object();
        t["version"] = 2;
        QJsonObject title = t["title"].toObject();
        title["zh"] = title["zh"].toString() + "（2026 修订）";
        t["title"] = title;
        const QString v2Path = dir.filePath("village_visit_v2.json");
        QFile v2(v2Path);
        QVERIFY(v2.open(QIODevice::WriteOnly));
        v2.write(QJsonDocument(t).toJson());
        v2.close();
        QVERIFY2(server.runAdmin({"template", "add", v2Path, "--db", dir.filePath("server.db")}),
                 qPrintable(server.adminOutput()));

        // Version 1 cannot be changed under the same number, and junk is refused.
        t["version"] = 1;
        QVERIFY(v2.open(QIODevice::WriteOnly | QIODevice::Truncate));
        v2.write(QJsonDocument(t).toJson());
        v2.close();
        QVERIFY(!server.runAdmin({"template", "add", v2Path, "--db", dir.filePath("server.db")}));
        QVERIFY(server.adminOutput().contains("new version"));
        QVERIFY(v2.open(QIODevice::WriteOnly | QIODevice::Truncate));
        v2.write("{\"id\": \"broken\"");
        v2.close();
        QVERIFY(!server.runAdmin({"template", "add", v2Path, "--db", dir.filePath("server.db")}));

        result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.templatesAdded, 1);
        QCOMPARE(templates.latest("village_visit.pairing")->version, 2);
        QVERIFY(
            templates.find("village_visit.pairing", 1).has_value()); // records keep their version
        QVERIFY(templates.latest("village_visit.pairing")->title.zh.endsWith("（2026 修订）"));

        // Nothing new: nothing comes.
        result = SyncSession(db.connection(), transport).run();
        QVERIFY(result.ok);
        QCOMPARE(result.templatesAdded, 0);
    }

    void newerReferenceDataReplacesTheTablets()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        ServerProcess server(serverDb);
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        const QString store = dir.filePath("tablet.db");
        QString error;
        QVERIFY(logInStore(store, server.address(), "xc-inspector", &error));
        Database db;
        QVERIFY(db.open(store));
        ReferenceDataRepository reference(db.connection());
        QVERIFY(reference.loadIfEmpty()); // as the app does at its first start
        QCOMPARE(reference.villageCount(), 4252);
        SyncTransport transport(server.address());
        SyncResult result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.referenceVersion, 0); // the server has the bundled version too

        // The statistics bureau adds a village: the administrator loads the corrected lists.
        const QString folder = dir.filePath("reference-2027");
        QVERIFY(QDir().mkpath(folder));
        for (const char *name : {"units.csv", "townships.csv", "villages.csv"})
            QVERIFY(QFile::copy(QString(QS_REFERENCE_DIR "/") + name, folder + "/" + name));
        {
            QFile villages(folder + "/villages.csv");
            QVERIFY(villages.open(QIODevice::Append));
            villages.write("411326105299,新建移民新村村民委员会,411326105,丹阳镇,411326,淅川县\n");
        }
        // A broken folder is refused whole.
        QVERIFY(!server.runAdmin({"reference", "load", dir.filePath("missing"), "--db", serverDb}));
        QVERIFY2(server.runAdmin({"reference", "load", folder, "--db", serverDb}),
                 qPrintable(server.adminOutput()));
        QVERIFY(server.adminOutput().contains("version 2"));

        result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.referenceVersion, 2);
        QCOMPARE(reference.version(), 2);
        QCOMPARE(reference.villageCount(), 4253);
        QCOMPARE(reference.unitCount(), 16);
        QCOMPARE(reference.village("411326105299")->name, QString("新建移民新村村民委员会"));
        result = SyncSession(db.connection(), transport).run();
        QCOMPARE(result.referenceVersion, 0);

        QFile bad(folder + "/villages.csv");
        QVERIFY(bad.open(QIODevice::Append));
        bad.write("not,a,village\n");
        bad.close();
        QVERIFY(!server.runAdmin({"reference", "load", folder, "--db", serverDb}));
        QVERIFY2(server.adminOutput().contains("villages.csv"), qPrintable(server.adminOutput()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogSync)
#include "tst_catalogsync.moc"
