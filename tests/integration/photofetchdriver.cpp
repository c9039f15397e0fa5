// Runs a supervisor's background photo fetch on a store, as the app does after a pull, in a
// process of its own so that a test can hold it to a file-size limit (a full disk).
//   photofetchdriver DB HOST:PORT
// Prints "first-progress SHA BYTES" for each photo (where its download started from),
// "failed SHA TEXT" for each failure (the app's words), then "fetched N failed M"; exit 0
// when every photo arrived, 1 otherwise.
#include "controllers/photofetchtext.h"
#include "media/photostore.h"
#include "photofetcher.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: photofetchdriver DB HOST:PORT\n");
        return 2;
    }
    PhotoFetcherOptions options;
    options.databasePath = QString::fromLocal8Bit(argv[1]);
    options.serverAddress = QString::fromLocal8Bit(argv[2]);
    options.photoDirectory = PhotoStore::rootBeside(options.databasePath);
    PhotoFetcher fetcher(options);
    QSet<QString> started;
    QObject::connect(&fetcher, &PhotoFetcher::photoProgress,
                     [&](const QString &sha, qint64 done, qint64) {
                         if (!started.contains(sha)) {
                             started.insert(sha);
                             std::printf("first-progress %s %lld\n", qPrintable(sha),
                                         static_cast<long long>(done));
                         }
                     });
    QObject::connect(&fetcher, &PhotoFetcher::photoFailed,
                     [&](const QString &sha, PhotoFetchFailure failure, const QString &detail) {
                         std::printf("failed %s %s (%s)\n", qPrintable(sha),
                                     qPrintable(PhotoFetchText::describe(failure)),
                                     qPrintable(detail));
                     });
    QObject::connect(&fetcher, &PhotoFetcher::statusChanged, [&] {
        const PhotoFetchStatus &s = fetcher.status();
        if (s.round < 1 || s.busy
            || (s.fetched + s.failed + s.notOnServer < s.wanted && !s.stopped))
            return;
        std::printf("fetched %d failed %d\n", s.fetched, s.failed + s.notOnServer);
        std::fflush(stdout);
        app.exit(s.fetched == s.wanted ? 0 : 1);
    });
    fetcher.refill();
    return app.exec();
}
