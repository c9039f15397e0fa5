// Checklists as data, over the wire: an administrator adds a new version of a template to a
// real qingshui-server; the next sync brings it to the tablet, old versions stay; a broken
// template never reaches anyone.
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/templaterepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestTemplateSync : public QObject {
    Q_OBJECT

private slots:
    void aNewTemplateVersionReachesTheTablet()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath("server.db"));
        QVERIFY(server.addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(server.start());
        QVERIFY(server.runAdmin({"template", "list", "--db", dir.filePath("server.db")}));
        QCOMPARE(server.adminOutput().count('\n'), 11); // the bundled ones

        const QString store = dir.filePath("tablet.db");
        QString error;
        QVERIFY2(logInStore(store, server.address(), "xc-inspector", &error), qPrintable(error));
        Database db;
        QVERIFY(db.open(store));
        TemplateRepository templates(db.connection());
        // The tablet starts with what the app bundles, here none; a sync brings all eleven.
        SyncTransport transport(server.address());
        SyncResult result = SyncSession(db.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.templatesAdded, 11);
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
};

QTEST_GUILESS_MAIN(TestTemplateSync)
#include "tst_templatesync.moc"
