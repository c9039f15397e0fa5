// The exports read back by real parsers: ogrinfo (GDAL) opens the GeoJSON, python3's csv
// module reads the CSV. A missing tool fails the test (scripts/install-deps.sh installs
// them), it never skips. The records name photos (the CSV and GeoJSON write their names);
// the ZIP of the photos themselves needs them on the device, where they come only by sync:
// tests/integration/tst_photozipexport.cpp, against a real server.
#include "domain/templatecatalog.h"
#include "media/photostore.h"
#include "reports/csvexport.h"
#include "reports/geojsonexport.h"
#include "reports/photozipexport.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kXichuanVillage = QStringLiteral("411326105200"); // 淅川县
const QString kYunxiVillage = QStringLiteral("420322100200"); // 郧西县
// A note a naive CSV writer breaks: comma, quotes, a line break, Chinese punctuation.
const QString kTrickyNote
    = QStringLiteral("东侧坑塘边有\"建筑垃圾\"，约3处, 已要求清运\n三日内完成");

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestExports : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    QString m_photoRoot; // nothing is in it: the ZIPs here hold no photo
    QStringList m_photoShas;
    QString m_toiletId; // 淅川, two photos, a GPS point
    QString m_noGpsId; // 郧西, no point

    // The tool's path, or a failed test saying how to get it.
    bool requireTool(const QString &name, QString *path)
    {
        *path = QStandardPaths::findExecutable(name);
        if (path->isEmpty())
            qWarning("%s is not installed: run scripts/install-deps.sh", qPrintable(name));
        return !path->isEmpty();
    }

    ToolRun run(const QString &program, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LC_ALL", "C.UTF-8"); // the tools print UTF-8 only in a UTF-8 locale
        p.setProcessEnvironment(env);
        p.start(program, args);
        ToolRun r;
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString addRecord(const QString &templateId, const QString &village, QJsonObject answers)
    {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = templateId;
        r.category = templateId.section('.', 0, 0);
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = 1736300000000 + m_photoShas.size();
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = "device-1";
        RecordRepository records(m_db.connection());
        if (!records.submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces)))
            return QString();
        return r.id;
    }

    // The name a photo of this colour has on the tablet that took it.
    QString photo(QColor color)
    {
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(color.name().toUtf8(), QCryptographicHash::Sha256).toHex());
        m_photoShas << sha;
        return sha;
    }

    QString path(const QString &name) { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_db.open(path("exports.db")));
        QVERIFY(ReferenceDataRepository(m_db.connection()).loadIfEmpty());
        QString error;
        QVERIFY(TemplateRepository(m_db.connection())
                    .storeDefinitions(bundledTemplateDefinitions(&error)));
        m_photoRoot = PhotoStore::rootBeside(path("exports.db"));
        const QString red = photo(Qt::red);
        const QString blue = photo(Qt::blue);
        const QString green = photo(Qt::green);
        QVERIFY(!red.isEmpty() && !blue.isEmpty() && !green.isEmpty());

        const QJsonObject location {{"lat", 33.0712345}, {"lon", 111.4923456}, {"accuracy_m", 4.5}};
        m_toiletId = addRecord("sanitation.toilet", kXichuanVillage,
                               {{"A1", true},
                                {"A2", true},
                                {"A2_photos", QJsonArray {red, blue}},
                                {"A3", false},
                                {"A4", true},
                                {"A5", false},
                                {"A6_checked", 12},
                                {"A6_sanitary", 9},
                                {"location", location},
                                {"note", kTrickyNote}});
        QVERIFY(!m_toiletId.isEmpty());
        // A pond located by C3, its own GPS question.
        QVERIFY(!addRecord("sanitation.pond", kXichuanVillage,
                           {{"C1_numbered", true},
                            {"C1", "XC-017"},
                            {"C3", QJsonObject {{"lat", 33.1}, {"lon", 111.5}}},
                            {"C6", "rehabilitated"},
                            {"photos", QJsonArray {green}}})
                     .isEmpty());
        m_noGpsId = addRecord("sanitation.toilet", kYunxiVillage, {{"A1", false}, {"A4", false}});
        QVERIFY(!m_noGpsId.isEmpty());
        // A draft stays out of every export.
        Record draft;
        draft.id = "draft-1";
        draft.templateId = "sanitation.toilet";
        draft.category = "sanitation";
        draft.villageCode = kXichuanVillage;
        draft.content = R"({"answers":{"A1":true}})";
        QVERIFY(RecordRepository(m_db.connection()).saveDraft(draft));
    }

    void geoJsonOpensInOgrinfo()
    {
        QString ogrinfo;
        QVERIFY2(requireTool("ogrinfo", &ogrinfo), "ogrinfo (gdal-bin) is missing");
        const ExportOutcome out = exportGeoJson(m_db.connection(), {}, path("all.geojson"));
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.records, 3);
        const ToolRun r = run(ogrinfo, {"-ro", "-al", "-so", path("all.geojson")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString info = QString::fromUtf8(r.out);
        QVERIFY2(info.contains("Feature Count: 3"), qPrintable(info));
        QVERIFY2(info.contains("Geometry: Point"), qPrintable(info));
        for (const char *field : {"record_id", "template_id", "village", "status", "A1",
                                  "A6_checked", "A2_photos", "note", "C1", "C6", "accuracy_m"})
            QVERIFY2(info.contains(QStringLiteral("\n%1: ").arg(QLatin1String(field))), field);
        QVERIFY2(info.contains("A6_checked: Integer"), qPrintable(info));
        QVERIFY2(info.contains("A1: Integer(Boolean)"), qPrintable(info));
        // WGS84 without a "crs" member (RFC 7946): GDAL reads it as EPSG:4326.
        QVERIFY2(info.contains("WGS 84"), qPrintable(info));
    }

    void geoJsonIsRfc7946()
    {
        QFile file(path("all.geojson"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root["type"].toString(), "FeatureCollection");
        QVERIFY(!root.contains("crs"));
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &f : root["features"].toArray())
            byId.insert(f["properties"]["record_id"].toString(), f.toObject());
        QCOMPARE(byId.size(), 3);
        const QJsonObject toilet = byId.value(m_toiletId);
        QCOMPARE(toilet["geometry"]["type"].toString(), "Point");
        QCOMPARE(toilet["geometry"]["coordinates"][0].toDouble(), 111.4923456); // lon first
        QCOMPARE(toilet["geometry"]["coordinates"][1].toDouble(), 33.0712345);
        const QJsonObject p = toilet["properties"].toObject();
        QCOMPARE(p["A1"].toBool(), true);
        QCOMPARE(p["A6_sanitary"].toInt(), 9);
        QCOMPARE(p["note"].toString(), kTrickyNote);
        QCOMPARE(p["village"].toString(), "九重村民委员会");
        QCOMPARE(p["unit"].toString(), "淅川县");
        QCOMPARE(p["A2_photos"].toString(),
                 QStringLiteral("九重村民委员会_%1_1.jpg 九重村民委员会_%1_2.jpg").arg(m_toiletId));
        QVERIFY(!p.contains("location")); // it is the geometry
        QVERIFY(byId.value(m_noGpsId).contains("geometry"));
        QVERIFY(byId.value(m_noGpsId)["geometry"].isNull());
    }

    void csvParsesWithChineseIntact()
    {
        QString python;
        QVERIFY2(requireTool("python3", &python), "python3 is missing");
        const ExportOutcome out = exportCsv(m_db.connection(), {}, path("all.csv"));
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.records, 3);
        QFile file(path("all.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(3) == "\xEF\xBB\xBF"); // the BOM Excel needs for UTF-8
        // python's csv module, strict: a quoting error fails; rows come back as JSON.
        const QString script
            = QStringLiteral("import csv, json, sys\n"
                             "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                             "    rows = list(csv.reader(f, strict=True))\n"
                             "print(json.dumps(rows))\n");
        const ToolRun r = run(python, {"-c", script, path("all.csv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 4); // header and three records
        const QJsonArray header = rows[0].toArray();
        QCOMPARE(header[0].toString(), "记录编号");
        QStringList headers;
        for (const QJsonValue &h : header)
            headers << h.toString();
        // Two checklists in one file: each answer column says which.
        QVERIFY2(headers.contains("厕所革命：该户有无害化卫生厕所"), qPrintable(headers.join('|')));
        QVERIFY(headers.contains("坑塘整治：坑塘编号"));
        const int note = int(headers.indexOf("厕所革命：发现的问题"));
        const int a1 = int(headers.indexOf("厕所革命：该户有无害化卫生厕所"));
        const int photos = int(headers.indexOf("厕所革命：厕所照片"));
        const int lat = int(headers.indexOf("纬度"));
        QVERIFY(note > 0 && a1 > 0 && photos > 0 && lat > 0);
        bool found = false;
        for (int i = 1; i < rows.size(); ++i) {
            const QJsonArray row = rows[i].toArray();
            QCOMPARE(row.size(), header.size());
            if (row[0].toString() != m_toiletId)
                continue;
            found = true;
            QCOMPARE(row[note].toString(), kTrickyNote);
            QCOMPARE(row[a1].toString(), "是");
            QCOMPARE(row[lat].toString(), "33.0712345");
            QCOMPARE(row[7].toString(), "九重村民委员会");
            QCOMPARE(
                row[photos].toString(),
                QStringLiteral("九重村民委员会_%1_1.jpg 九重村民委员会_%1_2.jpg").arg(m_toiletId));
        }
        QVERIFY(found);
    }

    void filtersApplyToEveryExport()
    {
        RecordFilter yunxi;
        yunxi.unitCode = "420322";
        const ExportOutcome geo = exportGeoJson(m_db.connection(), yunxi, path("yunxi.geojson"));
        QVERIFY2(geo.ok, qPrintable(geo.error));
        QCOMPARE(geo.records, 1);
        QString ogrinfo;
        QVERIFY2(requireTool("ogrinfo", &ogrinfo), "ogrinfo (gdal-bin) is missing");
        const ToolRun r = run(ogrinfo, {"-ro", "-al", "-so", path("yunxi.geojson")});
        QVERIFY2(QString::fromUtf8(r.out).contains("Feature Count: 1"), r.out.constData());
        const ExportOutcome csv = exportCsv(m_db.connection(), yunxi, path("yunxi.csv"));
        QCOMPARE(csv.records, 1);
        const ExportOutcome zip
            = exportPhotoZip(m_db.connection(), yunxi, m_photoRoot, path("yunxi.zip"));
        QVERIFY(zip.ok);
        QCOMPARE(zip.photos, 0);
        // No photo is still a ZIP, an empty one that python3's zipfile opens (not a file of no
        // bytes).
        QString python;
        QVERIFY2(requireTool("python3", &python), "python3 is missing");
        const ToolRun names
            = run(python,
                  {"-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).namelist())",
                   path("yunxi.zip")});
        QVERIFY2(names.exitCode == 0, names.err.constData());
        QCOMPARE(names.out.trimmed(), QByteArray("[]"));
    }

    void unwritablePathGivesAClearErrorAndNoFile()
    {
        // A regular file where the folder should be: unwritable even for root.
        QFile blocker(path("not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString target = path("not-a-folder/out");
        for (const ExportOutcome &out :
             {exportCsv(m_db.connection(), {}, target + ".csv"),
              exportGeoJson(m_db.connection(), {}, target + ".geojson"),
              exportPhotoZip(m_db.connection(), {}, m_photoRoot, target + ".zip")}) {
            QVERIFY(!out.ok);
            QVERIFY2(out.error.contains("cannot write") && out.error.contains(out.path),
                     qPrintable(out.error));
        }
        QCOMPARE(QDir(path("")).entryList({"*.tmp", "out*"}).size(), 0);
    }
};

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
