#include "storebench.h"

#include "benchstats.h"
#include "controllers/servicehost.h"
#include "domain/record.h"
#include "domain/region.h"
#include "models/recordlistmodel.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/syncmetarepository.h"
#include "storage/walcheckpointer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>

namespace {

constexpr int kStoreRecords = 100000;
constexpr int kSaveSamples = 2000;

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

void benchStartup(const QString &dbPath)
{
    QList<double> wall;
    QList<double> rss;
    for (int i = 0; i < 5; ++i) {
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
    benchStartup(path);
    return 0;
}
