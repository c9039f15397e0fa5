// Each face of the app builds only the services it shows (ServiceHost), and QML sees each as a
// singleton of its own: the kiosk has no form, camera or review; the inspector no dashboard
// or public feed; the supervisor no GPS. A singleton the face lacks reads as null in QML.
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "models/unitlistmodel.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTemporaryDir>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Qingshui_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Qingshui_UiPlugin)

namespace {

ServiceHost::Options faceOn(const QString &mode, const QTemporaryDir &dir)
{
    ServiceHost::Options options;
    options.mode = mode;
    options.dbPath = dir.filePath("store.db");
    options.kioskConfigPath = dir.filePath("kiosk.json");
    return options;
}

// The names of the services a host built (Services' non-null members).
QStringList built(const Services &s)
{
    const QList<QPair<QString, const void *>> all {{"sync", s.sync},
                                                   {"language", s.language},
                                                   {"login", s.login},
                                                   {"enrolment", s.enrolment},
                                                   {"settings", s.settings},
                                                   {"records", s.records},
                                                   {"inspector", s.inspector},
                                                   {"villagePicker", s.villagePicker},
                                                   {"position", s.position},
                                                   {"gps", s.gps},
                                                   {"form", s.form},
                                                   {"camera", s.camera},
                                                   {"ledger", s.ledger},
                                                   {"basemaps", s.basemaps},
                                                   {"mapLayers", s.mapLayers},
                                                   {"recordView", s.recordView},
                                                   {"revisionView", s.revisionView},
                                                   {"review", s.review},
                                                   {"dashboard", s.dashboard},
                                                   {"photos", s.photos},
                                                   {"ledgerList", s.ledgerList},
                                                   {"ledgerBoard", s.ledgerBoard},
                                                   {"units", s.units},
                                                   {"kiosk", s.kiosk},
                                                   {"figures", s.figures},
                                                   {"publicFeed", s.publicFeed}};
    QStringList names;
    for (const auto &[name, service] : all) {
        if (service)
            names << name;
    }
    return names;
}

} // namespace

class TestServiceHost : public QObject {
    Q_OBJECT
private slots:
    void eachFaceBuildsOnlyItsServices_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        const QStringList account {"sync",    "language",  "login",         "enrolment", "settings",
                                   "records", "inspector", "villagePicker", "basemaps"};
        QTest::newRow("inspector")
            << "inspector"
            << account + QStringList {"position", "gps", "form", "camera", "ledger", "mapLayers"};
        QTest::newRow("supervisor")
            << "supervisor" << account + QStringList {"ledger",       "mapLayers",  "recordView",
                                                      "revisionView", "review",     "dashboard",
                                                      "photos",       "ledgerList", "ledgerBoard"};
        QTest::newRow("kiosk") << "kiosk"
                               << QStringList {"sync",  "language", "login",   "recordView",
                                               "units", "kiosk",    "figures", "publicFeed"};
    }

    void eachFaceBuildsOnlyItsServices()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        ServiceHost host;
        QVERIFY2(host.start(faceOn(mode, dir)), qPrintable(host.error()));
        QStringList names = built(*host.services());
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        QCOMPARE(host.positionProvider() != nullptr, mode == "inspector");
    }

    void anUnknownFaceIsRefused()
    {
        QTemporaryDir dir;
        ServiceHost host;
        QVERIFY(!host.start(faceOn("exhibition", dir)));
        QVERIFY2(host.error().contains("exhibition"), qPrintable(host.error()));
    }

    // What QML reads: App.mode, a service of the face, and null (with a logged mistake) for
    // a service of another face, whose properties read as undefined.
    void qmlSeesTheFaceServicesAsSingletons()
    {
        QTemporaryDir dir;
        ServiceHost host;
        QVERIFY2(host.start(faceOn("kiosk", dir)), qPrintable(host.error()));
        Services::setInstance(host.services());
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nimport Qingshui.Ui\n"
                          "Item {\n"
                          "  property string mode: App.mode\n"
                          "  property bool feed: PublicFeed === null ? false : true\n"
                          "  property bool sameFeed: PublicFeed === PublicFeed\n"
                          "  property int units: Units.count\n"
                          "  property bool form: Form.answers !== undefined\n"
                          "}",
                          QUrl("qrc:/tst_servicehost.qml"));
        QTest::ignoreMessage(QtCriticalMsg, "this face of the app has no Form");
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression("\"Form\" is not available because the callback "
                                                "function returns a null pointer"));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        QCOMPARE(object->property("mode").toString(), QString("kiosk"));
        QVERIFY(object->property("feed").toBool());
        QVERIFY(object->property("sameFeed").toBool());
        QCOMPARE(object->property("units").toInt(), host.services()->units->rowCount());
        QVERIFY(object->property("units").toInt() > 0);
        QVERIFY(!object->property("form").toBool());
        Services::setInstance(nullptr);
    }
};

QTEST_MAIN(TestServiceHost)
#include "tst_servicehost.moc"
