// Runs one sync of a device store against a server, as the app's sync thread does, in a
// process of its own so a test can SIGKILL it in mid-push.
//   syncdriver DB HOST:PORT      exit 0 on success, 1 with the error on stderr (and
//                                "refusal: CODE" when the server refused)
#include "storage/database.h"
#include "syncsession.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: syncdriver DB HOST:PORT\n");
        return 2;
    }
    Database db;
    if (!db.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    SyncTransport transport(QString::fromLocal8Bit(argv[2]));
    const SyncResult result = SyncSession(db.connection(), transport).run();
    if (!result.ok) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error));
        if (!result.refusal.isEmpty())
            std::fprintf(stderr, "refusal: %s\n", qPrintable(result.refusal.code));
        return 1;
    }
    std::printf("pushed %d pulled %d\n", result.pushed, result.pulled);
    return 0;
}
