#include "initialsyncbench.h"

#include "benchstats.h"
#include "rawsqlitebench.h"
#include "searchablepull.h"
#include "serverprocess.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storage/walcheckpointer.h"
#include "syncbenchrecord.h"
#include "syncsession.h"
#include "synctransport.h"
#include "testlogin.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

constexpr int kTablets = 10; // the county's inspectors, each pushing its share

// One inspector's tablet: records [from, to) submitted as the form does, pushed through the
// server, then its store deleted (the disk holds the server and the supervisor only).
bool pushShare(SyncTransport &transport, const QString &storePath, int from, int to,
               const QString &lastRecordId)
{
    {
        Database db;
        if (!db.open(storePath, Database::ManualCheckpoints)) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error()));
            return false;
        }
        WalCheckpointer checkpoints(storePath);
        RecordRepository records(db.connection());
        const QString device = SyncMetaRepository(db.connection()).deviceId();
        // Pushed in slices so that the outbox and the log stay a tablet's size.
        constexpr int kSlice = 50000;
        for (int sliceFrom = from; sliceFrom < to; sliceFrom += kSlice) {
            const int sliceTo = std::min(to, sliceFrom + kSlice);
            for (int i = sliceFrom; i < sliceTo; ++i) {
                const Record r = syncBenchRecord(
                    i, i == to - 1 && !lastRecordId.isEmpty() ? lastRecordId : syncBenchRecordId(i),
                    device);
                if (!records.submit(r, TimeOrderedId::create())) {
                    std::fprintf(stderr, "%s\n", qPrintable(records.lastError()));
                    return false;
                }
            }
            SyncResult result;
            if (!SyncSession(db.connection(), transport).pushOutbox(&result)
                || result.pushed != sliceTo - sliceFrom) {
                std::fprintf(stderr, "push failed: %s\n", qPrintable(result.error));
                return false;
            }
        }
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(storePath + QLatin1String(suffix));
    return true;
}

} // namespace

int runInitialSyncBench(int argc, char *argv[])
{
    int records = 1000000;
    int runs = 1;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--records") == 0)
            records = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    if (records < kTablets || runs < 1) {
        std::fprintf(stderr, "initial-sync: --records must be at least %d, --runs at least 1\n",
                     kTablets);
        return 2;
    }

    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    if (!server.start()
        || !server.addUser(QStringLiteral("supervisor"), QStringLiteral("supervisor"),
                           QStringLiteral("411326"))) {
        std::fprintf(stderr, "qingshui-server did not start: %s\n",
                     qPrintable(server.adminOutput()));
        return 1;
    }
    SyncTransport transport(server.address());
    const QString lastRecordId = syncBenchRecordId(records - 1); // the last pushed: the probe
    QElapsedTimer seeding;
    seeding.start();
    for (int t = 0; t < kTablets; ++t) {
        const QString user = QStringLiteral("inspector%1").arg(t + 1);
        const QString store = dir.filePath(user + QLatin1String(".db"));
        QString error;
        if (!server.addUser(user, QStringLiteral("inspector"), QStringLiteral("411326"))
            || !logInStore(store, server.address(), user, &error)) {
            std::fprintf(stderr, "inspector %s: %s %s\n", qPrintable(user), qPrintable(error),
                         qPrintable(server.adminOutput()));
            return 1;
        }
        const int from = int(qint64(records) * t / kTablets);
        const int to = int(qint64(records) * (t + 1) / kTablets);
        if (!pushShare(transport, store, from, to, t == kTablets - 1 ? lastRecordId : QString()))
            return 1;
    }
    std::fprintf(stderr, "  %d records pushed by %d tablets in %.1f s\n", records, kTablets,
                 seeding.nsecsElapsed() / 1e9);

    // Each run pulls into a new, empty supervisor store from the same server, raw SQLite
    // measured just before it (this VM's speed drifts); the figures are the runs' medians.
    QList<double> seconds, raws;
    for (int run = 0; run < runs; ++run) {
        const QString supervisorStore = dir.filePath(QStringLiteral("supervisor.db"));
        for (const char *suffix : {"", "-wal", "-shm", "-search", "-search-wal", "-search-shm"})
            QFile::remove(supervisorStore + QLatin1String(suffix));
        raws << rawSqliteInsertsPerSecond();
        QString error;
        if (!logInStore(supervisorStore, server.address(), QStringLiteral("supervisor"), &error)) {
            std::fprintf(stderr, "login failed: %s\n", qPrintable(error));
            return 1;
        }
        SearchablePull pull;
        if (!pullToSearchable(supervisorStore, transport,
                              QStringLiteral("note-%1-").arg(records - 1), lastRecordId, &pull,
                              &error)
            || pull.pulled != records) {
            std::fprintf(stderr, "initial sync failed: %s (%d pulled)\n", qPrintable(error),
                         pull.pulled);
            return 1;
        }
        std::fprintf(stderr,
                     "  run %d: %.1f s (pull %.1f s, index %.1f s, checkpoint %.1f s); raw "
                     "SQLite %.0f rows/s; store %.0f MB\n",
                     run + 1, pull.seconds, pull.pullSeconds, pull.indexSeconds,
                     pull.checkpointSeconds, raws.last(), QFileInfo(supervisorStore).size() / 1e6);
        seconds << pull.seconds;
    }
    const double median = percentile(seconds, 50);
    const double raw = percentile(raws, 50);
    printFigure("sqlite_raw_insert_per_s", raw, "rows/s");
    printFigure(records == 1000000 ? "initial_sync_1m_s" : "initial_sync_s", median, "s");
    printFigure("initial_sync_records_per_s", records / median, "records/s");
    printFigure("initial_sync_to_raw_sqlite_ratio", raw > 0 ? records / median / raw : 0, "x");
    return 0;
}
