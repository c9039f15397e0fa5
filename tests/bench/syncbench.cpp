#include "syncbench.h"

#include "benchstats.h"
#include "blobbench.h"
#include "peerratios.h"
#include "photofetchbench.h"
#include "rawsqlitebench.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storage/walcheckpointer.h"
#include "syncfigures.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>

namespace {

constexpr int kRecords = 10000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// About 1 KB of content, like the PouchDB peer's documents.
QByteArray content(int i)
{
    const QString note = QStringLiteral("note-%1-").arg(i).repeated(80).left(700);
    return QJsonDocument(
               QJsonObject {
                   {QStringLiteral("answers"),
                    QJsonObject {{QStringLiteral("A1"), i % 2 == 0},
                                 {QStringLiteral("A6_checked"), i % 50},
                                 {QStringLiteral("location"),
                                  QJsonObject {{QStringLiteral("lat"), 33.1 + (i % 1000) / 1e4},
                                               {QStringLiteral("lon"), 111.4 + (i % 777) / 1e4},
                                               {QStringLiteral("accuracy_m"), 4.5}}},
                                 {QStringLiteral("note"), note}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

int runSyncBench()
{
    // The hardware's limit first, so that every figure below reads against it.
    SyncFigures figures;
    const double raw = figures.rawSqliteInsertsPerS = rawSqliteInsertsPerSecond();
    printFigure("sqlite_raw_insert_per_s", raw, "rows/s");
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    if (!server.start()
        || !server.addUser(QStringLiteral("inspector"), QStringLiteral("inspector"),
                           QStringLiteral("411326"))
        || !server.addUser(QStringLiteral("supervisor"), QStringLiteral("supervisor"),
                           QStringLiteral("411326"))) {
        std::fprintf(stderr, "qingshui-server did not start: %s\n",
                     qPrintable(server.adminOutput()));
        return 1;
    }
    QString loginError;
    if (!logInStore(dir.filePath(QStringLiteral("inspector.db")), server.address(),
                    QStringLiteral("inspector"), &loginError)
        || !logInStore(dir.filePath(QStringLiteral("fresh.db")), server.address(),
                       QStringLiteral("supervisor"), &loginError)) {
        std::fprintf(stderr, "login failed: %s\n", qPrintable(loginError));
        return 1;
    }

    // Both stores are opened as the app's sync thread opens them: checkpoints are left to a
    // WalCheckpointer on a thread of its own (ServiceHost runs one; so does the bench).
    const QString inspectorPath = dir.filePath(QStringLiteral("inspector.db"));
    Database inspector;
    if (!inspector.open(inspectorPath, Database::ManualCheckpoints)) {
        std::fprintf(stderr, "%s\n", qPrintable(inspector.error()));
        return 1;
    }
    WalCheckpointer inspectorCheckpoints(inspectorPath);
    {
        RecordRepository records(inspector.connection());
        const QString device = SyncMetaRepository(inspector.connection()).deviceId();
        for (int i = 0; i < kRecords; ++i) {
            Record r;
            r.id = uuid();
            r.templateId = QStringLiteral("sanitation.toilet");
            r.category = QStringLiteral("sanitation");
            r.villageCode = QStringLiteral("411326105200");
            r.createdAtMs = r.updatedAtMs = 1700000000000 + i;
            r.content = content(i);
            r.authorDeviceId = device;
            if (!records.submit(r, uuid())) {
                std::fprintf(stderr, "%s\n", qPrintable(records.lastError()));
                return 1;
            }
        }
    }

    SyncTransport transport(server.address());
    // Push: committed on the server, acknowledged, outbox cleared.
    {
        SyncResult result;
        QElapsedTimer t;
        t.start();
        const bool ok = SyncSession(inspector.connection(), transport).pushOutbox(&result);
        const double s = t.nsecsElapsed() / 1e9;
        if (!ok || result.pushed != kRecords
            || OutboxRepository(inspector.connection()).pendingCount() != 0) {
            std::fprintf(stderr, "push failed: %s\n", qPrintable(result.error));
            return 1;
        }
        figures.pushRecordsPerS = kRecords / s;
        printFigure("push_records_per_s", kRecords / s, "records/s");
        printFigure("push_to_raw_sqlite_ratio", raw > 0 ? kRecords / s / raw : 0, "x");
    }
    // Pull into an empty device store.
    {
        const QString freshPath = dir.filePath(QStringLiteral("fresh.db"));
        Database fresh;
        fresh.open(freshPath, Database::ManualCheckpoints);
        WalCheckpointer freshCheckpoints(freshPath);
        SyncResult result;
        QElapsedTimer t;
        t.start();
        const bool ok = SyncSession(fresh.connection(), transport).pullChanges(&result);
        const double s = t.nsecsElapsed() / 1e9;
        if (!ok || result.pulled != kRecords) {
            std::fprintf(stderr, "pull failed: %s (%d)\n", qPrintable(result.error), result.pulled);
            return 1;
        }
        figures.pullRecordsPerS = kRecords / s;
        printFigure("pull_records_per_s", kRecords / s, "records/s");
        printFigure("pull_to_raw_sqlite_ratio", raw > 0 ? kRecords / s / raw : 0, "x");
        // What the pulled pages left to the checkpointer's thread: copying the log back.
        QElapsedTimer c;
        c.start();
        QSqlQuery(fresh.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        printFigure("pull_checkpoint_ms", c.nsecsElapsed() / 1e6, "ms");
    }
    // A sync with nothing to do: push an empty outbox, pull an empty page.
    {
        SyncSession(inspector.connection(), transport).run(); // catch up the cursor first
        QList<double> ms;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            const SyncResult r = SyncSession(inspector.connection(), transport).run();
            ms << t.nsecsElapsed() / 1e6;
            if (!r.ok || r.pushed != 0 || r.pulled != 0) {
                std::fprintf(stderr, "noop sync was not a no-op\n");
                return 1;
            }
        }
        figures.noopSyncMs = percentile(ms, 50);
        printFigure("noop_sync_ms", figures.noopSyncMs, "ms");
    }
    // Photos: 50 × 2 MB through the Blobs service.
    if (!runBlobUploadBench(server.address(),
                            SyncMetaRepository(inspector.connection())
                                .value(QLatin1String(SyncMetaRepository::kAuthToken))
                                .toUtf8(),
                            dir.filePath(QStringLiteral("photos")), &figures.blobUploadMBPerS))
        return 1;
    // A supervisor's photos: fetched after the pull, and the first one a record view shows.
    if (!runPhotoFetchBench(server, dir.path()))
        return 1;
    printPeerRatios(figures);
    return 0;
}
