#include "searchablepull.h"

#include "storage/database.h"
#include "storage/recordfilter.h"
#include "storage/recordrepository.h"
#include "storage/searchindex.h"
#include "storage/searchindexer.h"
#include "storage/walcheckpointer.h"
#include "syncsession.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace {

// A PASSIVE checkpoint leaves frames behind while another checkpoint (the WalCheckpointer's)
// runs: ask again until the whole log is in the file (`schema`: the store, or the index).
bool checkpointWholeLog(QSqlDatabase db, const char *schema)
{
    for (;;) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA %1.wal_checkpoint(PASSIVE)").arg(QLatin1String(schema)))
            || !q.next())
            return false;
        const bool busy = q.value(0).toInt() != 0;
        if (!busy && q.value(1).toInt() == q.value(2).toInt())
            return true;
    }
}

} // namespace

bool pullToSearchable(const QString &storePath, SyncTransport &transport, const QString &probeText,
                      const QString &probeRecordId, SearchablePull *out, QString *error)
{
    // As in the app: the sync thread's connection writes the store only; the UI's searches.
    Database sync, db;
    if (!sync.open(storePath, Database::ManualCheckpoints, Database::StoreOnly)
        || !db.open(storePath, Database::ManualCheckpoints)) {
        *error = sync.error() + db.error();
        return false;
    }
    WalCheckpointer checkpoints(storePath);
    // As in the app (ServiceHost): the indexer and the checkpointer follow the pull page by
    // page, each on its own thread.
    SearchIndexer indexer(storePath);
    QElapsedTimer clock;
    clock.start();
    SyncResult result;
    SyncSession session(sync.connection(), transport);
    session.setProgressCallback([&indexer, &checkpoints](const SyncProgress &progress) {
        if (progress.stage == SyncProgress::Pulling) {
            indexer.wake();
            checkpoints.wake();
        }
    });
    if (!session.pullChanges(&result)) {
        *error = QStringLiteral("pull failed: %1").arg(result.error);
        return false;
    }
    out->pulled = result.pulled;
    out->pullSeconds = clock.nsecsElapsed() / 1e9;
    // What the indexer has left, indexed here as it would be there (one lock: the two take
    // turns).
    int indexed = 0;
    while ((indexed = SearchIndex::indexPending(db.connection(), SearchIndexer::kBatch, error))
           > 0) { }
    if (indexed < 0 || SearchIndex::pendingCount(db.connection()) != 0) {
        *error = QStringLiteral("index not caught up: %1").arg(*error);
        return false;
    }
    const double indexedAt = clock.nsecsElapsed() / 1e9;
    out->indexSeconds = indexedAt - out->pullSeconds;
    if (!checkpointWholeLog(db.connection(), "main")
        || !checkpointWholeLog(db.connection(), "search")) {
        *error = QStringLiteral("checkpoint failed");
        return false;
    }
    out->seconds = clock.nsecsElapsed() / 1e9;
    out->checkpointSeconds = out->seconds - indexedAt;

    RecordFilter filter;
    filter.search = probeText;
    const QList<Record> found = RecordRepository(db.connection()).query(filter, 10);
    if (found.size() != 1 || found.first().id != probeRecordId) {
        *error = QStringLiteral("the review search for \"%1\" found %2 records, not the last "
                                "pulled one")
                     .arg(probeText)
                     .arg(found.size());
        return false;
    }
    return true;
}
