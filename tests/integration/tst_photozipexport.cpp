// The supervisor's ZIP of photos, with the photos come by sync: inspectors' tablets take them
// and sync to a real qingshui-server, the supervisor's store pulls the records and its
// PhotoFetcher brings the photos. unzip lists, tests and extracts every ZIP; python3's zipfile
// reads the entries' headers (the UTF-8 flag, stored, the date). The export
// (DashboardController, as the dashboard runs it) fetches what the device lacks before it
// writes, and names exactly what cannot be had (record, village, question, why) in its
// message and in a list inside the ZIP; it still writes the rest.
#include "controllers/dashboardcontroller.h"
#include "domain/templatecatalog.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "photofetcher.h"
#include "reports/photozipexport.h"
#include "serverprocess.h"
#include "storage/referencedatarepository.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncdevice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtTest>
#include <algorithm>
#include <csignal>
#include <sys/resource.h>

namespace {

const QString kXichuanVillage = QStringLiteral("411326105200"); // 淅川县 丹阳镇 九重村
const QString kYunxiVillage = QStringLiteral("420322100200"); // 郧西县

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
};

ToolRun unzip(const QStringList &args)
{
    const QString program = QStandardPaths::findExecutable("unzip");
    if (program.isEmpty())
        qWarning("unzip is not installed: run scripts/install-deps.sh");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LC_ALL", "C.UTF-8"); // unzip prints UTF-8 names only in a UTF-8 locale
    p.setProcessEnvironment(env);
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    return r;
}

// Each entry's header as python3's zipfile reads it: a reader that is not unzip.
QJsonArray zipEntries(const QString &zip)
{
    const QString python = QStandardPaths::findExecutable("python3");
    if (python.isEmpty())
        qWarning("python3 is not installed: run scripts/install-deps.sh");
    const char *script
        = "import json, sys, zipfile\n"
          "print(json.dumps([{'name': i.filename, 'utf8': bool(i.flag_bits & 0x800),\n"
          "    'stored': i.compress_type == zipfile.ZIP_STORED, 'mode': i.external_attr >> 16,\n"
          "    'time': '%04d-%02d-%02dT%02d:%02d:%02d' % i.date_time}\n"
          "    for i in zipfile.ZipFile(sys.argv[1]).infolist()]))\n";
    QProcess p;
    p.start(python, {"-c", script, zip});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qWarning("%s", p.readAllStandardError().constData());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestPhotoZipExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    SyncDevice m_tablet, m_yunxiTablet, m_supervisor;
    QStringList m_photoShas; // red, blue (the toilet), green (the pond)
    QString m_toiletId;

    QString path(const QString &name) { return m_dir.filePath(name); }

    bool openDevice(SyncDevice *device, const QString &user)
    {
        QString error;
        const bool ok = device->open(path(user + "/store.db"), m_server->address(), user, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }

    // A photo the tablet's camera takes and stores (its own folder).
    QString takePhoto(SyncDevice &tablet, QColor color, const QString &root = {})
    {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(color);
        const auto stored = PhotoStore(root.isEmpty() ? tablet.photoRoot() : root)
                                .importImage(image, {QDateTime::currentDateTime(), {}, "九重村"});
        return stored ? stored->sha256 : QString();
    }

    QString submit(SyncDevice &tablet, const QString &templateId, const QString &village,
                   const QJsonObject &answers)
    {
        Record r;
        r.id = uuid();
        r.templateId = templateId;
        r.category = templateId.section('.', 0, 0);
        r.villageCode = village;
        r.createdAtMs = r.updatedAtMs = 1736300000000 + m_photoShas.size();
        r.content = QJsonDocument(QJsonObject {{"answers", answers}}).toJson();
        r.authorDeviceId = SyncMetaRepository(tablet.db.connection()).deviceId();
        return tablet.records().submit(r, uuid()) ? r.id : QString();
    }

    QByteArray tabletBytes(const QString &sha)
    {
        QFile f(PhotoStore(m_tablet.photoRoot()).pathFor(sha));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString supervisorRoot() { return m_supervisor.photoRoot(); }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<PhotoFetchFailure>();
        m_server = std::make_unique<ServerProcess>(path("server.db"));
        QVERIFY(m_server->addUser("xc-inspector", "inspector", "411326"));
        QVERIFY(m_server->addUser("yx-inspector", "inspector", "420322"));
        QVERIFY(m_server->addUser("supervisor", "supervisor", "411326,420322"));
        QVERIFY(m_server->start());
        QVERIFY(openDevice(&m_tablet, "xc-inspector"));
        QVERIFY(openDevice(&m_yunxiTablet, "yx-inspector"));
        QVERIFY(openDevice(&m_supervisor, "supervisor"));
        // The supervisor's app loads places and checklists into its store at start.
        QVERIFY(ReferenceDataRepository(m_supervisor.db.connection()).loadIfEmpty());
        QString error;
        QVERIFY(TemplateRepository(m_supervisor.db.connection())
                    .storeDefinitions(bundledTemplateDefinitions(&error)));

        for (QColor color : {QColor(Qt::red), QColor(Qt::blue), QColor(Qt::green)}) {
            m_photoShas << takePhoto(m_tablet, color);
            QVERIFY(!m_photoShas.last().isEmpty());
        }
        m_toiletId = submit(m_tablet, "sanitation.toilet", kXichuanVillage,
                            {{"A1", true},
                             {"A2", true},
                             {"A2_photos", QJsonArray {m_photoShas[0], m_photoShas[1]}},
                             {"location", QJsonObject {{"lat", 33.07}, {"lon", 111.49}}}});
        QVERIFY(!m_toiletId.isEmpty());
        QVERIFY(
            !submit(
                 m_tablet, "sanitation.pond", kXichuanVillage,
                 {{"C1_numbered", true}, {"C1", "XC-017"}, {"photos", QJsonArray {m_photoShas[2]}}})
                 .isEmpty());
        QVERIFY(
            !submit(m_yunxiTablet, "sanitation.toilet", kYunxiVillage, {{"A1", false}}).isEmpty());
        QVERIFY(m_tablet.sync().ok);
        QVERIFY(m_yunxiTablet.sync().ok);

        // The supervisor pulls, and the photos follow as after every pull.
        QVERIFY(m_supervisor.sync().ok);
        PhotoFetcherOptions options;
        options.databasePath = m_supervisor.db.path();
        options.serverAddress = m_server->address();
        options.photoDirectory = supervisorRoot();
        PhotoFetcher fetcher(options);
        fetcher.refill();
        QTRY_VERIFY_WITH_TIMEOUT(
            fetcher.status().round == 1 && !fetcher.busy() && fetcher.fetched() == 3, 60000);
    }

    void zipHoldsThePhotosByteForByte()
    {
        const ExportOutcome out = exportPhotoZip(m_supervisor.db.connection(), {}, supervisorRoot(),
                                                 path("photos.zip"));
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.photos, 3);
        QCOMPARE(out.missingPhotos, 0);
        const ToolRun test = unzip({"-t", path("photos.zip")});
        QVERIFY2(test.exitCode == 0, test.out.constData()); // every CRC checks
        const ToolRun list = unzip({"-Z1", path("photos.zip")});
        QCOMPARE(list.exitCode, 0);
        QStringList names = QString::fromUtf8(list.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(names.size(), 3);
        const QString first = QStringLiteral("九重村民委员会_%1_1.jpg").arg(m_toiletId);
        const QString second = QStringLiteral("九重村民委员会_%1_2.jpg").arg(m_toiletId);
        QVERIFY2(names.contains(first), qPrintable(names.join('|')));
        QVERIFY(names.contains(second));
        // The bytes the inspector's tablet took.
        for (int i = 0; i < 2; ++i) {
            const ToolRun bytes = unzip({"-p", path("photos.zip"), i == 0 ? first : second});
            QCOMPARE(bytes.exitCode, 0);
            QVERIFY(bytes.out == tabletBytes(m_photoShas[i]));
        }
        // The names flagged UTF-8 (what tells Windows and macOS to show 九重村, not mojibake),
        // the JPEGs stored as they are, plain rw-r--r-- files, dated as the photo files (a ZIP
        // keeps local time to the even second).
        const QJsonArray entries = zipEntries(path("photos.zip"));
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            QVERIFY2(e["utf8"].toBool(), qPrintable(e["name"].toString()));
            QVERIFY(e["stored"].toBool());
            QCOMPARE(e["mode"].toInt(), 0100644);
        }
        for (int i = 0; i < 2; ++i) {
            const QString name = i == 0 ? first : second;
            QDateTime modified
                = QFileInfo(PhotoStore(supervisorRoot()).pathFor(m_photoShas[i])).lastModified();
            modified = modified.addSecs(-(modified.time().second() % 2));
            const auto entry
                = std::find_if(entries.begin(), entries.end(), [&](const QJsonValue &v) {
                      return v.toObject()["name"].toString() == name;
                  });
            QVERIFY(entry != entries.end());
            QCOMPARE(entry->toObject()["time"].toString(),
                     modified.toString("yyyy-MM-ddTHH:mm:ss"));
        }
    }

    void aFailedExportLeavesTheOldFileAlone()
    {
        const QString target = path("keep.zip");
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export");
        old.close();
        // A photo that is there but cannot be read (a folder in its place).
        const QString photoPath = PhotoStore(supervisorRoot()).pathFor(m_photoShas[2]);
        QVERIFY(QFile::rename(photoPath, photoPath + ".away"));
        QVERIFY(QDir().mkdir(photoPath));
        const ExportOutcome out
            = exportPhotoZip(m_supervisor.db.connection(), {}, supervisorRoot(), target);
        QVERIFY(QDir().rmdir(photoPath));
        QVERIFY(QFile::rename(photoPath + ".away", photoPath));
        QVERIFY(!out.ok);
        QVERIFY2(out.error.contains("cannot read photo"), qPrintable(out.error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the previous export"));
        QCOMPARE(QDir(path("")).entryList({"keep.zip*"}).size(), 1); // no temporary left
    }

    void aFullDiskFailsTheExportAndLeavesTheOldFileAlone()
    {
        const QString target = path("full.zip");
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export");
        old.close();
        // No file may grow past 100 bytes: the ZIP's write fails part way, as on a full disk.
        // (Permissions would not do: CI runs as root.)
        rlimit before {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
        rlimit small = before;
        small.rlim_cur = 100;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG, not a kill
        const bool limited = setrlimit(RLIMIT_FSIZE, &small) == 0;
        const ExportOutcome out
            = exportPhotoZip(m_supervisor.db.connection(), {}, supervisorRoot(), target);
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(limited);
        QVERIFY(!out.ok);
        QVERIFY2(out.error.startsWith("cannot write " + target + ": "), qPrintable(out.error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the previous export"));
        QCOMPARE(QDir(path("")).entryList({"full.zip*"}).size(), 1); // no temporary left
    }

    void missingPhotosAreNamedNotFatal()
    {
        const QString sha = m_photoShas[2];
        const QString photoPath = PhotoStore(supervisorRoot()).pathFor(sha);
        QVERIFY(QFile::rename(photoPath, photoPath + ".away"));
        const ExportOutcome out = exportPhotoZip(m_supervisor.db.connection(), {}, supervisorRoot(),
                                                 path("partial.zip"));
        QVERIFY(QFile::rename(photoPath + ".away", photoPath));
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(out.photos, 2);
        QCOMPARE(out.missingPhotos, 1);
        QCOMPARE(out.missing.size(), 1);
        QCOMPARE(out.missing[0].sha256, sha);
        QCOMPARE(out.missing[0].villageName, "九重村民委员会");
        QCOMPARE(out.missing[0].questionLabel, "坑塘现状照片"); // sanitation.pond "photos"
        QVERIFY(!out.missing[0].recordId.isEmpty());
    }

    // Through the dashboard's export: one photo not fetched yet, one the tablet never sent.
    void theExportFetchesWhatItLacksAndNamesWhatItCannotHave()
    {
        // Not on the supervisor's device yet: a photo of a record pulled just now.
        const QString late = takePhoto(m_tablet, Qt::yellow);
        const QString lateRecord = submit(m_tablet, "sanitation.pond", kXichuanVillage,
                                          {{"C1_numbered", false}, {"photos", QJsonArray {late}}});
        // Lost on the tablet: the record went to the server, its photo never did.
        const QString lost = takePhoto(m_tablet, Qt::magenta, path("lost-camera-roll"));
        const QString lostRecord
            = submit(m_tablet, "sanitation.pond", kXichuanVillage,
                     {{"C1_numbered", true}, {"C1", "XC-099"}, {"photos", QJsonArray {lost}}});
        QVERIFY(!lateRecord.isEmpty() && !lostRecord.isEmpty());
        QCOMPARE(m_tablet.sync().photosFailed, 1);
        QVERIFY(m_supervisor.sync().ok);
        QVERIFY(!PhotoStore(supervisorRoot()).contains(late));

        PhotoFetcherOptions options;
        options.databasePath = m_supervisor.db.path();
        options.serverAddress = m_server->address();
        options.photoDirectory = supervisorRoot();
        PhotoFetcher fetcher(options); // no pull yet: nothing fetched in the background
        RecordListModel queue(m_supervisor.db.connection(), {});
        DashboardController dashboard(m_supervisor.db.connection(), supervisorRoot(), &queue,
                                      &fetcher);
        QSignalSpy finished(&dashboard, &DashboardController::exportFinished);
        QTemporaryDir folder;
        QVERIFY(dashboard.exportTo("photos", QUrl::fromLocalFile(folder.path())));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toBool());
        const QString message = dashboard.exportMessage();
        QVERIFY2(message.contains("已导出 4 张照片"), qPrintable(message));
        QVERIFY2(message.contains("1 张未能导出"), qPrintable(message));
        QVERIFY2(
            message.contains("九重村民委员会 · 记录 " + lostRecord.left(8) + " · 坑塘现状照片"),
            qPrintable(message));
        QVERIFY2(message.contains("巡查员的平板尚未上传这张照片"), qPrintable(message));
        QVERIFY(PhotoStore(supervisorRoot()).contains(late)); // fetched for the export

        const QStringList zips = QDir(folder.path()).entryList({"*.zip"});
        QCOMPARE(zips.size(), 1);
        const QString zip = folder.filePath(zips[0]);
        QCOMPARE(unzip({"-t", zip}).exitCode, 0);
        QStringList names
            = QString::fromUtf8(unzip({"-Z1", zip}).out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(names.size(), 5); // four photos and the list of the missing one
        QVERIFY2(names.contains("缺少的照片.txt"), qPrintable(names.join('|')));
        const QString lateName = QStringLiteral("九重村民委员会_%1_1.jpg").arg(lateRecord);
        QVERIFY(names.contains(lateName));
        QVERIFY(unzip({"-p", zip, lateName}).out == tabletBytes(late));
        const QString list = QString::fromUtf8(unzip({"-p", zip, "缺少的照片.txt"}).out);
        QVERIFY2(list.contains(lostRecord) && list.contains("坑塘现状照片")
                     && list.contains(lost.left(12))
                     && list.contains("巡查员的平板尚未上传这张照片"),
                 qPrintable(list));
    }
};

QTEST_MAIN(TestPhotoZipExport)
#include "tst_photozipexport.moc"
