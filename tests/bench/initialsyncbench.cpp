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
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--records") == 0)
            records = std::atoi(argv[i + 1]);
    }
    if (records < kTablets) {
        std::fprintf(stderr, "initial-sync: --records must be at least %d\n", kTablets);
        return 2;
    }
    const double raw = rawSqliteInsertsPerSecond();
    printFigure("sqlite_raw_insert_per_s", raw, "rows/s");

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

    const QString supervisorStore = dir.filePath(QStringLiteral("supervisor.db"));
    QString error;
    if (!logInStore(supervisorStore, server.address(), QStringLiteral("supervisor"), &error)) {
        std::fprintf(stderr, "login failed: %s\n", qPrintable(error));
        return 1;
    }
    SearchablePull pull;
    if (!pullToSearchable(supervisorStore, transport, QStringLiteral("note-%1-").arg(records - 1),
                          lastRecordId, &pull, &error)
        || pull.pulled != records) {
        std::fprintf(stderr, "initial sync failed: %s (%d pulled)\n", qPrintable(error),
                     pull.pulled);
        return 1;
    }
    std::fprintf(stderr, "  pull %.1f s, index %.1f s, checkpoint %.1f s; store %.0f MB\n",
                 pull.pullSeconds, pull.indexSeconds, pull.checkpointSeconds,
                 QFileInfo(supervisorStore).size() / 1e6);
    printFigure(records == 1000000 ? "initial_sync_1m_s" : "initial_sync_s", pull.seconds, "s");
    printFigure("initial_sync_records_per_s", records / pull.seconds, "records/s");
    printFigure("initial_sync_to_raw_sqlite_ratio", raw > 0 ? records / pull.seconds / raw : 0,
                "x");
    return 0;
}
