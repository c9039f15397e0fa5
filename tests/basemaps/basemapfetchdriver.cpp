// Runs the device's basemap fetch on a store once, as the app does after a sync, in a process
// of its own so that a test can hold it to a file-size limit (a full disk).
//   basemapfetchdriver DB HOST:PORT DIR
// Prints "failed SHA CODE ARGS" for each package not installed, then "installed N failed M";
// exit 0 when nothing failed, 1 otherwise.
#include "basemapfetcher.h"
#include "storage/basemaprepository.h"
#include "storage/database.h"
#include "storage/syncmetarepository.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: basemapfetchdriver DB HOST:PORT DIR\n");
        return 2;
    }
    Database db;
    if (!db.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 2;
    }
    const QString token
        = SyncMetaRepository(db.connection()).value(QLatin1String(SyncMetaRepository::kAuthToken));
    SyncTransport transport(QString::fromLocal8Bit(argv[2]));
    BasemapFetcher::Options options;
    options.directory = QString::fromLocal8Bit(argv[3]);
    options.marginBytes = 0;
    BasemapFetcher fetcher(db.connection(), transport.channel(), token.toUtf8(), options);
    const BasemapFetcher::Outcome outcome = fetcher.run();
    for (const StoredBasemap &b : BasemapRepository(db.connection()).all()) {
        if (!b.installed())
            std::printf("failed %s %s %s\n", qPrintable(b.sha256), qPrintable(b.failure),
                        qPrintable(b.failureArgs.join(' ')));
    }
    std::printf("installed %d failed %d\n", outcome.installed, outcome.failed);
    return outcome.failed == 0 ? 0 : 1;
}
