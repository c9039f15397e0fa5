#include "syncbench.h"

#include "benchstats.h"
#include "blobbench.h"
#include "callsduring.h"
#include "peerratios.h"
#include "photofetchbench.h"
#include "rawsqlitebench.h"
#include "searchablepull.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storage/walcheckpointer.h"
#include "syncbenchrecord.h"
#include "syncfigures.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

namespace {

constexpr int kRecords = 10000;

// The calls one sync makes, counted in the server's call log; -1 if it could not be read.
int callsOfOneSync(ServerProcess &server, QSqlDatabase db, SyncTransport &transport)
{
    bool settled = false;
    const QStringList methods = methodsCalledDuring(
        server, transport, [&] { SyncSession(db, transport).run(); }, &settled);
    return settled ? int(methods.size()) : -1;
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
                       QStringLiteral("supervisor"), &loginError)
        || !logInStore(dir.filePath(QStringLiteral("searchable.db")), server.address(),
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
    const QString lastRecordId = syncBenchRecordId(kRecords - 1); // the pull-to-searchable probe
    {
        RecordRepository records(inspector.connection());
        const QString device = SyncMetaRepository(inspector.connection()).deviceId();
        for (int i = 0; i < kRecords; ++i) {
            const Record r = syncBenchRecord(
                i, i == kRecords - 1 ? lastRecordId : syncBenchRecordId(i), device);
            if (!records.submit(r, TimeOrderedId::create())) {
                std::fprintf(stderr, "%s\n", qPrintable(records.lastError()));
                return 1;
            }
        }
    }

    // A tablet's records are submitted over days, and their log was copied back long before
    // the sync: so here, before the clock. Without it the same build's push read 35-42k in
    // some runs and 50-60k in others, likely as the WalCheckpointer's tick copied the 10,000
    // submits' log during the push or not.
    QSqlQuery(inspector.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

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
    // Pull until a supervisor can search it: stored, indexed, checkpointed (searchablepull.h).
    {
        SearchablePull pull;
        QString error;
        // Only the last record's note holds its own number after "note-".
        if (!pullToSearchable(dir.filePath(QStringLiteral("searchable.db")), transport,
                              QStringLiteral("note-%1-").arg(kRecords - 1), lastRecordId, &pull,
                              &error)
            || pull.pulled != kRecords) {
            std::fprintf(stderr, "pull to searchable failed: %s (%d)\n", qPrintable(error),
                         pull.pulled);
            return 1;
        }
        std::fprintf(stderr,
                     "  pull to searchable: pull %.0f ms, index %.0f ms, checkpoint %.0f ms\n",
                     pull.pullSeconds * 1e3, pull.indexSeconds * 1e3, pull.checkpointSeconds * 1e3);
        figures.pullToSearchableRecordsPerS = kRecords / pull.seconds;
        printFigure("pull_to_searchable_records_per_s", figures.pullToSearchableRecordsPerS,
                    "records/s");
        printFigure("pull_to_searchable_to_raw_sqlite_ratio",
                    raw > 0 ? figures.pullToSearchableRecordsPerS / raw : 0, "x");
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
        const int calls = callsOfOneSync(server, inspector.connection(), transport);
        if (calls < 0) {
            std::fprintf(stderr, "the server's call log did not show the sync's calls\n");
            return 1;
        }
        printFigure("noop_sync_calls", calls, "calls");
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
