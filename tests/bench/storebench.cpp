#include "storebench.h"

#include "benchstats.h"
#include "controllers/formcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"
#include "domain/record.h"
#include "domain/region.h"
#include "media/photostore.h"
#include "models/recordlistmodel.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/searchindexfile.h"
#include "storage/syncmetarepository.h"
#include "storage/walcheckpointer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kStoreRecords = 100000;
constexpr int kSaveSamples = 2000;
constexpr int kSubmitSamples = 2000;
constexpr int kSubmitPhotos = 8; // photos on the tablet, referenced by the submitted records

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

// A sanitation (六清/六乱) record with every section answered, a GPS point and two photos.
QByteArray fullSanitationContent(QRandomGenerator &rng, const QString &note)
{
    QJsonObject answers;
    for (int i = 1; i <= 13; ++i)
        answers.insert(QStringLiteral("E%1").arg(i), rng.bounded(2) == 1);
    for (int i = 7; i <= 12; ++i)
        answers.insert(QStringLiteral("E%1_count").arg(i), int(rng.bounded(20)));
    answers.insert(QStringLiteral("E1_remaining"), int(rng.bounded(5)));
    answers.insert(QStringLiteral("E14"), QStringLiteral("yes"));
    answers.insert(QStringLiteral("E15_seat"), false);
    answers.insert(QStringLiteral("E16_households"), 120);
    answers.insert(QStringLiteral("E16_courtyards"), 64);
    answers.insert(QStringLiteral("location"),
                   QJsonObject {{QStringLiteral("lat"), 33.1 + rng.generateDouble() / 10},
                                {QStringLiteral("lon"), 111.4 + rng.generateDouble() / 10},
                                {QStringLiteral("alt"), 152.0},
                                {QStringLiteral("accuracy_m"), 4.2},
                                {QStringLiteral("fix_time_ms"), qint64(1700000000000)},
                                {QStringLiteral("source"), QStringLiteral("gps")},
                                {QStringLiteral("fixes_averaged"), 5}});
    const QString sha1 = QString(64, QLatin1Char('a'));
    const QString sha2 = QString(64, QLatin1Char('b'));
    answers.insert(QStringLiteral("photos"), QJsonArray {sha1, sha2});
    answers.insert(QStringLiteral("note"), note);
    return QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}})
        .toJson(QJsonDocument::Compact);
}

QByteArray fullSanitationContent(QRandomGenerator &rng)
{
    return fullSanitationContent(
        rng,
        QStringLiteral("村内主干道两侧已清理，东侧坑塘边仍有少量建筑垃圾，已要求三日内清运。"));
}

namespace {

// Fills a store with records spread over every unit, category and status.
bool fillStore(Database &db, int n)
{
    QSqlDatabase c = db.connection();
    ReferenceDataRepository reference(c);
    if (!reference.loadIfEmpty())
        return false;
    QStringList villages;
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT code FROM village"));
    while (q.next())
        villages << q.value(0).toString();
    const QString device = SyncMetaRepository(c).deviceId();
    const char *categories[] = {"sanitation", "ecology", "village_visit", "project_progress"};
    QRandomGenerator rng(42);
    RecordRepository records(c);
    const qint64 start = 1700000000000;
    for (int i = 0; i < n; ++i) {
        Record r;
        r.id = uuid();
        r.category = QLatin1String(categories[i % 4]);
        r.templateId = r.category == QLatin1String("sanitation")
            ? QStringLiteral("sanitation.appearance")
            : r.category;
        r.villageCode = villages.at(int(rng.bounded(villages.size())));
        r.createdAtMs = r.updatedAtMs = start + qint64(i) * 60000;
        r.content = fullSanitationContent(rng);
        r.authorDeviceId = device;
        const bool ok = i % 3 == 0 ? records.saveDraft(r) : records.submit(r, uuid());
        if (!ok) {
            std::fprintf(stderr, "fill failed: %s\n", qPrintable(records.lastError()));
            return false;
        }
    }
    QSqlQuery(c).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

void benchSave(Database &db)
{
    QRandomGenerator rng(7);
    RecordRepository records(db.connection());
    const QString device = SyncMetaRepository(db.connection()).deviceId();
    QList<double> ms;
    ms.reserve(kSaveSamples);
    for (int i = 0; i < kSaveSamples; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("sanitation.appearance");
        r.category = QStringLiteral("sanitation");
        r.villageCode = QStringLiteral("411326105200");
        r.createdAtMs = r.updatedAtMs = 1800000000000 + i;
        r.content = fullSanitationContent(rng);
        r.authorDeviceId = device;
        QElapsedTimer t;
        t.start();
        // Record + outbox in one transaction, as a submit does.
        if (!records.submit(r, uuid()))
            std::fprintf(stderr, "save failed: %s\n", qPrintable(records.lastError()));
        ms << t.nsecsElapsed() / 1e6;
    }
    printFigure("save_record_p50_ms", percentile(ms, 50), "ms");
    printFigure("save_record_p99_ms", percentile(ms, 99), "ms");
}

// Photos as the tablet's photo step stores them (stamped, in the store's photo folder), so
// that the list's refresh finds the submitted records' photos present, as on a tablet.
QStringList takePhotos(const QString &photoRoot)
{
    QStringList shas;
    PhotoStore photos(photoRoot);
    for (int i = 0; i < kSubmitPhotos; ++i) {
        QImage picture(1600, 1200, QImage::Format_RGB32);
        picture.fill(QColor::fromHsv(i * 40 % 360, 90, 200));
        QPainter(&picture).fillRect(200 + i * 50, 300, 600, 400, QColor(90, 130, 100));
        PhotoCaption caption;
        caption.time = QDateTime::fromMSecsSinceEpoch(1800000000000);
        caption.villageName = QStringLiteral("青塘村");
        const std::optional<StoredPhoto> photo = photos.importImage(picture, caption);
        if (!photo)
            return {};
        shas << photo->sha256;
    }
    return shas;
}

// Every question of a sanitation (六清/六乱) checklist answered as an inspector answers it:
// valid, with the photos and counts each "yes" asks for, a GPS point and a note.
QVariantMap fullSanitationAnswers(QRandomGenerator &rng, const QStringList &photos)
{
    auto photo = [&] { return photos.at(int(rng.bounded(photos.size()))); };
    QVariantMap a;
    const bool cleared = rng.bounded(2) == 1;
    a.insert(QStringLiteral("E1"), cleared);
    if (!cleared)
        a.insert(QStringLiteral("E1_remaining"), 1 + int(rng.bounded(5)));
    for (int i = 2; i <= 13; ++i) {
        const bool yes = rng.bounded(2) == 1;
        a.insert(QStringLiteral("E%1").arg(i), yes);
        if (yes && i >= 7 && i <= 12) {
            a.insert(QStringLiteral("E%1_count").arg(i), 1 + int(rng.bounded(20)));
            a.insert(QStringLiteral("E%1_photos").arg(i), QStringList {photo()});
        }
    }
    a.insert(QStringLiteral("E14"), QStringLiteral("yes"));
    a.insert(QStringLiteral("E15_seat"), true);
    a.insert(QStringLiteral("E15"), QStringLiteral("no"));
    a.insert(QStringLiteral("E16_households"), 120);
    a.insert(QStringLiteral("E16_courtyards"), 64);
    a.insert(QStringLiteral("location"),
             QVariantMap {{QStringLiteral("lat"), 33.1 + rng.generateDouble() / 10},
                          {QStringLiteral("lon"), 111.4 + rng.generateDouble() / 10},
                          {QStringLiteral("alt"), 152.0},
                          {QStringLiteral("accuracy_m"), 4.2},
                          {QStringLiteral("fix_time_ms"), 1800000000000.0},
                          {QStringLiteral("source"), QStringLiteral("gps")},
                          {QStringLiteral("fixes_averaged"), 5}});
    const int first = int(rng.bounded(photos.size())); // two different photos
    a.insert(QStringLiteral("photos"),
             QStringList {photos.at(first), photos.at((first + 1) % photos.size())});
    a.insert(
        QStringLiteral("note"),
        QStringLiteral("村内主干道两侧已清理，东侧坑塘边仍有少量建筑垃圾，已要求三日内清运。"));
    return a;
}

// What an inspector waits for after pressing 提交: FormController::submit() as FormPage.qml
// calls it, on the app's own services (ServiceHost, inspector face, offline) over the filled
// store: validation, raising failing standards, RecordRepository::submit, then what the
// `submitted` signal runs before the call returns (the record list's reload, the pending
// count, the settings and map layers' refresh). Filling the form is outside the clock; the
// event loop runs between submits, as the app's does.
bool benchSubmit(const QString &dbPath)
{
    ServiceHost host;
    if (!host.start({QStringLiteral("inspector"), dbPath, QString(), QString(), false,
                     QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "submit bench: %s\n", qPrintable(host.error()));
        return false;
    }
    FormController *form = host.services()->form;
    const QStringList photos
        = takePhotos(QFileInfo(dbPath).absolutePath() + QStringLiteral("/photos"));
    if (photos.isEmpty()) {
        std::fprintf(stderr, "submit bench: no photos\n");
        return false;
    }
    QRandomGenerator rng(11);
    QList<double> ms;
    ms.reserve(kSubmitSamples);
    for (int i = 0; i < kSubmitSamples; ++i) {
        if (!form->startNew(QStringLiteral("sanitation.appearance"),
                            QStringLiteral("411326105200"))) {
            std::fprintf(stderr, "submit bench: %s\n", qPrintable(form->lastError()));
            return false;
        }
        const QVariantMap answers = fullSanitationAnswers(rng, photos);
        for (auto it = answers.cbegin(); it != answers.cend(); ++it)
            form->setAnswer(it.key(), it.value());
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        const QString error = form->submit();
        ms << t.nsecsElapsed() / 1e6;
        if (!error.isEmpty()) {
            std::fprintf(stderr, "submit bench: %s (%s)\n", qPrintable(error),
                         qPrintable(QStringList(form->issues().keys()).join(QLatin1Char(' '))));
            return false;
        }
    }
    QCoreApplication::processEvents();
    printFigure("submit_p50_ms", percentile(ms, 50), "ms");
    printFigure("submit_p99_ms", percentile(ms, 99), "ms");
    return true;
}

void benchListFilter(Database &db)
{
    // County + category + status, as an inspector narrows the list.
    const QStringList units = {QStringLiteral("411326"), QStringLiteral("420322"),
                               QStringLiteral("420381"), QStringLiteral("411381")};
    QList<double> ms;
    for (int round = 0; round < 20; ++round) {
        RecordListModel model(db.connection(), {});
        QElapsedTimer t;
        t.start();
        RecordFilter filter;
        filter.unitCode = units.at(round % units.size());
        filter.category = QStringLiteral("sanitation");
        filter.statuses = {round % 2 ? ListStatus::Pending : ListStatus::Draft};
        model.setFilter(filter); // one reload: the count and the first page
        ms << t.nsecsElapsed() / 1e6;
        if (model.rowCount() == 0)
            std::fprintf(stderr, "filter matched nothing\n");
    }
    printFigure("list_filter_first_page_ms", percentile(ms, 50), "ms");
}

// Drops a file's pages from the OS page cache, as after a reboot: written back first
// (fdatasync), then POSIX_FADV_DONTNEED, which needs no root for clean pages.
void dropFromPageCache(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return; // no -wal or -shm: nothing cached
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

// Pages of the files in the OS page cache (mincore), and their pages in all.
std::pair<qint64, qint64> cachedPages(const QStringList &paths)
{
    const long pageSize = sysconf(_SC_PAGESIZE);
    qint64 cached = 0, total = 0;
    for (const QString &path : paths) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        struct stat st { };
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void *map = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                std::vector<unsigned char> resident(size_t((st.st_size + pageSize - 1) / pageSize));
                if (::mincore(map, size_t(st.st_size), resident.data()) == 0) {
                    total += qint64(resident.size());
                    for (unsigned char r : resident)
                        cached += r & 1;
                }
                ::munmap(map, size_t(st.st_size));
            }
        }
        ::close(fd);
    }
    return {cached, total};
}

// Warm: the store as the bench left it, in the OS cache. Cold: before each run the store's
// files (db, -wal, -shm, and its search index's three) are dropped from the cache, as on a
// tablet after a reboot (the app's binary and Qt's libraries stay cached: only the store is
// cold).
void benchStartup(const QString &dbPath, bool cold)
{
    QStringList storeFiles;
    for (const QString &file : {dbPath, SearchIndexFile::pathFor(dbPath)}) {
        for (const char *suffix : {"", "-wal", "-shm"})
            storeFiles << file + QLatin1String(suffix);
    }
    QList<double> wall;
    QList<double> rss;
    QList<double> cachedPct;
    for (int i = 0; i < 5; ++i) {
        if (cold) {
            for (const QString &file : storeFiles)
                dropFromPageCache(file);
            const auto [cached, total] = cachedPages(storeFiles);
            cachedPct << (total > 0 ? 100.0 * double(cached) / double(total) : 0);
        }
        QProcess app;
        QElapsedTimer t;
        t.start();
        // A tablet that knows its server, so the first frame is the list of its records, not
        // 连接服务器; a probe never syncs, so the address is never dialled.
        app.start(QStringLiteral(QINGSHUI_APP_PATH),
                  {QStringLiteral("--mode"), QStringLiteral("inspector"), QStringLiteral("--db"),
                   dbPath, QStringLiteral("--server"), QStringLiteral("127.0.0.1:9"),
                   QStringLiteral("--startup-probe")});
        if (!app.waitForReadyRead(30000)) {
            std::fprintf(stderr, "app did not report its first frame\n");
            return;
        }
        const double elapsed = t.nsecsElapsed() / 1e6;
        const QString line = QString::fromUtf8(app.readAllStandardOutput());
        app.waitForFinished(30000);
        static const QRegularExpression rssRe(QStringLiteral("rss_kb=(\\d+)"));
        const auto m = rssRe.match(line);
        wall << elapsed;
        rss << (m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : 0);
    }
    if (cold) {
        printFigure("startup_first_frame_cold_ms", percentile(wall, 50), "ms");
        // The most of the store any run still found cached: should be about 0.
        printFigure("startup_cold_store_cached_pct", percentile(cachedPct, 100), "%");
        return;
    }
    printFigure("startup_first_frame_ms", percentile(wall, 50), "ms");
    printFigure("startup_rss_mb", percentile(rss, 50), "MB");
}

} // namespace

int runStoreBench()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.db"));
    {
        // Opened as the app opens it: checkpoints run on a thread of their own.
        Database db;
        if (!db.open(path, Database::ManualCheckpoints)) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error()));
            return 1;
        }
        QElapsedTimer fill;
        fill.start();
        if (!fillStore(db, kStoreRecords))
            return 1;
        std::fprintf(stderr, "filled %d records in %.1f s\n", kStoreRecords,
                     fill.elapsed() / 1000.0);
        WalCheckpointer checkpointer(path);
        benchListFilter(db);
        benchSave(db);
    }
    if (!benchSubmit(path))
        return 1;
    benchStartup(path, false);
    benchStartup(path, true);
    return 0;
}
